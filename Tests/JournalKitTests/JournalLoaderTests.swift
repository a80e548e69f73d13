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
        #expect(journal.mentorships.first?.entries.map(\.path) == ["agreement.md", "sessions/2026-11-20.md"])
    }

    @Test func idsNeverDependOnTheClonesFolder() throws {
        var ids: Set<String> = []
        for _ in 0..<2 {
            // A new temporary folder each time, as two clones of one repository would be.
            let root = try temporaryJournal(["agreement.md": Self.agreement])
            ids.insert(JournalLoader.load(root: root).mentorships.first?.id ?? "")
        }
        #expect(ids.count == 1)
        #expect(ids.first?.contains("-") == true)
        #expect(ids.first == "ada-grace")
        let named = try temporaryJournal([
            "a/agreement.md": Self.agreement.replacingOccurrences(
                of: "started:", with: "id: reading-group\nstarted:"),
            "b/agreement.md": Self.agreement,
        ])
        #expect(JournalLoader.load(root: named).mentorships.map(\.id) == ["reading-group", "b"])
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

@Suite struct ParallelReadingTests {
    /// Files are parsed across the cores; what comes out must not depend on which core got
    /// which file: every entry equals a parse of that file alone, and every run agrees.
    @Test func manyCoresReadWhatOneReads() throws {
        var files: [String: String] = [:]
        for pair in 0..<12 {
            files["pair-\(pair)/agreement.md"] = JournalLoaderTests.agreement
            for day in 1...9 {
                files["pair-\(pair)/sessions/2026-10-0\(day).md"] = """
                    ---
                    date: 2026-10-0\(day)
                    duration: 1h
                    goals: [speaking]
                    ---
                    # Session \(day)

                    | a | b |
                    |---|---|
                    | ~~x~~ | www.example.org |

                    - [ ] @mentee ~~drop~~ keep \(day) (due 2026-10-1\(day))
                    - [x] done
                    """
                files["pair-\(pair)/reflections/2026-10-0\(day).md"] =
                    "---\ndate: 2026-10-0\(day)\nconfidence: \(day % 5 + 1)\n---\n## Questions\n\n- why ~~not~~ \(day)?\n"
            }
        }
        let root = try temporaryJournal(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let first = JournalLoader.load(root: root)
        let today = try #require(CalendarDate("2026-11-25"))
        let diagnostics = Linter.run(LintContext(journal: first, today: today))
        for _ in 0..<8 {
            let again = JournalLoader.load(root: root)
            #expect(again == first)
            #expect(Linter.run(LintContext(journal: again, today: today)) == diagnostics)
        }
        let resolved = URL(fileURLWithPath: JournalLoader.resolve(root.path))
        for entry in first.mentorships.flatMap(\.entries) {
            let bytes = try [UInt8](Data(contentsOf: resolved.appendingPathComponent(entry.path)))
            #expect(EntryParser.parse(path: entry.path, kind: entry.kind, bytes: bytes) == entry)
        }
        #expect(first.fileCount == 12 * 19)
        let tasks = first.mentorships.flatMap(\.entries).flatMap(\.actionItems).map(\.text)
        #expect(tasks.filter { $0.hasPrefix("@mentee drop keep") }.count == 12 * 9)
    }
}

@Suite struct FileLimitTests {
    /// A file above 1 MB is reported and never read into memory; the journal's other files
    /// are read as usual.
    @Test func tooLargeFilesAreReportedNotRead() throws {
        let root = try temporaryJournal([
            "agreement.md": JournalLoaderTests.agreement,
            "sessions/2026-11-20.md": JournalLoaderTests.session,
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let huge = root.appendingPathComponent("sessions/2026-11-21.md")
        #expect(FileManager.default.createFile(atPath: huge.path, contents: nil))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: UInt64(JournalLoader.maxFileSize + 1_048_576))  // sparse: no disk used
        try handle.close()

        let journal = JournalLoader.load(root: root)
        let found = journal.allDiagnostics.filter { $0.rule == "file/too-large" }
        #expect(found.map(\.path) == ["sessions/2026-11-21.md"])
        #expect(
            found.first?.message.contains("the file is 2.0 MB; entries above 1.0 MB are not read") == true)
        #expect(found.first?.line == 1 && found.first?.column == 1)
        #expect(journal.mentorships.first?.entries.count == 3)
        #expect(journal.mentorships.first?.entries.first { $0.path == "sessions/2026-11-20.md" }?.date != nil)
    }

    /// A named pipe among the entries is neither read (which would wait for a writer) nor counted.
    @Test func namedPipesAreSkipped() throws {
        let root = try temporaryJournal(["agreement.md": JournalLoaderTests.agreement])
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("sessions"), withIntermediateDirectories: true)
        #expect(mkfifo(root.appendingPathComponent("sessions/2026-11-20.md").path, 0o644) == 0)
        let journal = JournalLoader.load(root: root)
        #expect(journal.fileCount == 1)
        #expect(journal.mentorships.first?.entries.map(\.path) == ["agreement.md"])
    }

    /// What reading gives for each kind of path, whoever runs the tests.
    @Test func readingReportsWhatCannotBeRead() throws {
        let root = try temporaryJournal(["a.md": "text"])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(
            JournalLoader.readFile(root.appendingPathComponent("a.md").path) == .bytes(Array("text".utf8)))
        #expect(JournalLoader.readFile(root.appendingPathComponent("missing.md").path) == .unreadable)
        #expect(JournalLoader.readFile(root.path) == .unreadable)
        let pipe = root.appendingPathComponent("pipe.md").path
        #expect(mkfifo(pipe, 0o644) == 0)
        #expect(JournalLoader.readFile(pipe) == .unreadable)
    }

    /// A file the user may not read is reported with the permission hint, not skipped.
    /// (Root reads every file, so this runs for other users only.)
    @Test(.enabled(if: getuid() != 0)) func unreadableFilesAreReported() throws {
        let root = try temporaryJournal([
            "agreement.md": JournalLoaderTests.agreement,
            "sessions/2026-11-20.md": JournalLoaderTests.session,
        ])
        let locked = root.appendingPathComponent("sessions/2026-11-20.md")
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: locked.path)
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: locked.path)
            try? FileManager.default.removeItem(at: root)
        }
        let found = JournalLoader.load(root: root).allDiagnostics.filter { $0.rule == "file/unreadable" }
        #expect(found.map(\.path) == ["sessions/2026-11-20.md"])
        #expect(found.first?.message.contains("permissions") == true)
    }
}
