import Foundation
import Testing

@testable import JournalKit

/// The entry-aware merge on the concurrent edits a pair makes to one file.
@Suite struct EntryMergeTests {
    static let labels = MergeLabels(ours: "Mara (this computer)", theirs: "origin/main (the shared copy)")

    func merge(_ base: String?, _ ours: String, _ theirs: String, path: String = "sessions/2026-11-20.md")
        -> EntryMerge.Result?
    {
        EntryMerge.merge(
            base: base.map { Array($0.utf8) }, ours: Array(ours.utf8), theirs: Array(theirs.utf8), path: path,
            labels: Self.labels)
    }

    func text(_ result: EntryMerge.Result?) -> String {
        result.map { String(decoding: $0.bytes, as: UTF8.self) } ?? "<not merged>"
    }

    static let session = """
        ---
        date: 2026-11-20
        status: held
        # what we talk about next
        agenda:
          - Case review
          - Supervision notes
        goals: [clinical-reasoning]
        ---
        ## Notes

        We talked about the first case.

        ## Action items

        - [ ] @mentee read the chapter on triage (due 2026-11-27)
        - [ ] @mentor send the article

        ## Next

        Next time: the second case.

        """

    func edit(_ text: String, _ pairs: [(String, String)]) -> String {
        pairs.reduce(text) { text, pair in
            #expect(text.contains(pair.0), "\(pair.0) is in the text")
            return text.replacingOccurrences(of: pair.0, with: pair.1)
        }
    }

    @Test func aTickAndALineRightBelowBothApply() {
        let ours = edit(Self.session, [("- [ ] @mentee read", "- [x] @mentee read")])
        let theirs = edit(
            Self.session,
            [("- [ ] @mentor send the article\n", "- [ ] @mentor send the article\nAlso: call the clinic.\n")]
        )
        let result = merge(Self.session, ours, theirs)
        #expect(result?.conflicts == 0)
        #expect(text(result).contains("- [x] @mentee read the chapter on triage (due 2026-11-27)\n"))
        #expect(text(result).contains("Also: call the clinic."))
    }

    @Test func aTickOnOneSideAndANewDueDateOnTheOther() {
        let ours = edit(Self.session, [("- [ ] @mentee read", "- [x] @mentee read")])
        let theirs = edit(Self.session, [("(due 2026-11-27)", "(due 2026-12-04)")])
        let result = merge(Self.session, ours, theirs)
        #expect(result?.conflicts == 0)
        #expect(text(result).contains("- [x] @mentee read the chapter on triage (due 2026-12-04)\n"))
    }

    @Test func nextOnOneSideAndAnAgendaItemOnTheOther() {
        let ours = edit(Self.session, [("status: held\n", "status: held\nnext: 2026-12-04\n")])
        let theirs = edit(
            Self.session, [("  - Supervision notes\n", "  - Supervision notes\n  - Boundaries\n")])
        let result = merge(Self.session, ours, theirs)
        #expect(result?.conflicts == 0)
        let merged = text(result)
        #expect(merged.contains("next: 2026-12-04\n"))
        #expect(merged.contains("  - Boundaries\n"))
        #expect(merged.contains("# what we talk about next\n"), "comments stay")
        #expect(merged.contains("goals: [clinical-reasoning]\n"), "flow style stays")
    }

    @Test func agendaItemsAddedOnBothSidesAreBothKeptOursFirst() {
        let ours = edit(Self.session, [("  - Supervision notes\n", "  - Supervision notes\n  - Ours\n")])
        let theirs = edit(
            Self.session,
            [("  - Case review\n", ""), ("  - Supervision notes\n", "  - Supervision notes\n  - Theirs\n")])
        let result = merge(Self.session, ours, theirs)
        #expect(result?.conflicts == 0)
        #expect(
            text(result).contains("agenda:\n  - Supervision notes\n  - Ours\n  - Theirs\n"), "\(text(result))"
        )
    }

    @Test func theSameKeyChangedDifferentlyConflictsOnThatKeyAlone() {
        let ours = edit(
            Self.session, [("status: held", "status: cancelled"), ("first case", "first case, briefly")])
        let theirs = edit(Self.session, [("status: held", "status: moved")])
        let result = merge(Self.session, ours, theirs)
        #expect(result?.conflicts == 1)
        #expect(
            text(result).contains(
                "<<<<<<< Mara (this computer)\nstatus: cancelled\n=======\nstatus: moved\n>>>>>>> origin/main (the shared copy)\n"
            ), "\(text(result))")
        #expect(text(result).contains("first case, briefly"))
    }

    @Test func appendsAtTheEndOfASectionOnBothSidesKeepBoth() {
        let ours = edit(
            Self.session,
            [
                (
                    "- [ ] @mentor send the article\n",
                    "- [ ] @mentor send the article\n- [ ] @mentee book the room\n"
                )
            ])
        let theirs = edit(
            Self.session,
            [("- [ ] @mentor send the article\n", "- [ ] @mentor send the article\n- [ ] @mentor ask Sam\n")])
        let result = merge(Self.session, ours, theirs)
        #expect(result?.conflicts == 0)
        #expect(
            text(result).contains(
                "- [ ] @mentor send the article\n- [ ] @mentee book the room\n- [ ] @mentor ask Sam\n"))
    }

    @Test func theSameBodyLineEditedDifferentlyConflictsThere() {
        let ours = edit(Self.session, [("the first case.", "the first case and its risks.")])
        let theirs = edit(
            Self.session,
            [("the first case.", "the first case, in depth."), ("status: held", "status: moved")])
        let result = merge(Self.session, ours, theirs)
        #expect(result?.conflicts == 1)
        let merged = text(result)
        #expect(merged.contains("status: moved"))
        #expect(merged.contains("=======\nWe talked about the first case, in depth.\n>>>>>>>"))
    }

    @Test func milestonesMergePerMilestoneAndPerField() {
        let goal = """
            ---
            title: Clinical reasoning
            status: active
            milestones:
              - title: Present a case
                due: 2026-12-01
              - title: Lead a review
                due: 2027-01-15
            ---
            Body.

            """
        let ours = edit(goal, [("    due: 2026-12-01\n", "    due: 2026-12-01\n    done: true\n")])
        let theirs = edit(
            goal,
            [("due: 2027-01-15", "due: 2027-02-01"), ("    due: 2026-12-01\n", "    due: 2026-12-08\n")])
        let result = merge(goal, ours, theirs, path: "goals/clinical-reasoning.md")
        #expect(result?.conflicts == 0)
        #expect(
            text(result).contains(
                "  - title: Present a case\n    due: 2026-12-08\n    done: true\n  - title: Lead a review\n    due: 2027-02-01\n"
            ),
            "\(text(result))")
        let added = edit(goal, [("Body.", "Body.")]) + ""
        let oursNew = edit(added, [("---\nBody", "  - title: Ours\n---\nBody")])
        let theirsNew = edit(added, [("---\nBody", "  - title: Theirs\n---\nBody")])
        #expect(
            text(merge(goal, oursNew, theirsNew, path: "goals/g.md")).contains(
                "  - title: Ours\n  - title: Theirs\n"))
    }

    @Test func sectionsAddedOnBothSidesUnderOneHeadingHoldBoth() {
        let ours = Self.session + "## Follow-up\n\nOurs.\n"
        let theirs = Self.session + "## Follow-up\n\nTheirs.\n"
        let result = merge(Self.session, ours, theirs)
        #expect(result?.conflicts == 0)
        #expect(text(result).hasSuffix("## Follow-up\n\nOurs.\nTheirs.\n"), "\(text(result))")
    }

    @Test func whatIsNotAnEntryIsLeftToTheLineMerge() {
        #expect(merge("a\n", "b\n", "c\n", path: "README.md") == nil)
        #expect(merge(Self.session, Self.session + "x\n", Self.session + "y\n", path: "notes.txt") == nil)
        let broken = edit(Self.session, [("agenda:", "agenda: [")])
        #expect(merge(Self.session, broken, Self.session + "y\n") == nil)
        let marked = Self.session + "<<<<<<< HEAD\nx\n=======\ny\n>>>>>>> other\n"
        #expect(merge(Self.session, marked, Self.session + "y\n") == nil)
    }

    @Test func crlfFilesAndAMissingLastLineBreakMerge() {
        let crlf = Self.session.replacingOccurrences(of: "\n", with: "\r\n")
        let ours = crlf.replacingOccurrences(of: "- [ ] @mentee read", with: "- [x] @mentee read")
        let theirs = crlf.replacingOccurrences(of: "(due 2026-11-27)", with: "(due 2026-12-04)")
        let result = merge(crlf, ours, theirs)
        #expect(result?.conflicts == 0)
        #expect(text(result).contains("- [x] @mentee read the chapter on triage (due 2026-12-04)\r\n"))
        let bare = String(Self.session.dropLast())
        let unterminated = merge(bare, bare.replacingOccurrences(of: "held", with: "moved"), bare + " Later.")
        #expect(text(unterminated).hasSuffix("the second case. Later."), "\(text(unterminated))")
    }

    @Test func largeAndHostileVersionsMergeQuicklyOrAreLeftToGit() {
        let clock = ContinuousClock()
        let start = clock.now
        // Thousands of items: a tick on every one and a new due date on every one, merged.
        let items = (0..<3000).map { "- [ ] @mentee task \($0) (due 2026-12-01)\n" }.joined()
        let entry = "---\ndate: 2026-11-20\n---\n" + items
        let ticked = merge(
            entry, entry.replacingOccurrences(of: "- [ ]", with: "- [x]"),
            entry.replacingOccurrences(of: "2026-12-01", with: "2026-12-08"))
        #expect(ticked?.conflicts == 0)
        #expect(text(ticked).components(separatedBy: "- [x] @mentee task").count == 3001)
        #expect(!text(ticked).contains("2026-12-01"))
        // Too much changed on both sides to compare line by line here: left to git's line merge.
        let lines = (0..<4000).map { "Line \($0) of the notes.\n" }
        let body = "---\ndate: 2026-11-20\n---\n"
        let ours = lines.enumerated().map { $0.offset % 3 == 0 ? "Ours \($0.offset)\n" : $0.element }.joined()
        let theirs = lines.enumerated().map { $0.offset % 3 == 1 ? "Theirs \($0.offset)\n" : $0.element }
            .joined()
        #expect(merge(body + lines.joined(), body + ours, body + theirs) == nil)
        // Deep nesting, not UTF-8, empty: never a crash.
        let deep =
            "---\n" + (0..<90).map { String(repeating: "  ", count: $0) + "k\($0):\n" }.joined() + "---\n"
        _ = merge(deep, deep + "a\n", deep + "b\n")
        #expect(
            EntryMerge.merge(base: [0xFF, 0xFE], ours: [0x2D], theirs: [], path: "a.md", labels: Self.labels)
                == nil)
        #expect(merge("", "", "") == nil)
        #expect(clock.now - start < .seconds(10))
    }
}
