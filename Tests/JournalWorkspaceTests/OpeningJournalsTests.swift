import Foundation
import JournalKit
import JournalWorkspace
import TestSupport
import Testing

/// The layer every command goes through, in process: a journal opened from its folder, from a
/// revision, from git's index and through an editor's unsaved buffers, each giving what that
/// source holds; its settings read once and handed on; the run's day resolved in one place.
@Suite struct OpeningJournalsTests {
    static let agreement = """
        ---
        mentor: Dana Reyes <dana@example.org>
        mentee: Theo Berg <theo@example.org>
        started: 2026-09-01
        cadence: weekly
        ---

        """

    static func goal(_ title: String) -> String {
        "---\ntitle: \(title)\ntarget: 2027-01-01\nmeasure: a talk given\n---\n"
    }

    func git(_ arguments: [String], in folder: URL) throws {
        let run = try runProgram(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["git", "-c", "user.name=Dana", "-c", "user.email=dana@example.org"] + arguments, in: folder)
        #expect(run.status == 0, "git \(arguments): \(run.stderr)")
    }

    func title(_ opened: OpenedJournal) -> String? {
        opened.mentorships.first?.goals.first?.goal?.title
    }

    @Test func eachSourceGivesWhatItHolds() throws {
        let folder = try makeFolder(
            prefix: "journal-workspace",
            files: [
                "agreement.md": Self.agreement, "goals/speak.md": Self.goal("Committed title"),
                ".journal.yml": "report:\n  format: markdown\n",
            ])
        defer { try? FileManager.default.removeItem(at: folder) }
        try git(["init", "-q", "-b", "main"], in: folder)
        try git(["add", "-A"], in: folder)
        try git(["commit", "-qm", "Start"], in: folder)
        // Staged, then changed again in the work tree.
        try Self.goal("Staged title").write(
            to: folder.appendingPathComponent("goals/speak.md"), atomically: true, encoding: .utf8)
        try git(["add", "goals/speak.md"], in: folder)
        try Self.goal("Saved title").write(
            to: folder.appendingPathComponent("goals/speak.md"), atomically: true, encoding: .utf8)

        let day = CalendarDate("2026-10-20") ?? CalendarDate(dayNumber: 0)
        func open(_ reading: Reading) throws -> OpenedJournal {
            try OpenedJournal(
                workingDirectory: folder, path: nil, mentorships: [], reading: reading, cache: nil, today: day
            )
        }
        #expect(title(try open(.folder)) == "Saved title")
        #expect(title(try open(.revision("HEAD"))) == "Committed title")
        #expect(title(try open(.staged)) == "Staged title")
        // The settings are the journal's, read once with it.
        #expect(try open(.folder).settings.reportFormat == "markdown")

        // An editor's unsaved buffer over the folder.
        let overlay = OverlaySource(
            base: FolderSource(root: folder),
            overlay: ["goals/speak.md": Array(Self.goal("Typed title").utf8)])
        let typed = JournalLoader.load(source: overlay, root: folder)
        #expect(typed.mentorships.first?.goals.first?.goal?.title == "Typed title")

        // A revision that does not exist is said as such, not read as an empty journal.
        #expect(throws: (any Error).self) { try open(.revision("no-such-branch")) }
    }

    @Test func theRunsDayIsResolvedInOnePlace() {
        let given = RunDay.resolve(option: "2026-10-20", environment: ["JOURNAL_TODAY": "2026-01-01"])
        #expect((try? given.get())?.date == CalendarDate(year: 2026, month: 10, day: 20))
        #expect((try? given.get())?.isGiven == true)
        let variable = RunDay.resolve(option: nil, environment: ["JOURNAL_TODAY": "2026-01-01"])
        #expect((try? variable.get())?.date == CalendarDate(year: 2026, month: 1, day: 1))
        // Nothing given (an empty variable is none): the clock's day, and said to be the clock's.
        let clock = RunDay.resolve(option: nil, environment: ["JOURNAL_TODAY": ""])
        #expect((try? clock.get())?.isGiven == false)
        if case .failure(let problem) = RunDay.resolve(
            option: nil, environment: ["JOURNAL_TODAY": "2026-02-30"])
        {
            #expect(problem.message.contains("JOURNAL_TODAY"))
        } else {
            Issue.record("2026-02-30 is no date")
        }
    }
}
