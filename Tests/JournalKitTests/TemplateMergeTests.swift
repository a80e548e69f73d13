import Foundation
import Testing

@testable import JournalKit

/// Merges where a pair's habits meet the templates: a commented line uncommented on one side
/// while another key changes on the other, the same change written two ways, flow-style lists.
@Suite struct TemplateMergeTests {
    let labels = MergeLabels(ours: "Dana (this computer)", theirs: "the shared copy")

    func merge(_ base: String, _ ours: String, _ theirs: String) -> (text: String, conflicts: Int) {
        let result = EntryMerge.merge(
            base: Array(base.utf8), ours: Array(ours.utf8), theirs: Array(theirs.utf8),
            path: "sessions/2026-10-19.md", labels: labels)
        return (
            result.map { String(decoding: $0.bytes, as: UTF8.self) } ?? "<not merged>",
            result?.conflicts ?? -1
        )
    }

    /// The session as journal reads it: status, next and goals, with no reading problem.
    func session(_ text: String) -> (status: String?, next: String?, goals: [String]) {
        let entry = EntryParser.parse(path: "sessions/2026-10-19.md", kind: .session, bytes: Array(text.utf8))
        #expect(entry.diagnostics.filter { $0.rule.hasPrefix("front-matter/") }.isEmpty, "\(text)")
        return (
            entry.session?.status.rawValue, entry.session?.next?.description,
            entry.session?.goals.map(\.id) ?? []
        )
    }

    /// As `journal new session` writes it: every optional key commented out below the others.
    static let template = """
        ---
        date: 2026-10-19
        goals: [speaking]
        # The agenda, agreed before the meeting (the mentee proposes it):
        # agenda:
        #   - first topic
        # held (the default once the day has come), planned, cancelled, or rescheduled (with next:):
        # status: planned
        # The date of the next meeting, once agreed (for a rescheduled one: the new date):
        # next: YYYY-MM-DD
        ---
        ## Notes

        """

    /// One side marks the meeting held, the other uncomments the template's `next:` line: both
    /// changes, no conflict, no key twice; in either order of the sides.
    @Test func uncommentingATemplateLineWhileAnotherKeyChanges() {
        let held = Self.template.replacingOccurrences(of: "# status: planned", with: "status: held")
        let next = Self.template.replacingOccurrences(of: "# next: YYYY-MM-DD", with: "next: 2026-10-26")
        for (ours, theirs) in [(held, next), (next, held)] {
            let merged = merge(Self.template, ours, theirs)
            #expect(merged.conflicts == 0, "\(merged.text)")
            let read = session(merged.text)
            #expect(read.status == "held")
            #expect(read.next == "2026-10-26")
            #expect(
                merged.text.components(separatedBy: "\nnext:").count == 2, "one next: line\n\(merged.text)")
        }
        // Both uncomment it with the same date, one also changes the status: once, no conflict.
        let both = merge(
            Self.template, next.replacingOccurrences(of: "# status: planned", with: "status: held"), next)
        #expect(both.conflicts == 0)
        #expect(both.text.components(separatedBy: "next: 2026-10-26").count == 2, "\(both.text)")
        // The agenda uncommented with its item on one side, the status on the other; and the
        // template's comments are each there once.
        let agenda = Self.template.replacingOccurrences(
            of: "# agenda:\n#   - first topic", with: "agenda:\n  - Case review")
        let three = merge(Self.template, agenda, held)
        #expect(three.conflicts == 0, "\(three.text)")
        #expect(session(three.text).status == "held")
        #expect(three.text.contains("agenda:\n  - Case review\n"), "\(three.text)")
        #expect(
            three.text.components(separatedBy: "# The date of the next meeting").count == 2, "\(three.text)")
    }

    /// The same value written two ways on the two sides is one change.
    @Test func theSameChangeWrittenTwoWaysIsNoConflict() {
        let plain = Self.template.replacingOccurrences(of: "# status: planned", with: "status: held")
        let quoted = Self.template.replacingOccurrences(of: "# status: planned", with: "status: \"held\"")
        let spaced = Self.template.replacingOccurrences(of: "# status: planned", with: "status:   held")
        for other in [quoted, spaced] {
            let merged = merge(Self.template, plain, other)
            #expect(merged.conflicts == 0, "\(merged.text)")
            #expect(session(merged.text).status == "held")
        }
        // Quotes that change what a word means are a real difference.
        let yes = Self.template.replacingOccurrences(of: "goals: [speaking]", with: "goals: true")
        let quotedYes = Self.template.replacingOccurrences(of: "goals: [speaking]", with: "goals: \"true\"")
        #expect(merge(Self.template, yes, quotedYes).conflicts == 1)
    }

    /// `goals: [a, b]` changed on both sides merges as the block list does: what either added
    /// stays (ours first), what either removed goes; written back in ours' style.
    @Test func flowStyleListsMergeAsBlockListsDo() {
        let base = Self.template.replacingOccurrences(
            of: "goals: [speaking]", with: "goals: [speaking, writing]")
        let ours = Self.template.replacingOccurrences(
            of: "goals: [speaking]", with: "goals: [speaking, writing, \"public: talks\"]")
        let theirs = Self.template.replacingOccurrences(
            of: "goals: [speaking]", with: "goals: [speaking, reading]")
        let merged = merge(base, ours, theirs)
        #expect(merged.conflicts == 0, "\(merged.text)")
        #expect(session(merged.text).goals == ["speaking", "public: talks", "reading"], "\(merged.text)")
        #expect(merged.text.contains("goals: [speaking, \"public: talks\", reading]"), "\(merged.text)")
        // A block list on our side and a flow list on theirs: written as ours, a block list.
        let block = Self.template.replacingOccurrences(
            of: "goals: [speaking]", with: "goals:\n  - speaking\n  - writing\n  - listening")
        let mixed = merge(base, block, theirs)
        #expect(mixed.conflicts == 0, "\(mixed.text)")
        #expect(session(mixed.text).goals == ["speaking", "listening", "reading"])
        #expect(mixed.text.contains("goals:\n  - speaking\n"), "\(mixed.text)")
    }

    /// What the conflict message tells a person: both versions the same, or a conflict in the
    /// front matter where each key is kept once.
    @Test func theShapeOfAConflictSaysWhatToDo() {
        let front = "---\n<<<<<<< Dana\nstatus: held\n=======\nstatus: cancelled\n>>>>>>> shared\n---\nText\n"
        #expect(ConflictMarkers.shape(of: front) == .init(bothReadTheSame: false, inFrontMatter: true))
        let same = "---\ndate: 2026-10-19\n---\n<<<<<<< Dana\nWe met.  \n=======\nWe met.\r\n>>>>>>> shared\n"
        #expect(ConflictMarkers.shape(of: same) == .init(bothReadTheSame: true, inFrontMatter: false))
        #expect(ConflictMarkers.shape(of: "---\ndate: 2026-10-19\n---\nNo markers.\n") == nil)
    }
}
