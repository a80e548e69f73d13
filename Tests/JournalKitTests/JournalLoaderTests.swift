import Foundation
import Testing

@testable import JournalKit

@Suite struct JournalLoaderTests {
    static let agreement = """
        ---
        mentor: Grace Hopper <grace@example.org>
        mentee: Ada Lovelace <ada@example.org>
        started: 2026-09-01
        cadence: biweekly
        ---
        """
    static let session = "---\ndate: 2026-11-20\n---\n"

    @Test func rootMayBeTheMentorship() throws {
        let root = try temporaryJournal([
            "agreement.md": Self.agreement, "sessions/2026-11-20.md": Self.session,
            "sessions/README.md": "# What goes here", "notes.md": "free text",
        ])
        let journal = JournalLoader.load(root: root)
        #expect(journal.mentorships.map(\.path) == ["."])
        #expect(journal.mentorships.first?.id == root.lastPathComponent)
        #expect(journal.mentorships.first?.entries.map(\.path) == ["agreement.md", "sessions/2026-11-20.md"])
    }

    @Test func rootHoldingManyMentorshipsSkipsHiddenAndTemplates() throws {
        let root = try temporaryJournal([
            "ada-grace/agreement.md": Self.agreement, "ada-grace/sessions/2026-11-20.md": Self.session,
            "team/lin-kim/agreement.md": Self.agreement,
            ".git/agreement.md": Self.agreement, ".hidden/x/agreement.md": Self.agreement,
            "templates/agreement.md": "{{mentor}}", "ada-grace/reflections/README.MD": "no front matter",
        ])
        let journal = JournalLoader.load(root: root)
        #expect(journal.mentorships.map(\.path) == ["ada-grace", "team/lin-kim"])
        #expect(journal.mentorships.map(\.id) == ["ada-grace", "lin-kim"])
        #expect(journal.allDiagnostics.isEmpty)
        #expect(journal.fileCount == 3)
    }

    @Test func nestedMentorshipIsAnError() throws {
        let root = try temporaryJournal([
            "agreement.md": Self.agreement, "sessions/old/agreement.md": Self.agreement,
            "other/agreement.md": Self.agreement,
        ])
        let journal = JournalLoader.load(root: root)
        let nested = journal.diagnostics.filter { $0.rule == "mentorship/nested" }.map(\.path)
        #expect(nested == ["other/agreement.md", "sessions/old/agreement.md"])
    }

    @Test func linksOutOfTheRootAreReportedNotRead() throws {
        let outside = try temporaryJournal(["secret.md": "---\ndate: 2026-11-20\n---\nsecret words\n"])
        let root = try temporaryJournal([
            "agreement.md": Self.agreement, "sessions/2026-11-20.md": Self.session,
        ])
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("sessions/2026-11-21.md").path,
            withDestinationPath: outside.appendingPathComponent("secret.md").path)
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("goals").path, withDestinationPath: outside.path)
        // A link inside the root is fine.
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("sessions/2026-11-22.md").path,
            withDestinationPath: root.appendingPathComponent("sessions/2026-11-20.md").path)
        let journal = JournalLoader.load(root: root)
        let paths = journal.mentorships.flatMap(\.entries).map(\.path)
        #expect(paths == ["agreement.md", "sessions/2026-11-20.md", "sessions/2026-11-22.md"])
        #expect(journal.diagnostics.map(\.path) == ["sessions/2026-11-21.md"])
        #expect(journal.diagnostics.first?.rule == "file/outside-link")
    }

    @Test func findRootPrefersConfigurationThenOutermostMentorship() throws {
        let root = try temporaryJournal([
            ".journal.yml": "lint: {}\n", "ada-grace/agreement.md": Self.agreement,
            "ada-grace/sessions/2026-11-20.md": Self.session,
        ])
        let inner = root.appendingPathComponent("ada-grace/sessions")
        #expect(JournalLoader.findRoot(from: inner).standardizedFileURL.path == root.standardizedFileURL.path)
        let pair = try temporaryJournal([
            "agreement.md": Self.agreement, "goals/x.md": "---\ntitle: x\n---\n",
        ])
        #expect(
            JournalLoader.findRoot(from: pair.appendingPathComponent("goals")).path
                == pair.standardizedFileURL.path)
    }

    @Test func parallelReadingGivesTheSameResultEveryTime() throws {
        var files = ["agreement.md": Self.agreement]
        for day in 1...28 {
            let date = "2026-10-\(day < 10 ? "0" : "")\(day)"
            files["sessions/\(date).md"] = "---\ndate: \(date)\n---\n- [ ] @ada task \(day) (due \(date))\n"
        }
        let root = try temporaryJournal(files)
        let first = JournalLoader.load(root: root)
        for _ in 0..<5 { #expect(JournalLoader.load(root: root) == first) }
        #expect(first.mentorships.first?.sessions.count == 28)
    }
}
