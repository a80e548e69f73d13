import Foundation
import Testing

/// Two people editing the same notes between syncs: `journal sync` and plain `git pull` merge
/// them by entry, with the same bytes, each checked with the git CLI.
@Suite(.serialized) struct EntryMergeGitTests {
    static let session = """
        ---
        date: 2026-11-20
        status: held
        # what we talk about next
        agenda:
          - Case review
        ---
        ## Notes

        We talked about the first case.

        ## Action items

        - [ ] @mentee read the chapter on triage (due 2026-11-27)
        - [ ] @mentor send the article

        """

    /// A mentor who started the journal with `journal init`, a mentee who cloned it with git
    /// and synced once, and the session both hold.
    func pair(_ box: GitSandbox) throws -> (mentor: URL, mentee: URL, remote: URL) {
        let remote = box.url("remote.git")
        try box.git(["init", "-q", "--bare", "-b", "main", remote.path])
        let mentor = box.url("mentor")
        var run = try box.journal(
            [
                "init", mentor.path, "--mentor", "Mara Quinn <mara@example.org>", "--mentee",
                "Theo Park <theo@example.org>", "--remote", remote.path,
            ], in: box.root)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(box.read(".gitattributes", in: mentor)?.contains("*.md merge=journal\n") == true)
        #expect(
            try box.git(["config", "merge.journal.driver"], in: mentor).stdout.contains(
                "merge-driver %O %A %B %P"))
        try box.write(Self.session, to: "sessions/2026-11-20.md", in: mentor)
        run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")

        let mentee = box.url("mentee")
        try box.git(["clone", "-q", remote.path, mentee.path])
        try box.git(["config", "user.name", "Theo Park"], in: mentee)
        try box.git(["config", "user.email", "theo@example.org"], in: mentee)
        #expect(try box.git(["config", "merge.journal.driver"], in: mentee, allowFailure: true).status != 0)
        run = try box.journal(["sync"], in: mentee)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        // The clone's first sync told git how to merge entries.
        #expect(try box.git(["config", "merge.journal.driver"], in: mentee).stdout.contains("merge-driver"))
        #expect(
            try box.git(["check-attr", "merge", "--", "sessions/2026-11-20.md"], in: mentee).stdout
                == "sessions/2026-11-20.md: merge: journal\n")
        return (mentor, mentee, remote)
    }

    @Test func syncAndGitPullMergeATickAndALineBelowIt() throws {
        let box = try GitSandbox()
        let (mentor, mentee, remote) = try pair(box)
        let path = "sessions/2026-11-20.md"
        // The mentee ticks an item and sets `next:`; the mentor adds a line right below it and an
        // agenda item: git's line merge would stop on both.
        try box.write(
            Self.session.replacingOccurrences(of: "- [ ] @mentee read", with: "- [x] @mentee read")
                .replacingOccurrences(of: "status: held\n", with: "status: held\nnext: 2026-12-04\n"),
            to: path, in: mentee)
        #expect(try box.journal(["sync"], in: mentee).status == 0)
        try box.write(
            Self.session.replacingOccurrences(
                of: "(due 2026-11-27)\n", with: "(due 2026-11-27)\nAlso: ask about the night shifts.\n"
            ).replacingOccurrences(of: "  - Case review\n", with: "  - Case review\n  - Boundaries\n")
                .replacingOccurrences(of: "status: held\n", with: "status: held\nlocation: the clinic\n"),
            to: path, in: mentor)
        try box.git(["commit", "-qam", "Mentor's notes"], in: mentor)

        // The same merge by plain git, in a copy of the mentor's clone.
        let copy = box.url("mentor-git")
        try box.run("/bin/cp", ["-a", mentor.path, copy.path])
        try box.git(["pull", "-q", "--no-rebase", "--no-edit"], in: copy)

        let run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("and combined"))
        let merged = box.read(path, in: mentor) ?? ""
        #expect(
            merged.contains(
                "- [x] @mentee read the chapter on triage (due 2026-11-27)\nAlso: ask about the night shifts.\n"
            ))
        #expect(merged.contains("next: 2026-12-04\n"))
        #expect(merged.contains("location: the clinic\n"))
        #expect(merged.contains("  - Case review\n  - Boundaries\n"))
        #expect(!merged.contains("<<<<<<<"))
        #expect(box.read(path, in: copy) == merged, "git pull with the driver gives the same bytes")
        #expect(
            try box.git(["log", "-1", "--format=%P"], in: mentor).stdout.split(separator: " ").count == 2)
        #expect(try box.git(["status", "--porcelain"], in: mentor).stdout == "")
        #expect(try box.git(["status", "--porcelain"], in: copy).stdout == "")
        #expect(
            try box.git(["rev-parse", "HEAD"], in: mentor).stdout
                == box.git(["rev-parse", "main"], in: remote).stdout)
        #expect(try box.journal(["lint"], in: mentor).stdout.contains("merge/") == false)
        try box.expectValid([mentor, mentee, remote, copy])
    }

    @Test func aRealConflictIsMarkedOnlyWhereBothChangedTheSameThing() throws {
        let box = try GitSandbox()
        let (mentor, mentee, remote) = try pair(box)
        let path = "sessions/2026-11-20.md"
        try box.write(
            Self.session.replacingOccurrences(of: "status: held", with: "status: moved")
                .replacingOccurrences(of: "- [ ] @mentor send", with: "- [x] @mentor send"),
            to: path, in: mentee)
        #expect(try box.journal(["sync"], in: mentee).status == 0)
        try box.write(
            Self.session.replacingOccurrences(of: "status: held", with: "status: cancelled")
                .replacingOccurrences(of: "the first case.", with: "the first case and its risks."),
            to: path, in: mentor)
        try box.git(["commit", "-qam", "Mentor's notes"], in: mentor)
        let copy = box.url("mentor-git")
        try box.run("/bin/cp", ["-a", mentor.path, copy.path])
        let pulled = try box.git(["pull", "-q", "--no-rebase", "--no-edit"], in: copy, allowFailure: true)
        #expect(pulled.status != 0)

        let before = try box.git(["rev-parse", "main"], in: remote).stdout
        let run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 3, "\(run.stdout)\(run.stderr)")
        let merged = box.read(path, in: mentor) ?? ""
        #expect(
            merged.contains(
                "<<<<<<< Mara Quinn (this computer)\nstatus: cancelled\n=======\nstatus: moved\n>>>>>>> \(remote.path) (the shared copy)\n"
            ), "\(merged)")
        #expect(merged.components(separatedBy: "<<<<<<<").count == 2, "one conflict, on the status alone")
        #expect(merged.contains("- [x] @mentor send the article"))
        #expect(merged.contains("the first case and its risks."))
        #expect(box.read(path, in: copy) == merged, "git pull with the driver gives the same bytes")
        #expect(
            try box.git(["ls-files", "-u", "--", path], in: mentor).stdout.split(separator: "\n").count == 3)
        #expect(try box.git(["rev-parse", "main"], in: remote).stdout == before)
        #expect(try box.journal(["lint"], in: mentor).stdout.contains("merge/conflict-markers"))

        // Resolved in an editor: the next sync records the merge and sends it.
        try box.write(
            merged.replacingOccurrences(
                of:
                    "<<<<<<< Mara Quinn (this computer)\nstatus: cancelled\n=======\nstatus: moved\n>>>>>>> \(remote.path) (the shared copy)\n",
                with: "status: moved\n"), to: path, in: mentor)
        let resolved = try box.journal(["sync"], in: mentor)
        #expect(resolved.status == 0, "\(resolved.stdout)\(resolved.stderr)")
        #expect(
            try box.git(["rev-parse", "HEAD"], in: mentor).stdout
                == box.git(["rev-parse", "main"], in: remote).stdout)
        try box.expectValid([mentor, mentee, remote])
    }

    @Test func theDriverCommandWritesOursAndSaysWhetherItMerged() throws {
        let box = try GitSandbox()
        let folder = box.url("files")
        try box.write(Self.session, to: "base", in: folder)
        try box.write(
            Self.session.replacingOccurrences(of: "- [ ] @mentee", with: "- [x] @mentee"), to: "ours",
            in: folder)
        try box.write(
            Self.session.replacingOccurrences(of: "2026-11-27", with: "2026-12-04"), to: "theirs", in: folder)
        var run = try box.journal(["merge-driver", "base", "ours", "theirs", "sessions/a.md"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            box.read("ours", in: folder)?.contains(
                "- [x] @mentee read the chapter on triage (due 2026-12-04)") == true)

        try box.write(Self.session.replacingOccurrences(of: "held", with: "moved"), to: "ours", in: folder)
        try box.write(
            Self.session.replacingOccurrences(of: "held", with: "cancelled"), to: "theirs", in: folder)
        run = try box.journal(["merge-driver", "base", "ours", "theirs", "sessions/a.md"], in: folder)
        #expect(run.status == 1)
        #expect(box.read("ours", in: folder)?.contains("status: moved\n=======\nstatus: cancelled\n") == true)

        // Not an entry: git's own line merge.
        try box.write("one\ntwo\n", to: "base", in: folder)
        try box.write("one changed\ntwo\n", to: "ours", in: folder)
        try box.write("one\ntwo changed\n", to: "theirs", in: folder)
        run = try box.journal(["merge-driver", "base", "ours", "theirs", "notes.txt"], in: folder)
        #expect(run.status == 1, "git's line merge stops on neighbouring lines")
        let kept = box.read("ours", in: folder) ?? ""
        #expect(kept.contains("one changed") && kept.contains("two changed"))

        // A version that cannot be read leaves ours as it was.
        try box.write("mine\n", to: "ours", in: folder)
        run = try box.journal(["merge-driver", "missing", "ours", "theirs", "sessions/a.md"], in: folder)
        #expect(run.status == 2)
        #expect(run.stderr.contains("cannot read"))
        #expect(box.read("ours", in: folder) == "mine\n")
    }
}

/// Generated concurrent edits (the corpus of `make bench`) merged twice: by `git pull` with
/// the driver, and by `journal sync` through libgit2. The bytes are the same, conflicts or not.
@Suite(.serialized) struct MergeDriverAgreementTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")))
    func gitPullWithTheDriverAndJournalSyncGiveTheSameBytes() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Benchmarks/merge_corpus.py")
        let box = try GitSandbox()
        let dump = box.url("corpus")
        try box.run("/usr/bin/python3", [script.path, "unused", "--scenarios", "120", "--dump", dump.path])
        let numbers = try FileManager.default.contentsOfDirectory(atPath: dump.path).sorted()
        let contested = numbers.filter {
            box.read("contested", in: dump.appendingPathComponent($0)) == "true"
        }
        let chosen = Array(numbers.prefix(8)) + Array(contested.prefix(3))
        #expect(contested.count >= 3)
        let driver = "\(try journalBinary().path) merge-driver %O %A %B %P"
        for number in chosen {
            let scenario = dump.appendingPathComponent(number)
            let path = box.read("path", in: scenario) ?? ""
            let remote = box.url("remote-\(number).git")
            try box.git(["init", "-q", "--bare", "-b", "main", remote.path])
            let mentor = try box.person(
                "mentor-\(number)", name: "Mara Quinn", email: "mara@example.org", remote: remote.path)
            try box.git(["config", "merge.journal.driver", driver], in: mentor)
            try box.write("*.md merge=journal\n", to: ".gitattributes", in: mentor)
            if path != "agreement.md" { try box.write(agreementText, to: "agreement.md", in: mentor) }
            try box.write(box.read("base", in: scenario) ?? "", to: path, in: mentor)
            try box.git(["add", "-A"], in: mentor)
            try box.git(["commit", "-qm", "Base"], in: mentor)
            try box.git(["push", "-q", "-u", "origin", "main"], in: mentor)
            let mentee = box.url("mentee-\(number)")
            try box.git(["clone", "-q", remote.path, mentee.path])
            try box.write(box.read("theirs", in: scenario) ?? "", to: path, in: mentee)
            try box.git(["commit", "-qam", "Theirs"], in: mentee)
            try box.git(["push", "-q"], in: mentee)
            try box.write(box.read("ours", in: scenario) ?? "", to: path, in: mentor)
            try box.git(["commit", "-qam", "Ours"], in: mentor)

            let copy = box.url("copy-\(number)")
            try box.run("/bin/cp", ["-a", mentor.path, copy.path])
            let pulled = try box.git(
                ["pull", "-q", "--no-rebase", "--no-edit"], in: copy, allowFailure: true)
            let synced = try box.journal(["sync"], in: mentor)
            let isContested = contested.contains(number)
            #expect(
                synced.status == (isContested ? 3 : 0), "\(number) \(path): \(synced.stdout)\(synced.stderr)")
            #expect((pulled.status == 0) == !isContested, "\(number): \(pulled.stderr)")
            #expect(box.read(path, in: mentor) == box.read(path, in: copy), "\(number) \(path): same bytes")
            if !isContested {
                #expect(try box.git(["status", "--porcelain"], in: mentor).stdout == "")
                #expect(
                    try box.git(["rev-parse", "HEAD"], in: mentor).stdout
                        == box.git(["rev-parse", "main"], in: remote).stdout)
            }
        }
    }
}

/// The corpus `make bench` reports on, at the size the issue asks: git's line merge against
/// journal's on generated concurrent edits of sessions, reflections, goals and agreements.
@Suite struct MergeCorpusTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")))
    func journalLeavesAtLeastNinetyPercentFewerConflictsAndLosesNoWord() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Benchmarks/merge_corpus.py")
        let box = try GitSandbox()
        let run = try box.run(
            "/usr/bin/python3", [script.path, try journalBinary().path, "--scenarios", "200"], timeout: 300)
        #expect(run.status == 0, "\(run.stderr)")
        let numbers = { (label: String) -> [Int] in
            let line = run.stdout.split(separator: "\n").first { $0.contains(label) } ?? ""
            return line.split(separator: "|").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        }
        let git = numbers("git's line merge")
        let journal = numbers("journal (`journal merge-driver`)")
        #expect(git.count == 2 && journal.count == 2, "\(run.stdout)")
        guard git.count == 2, journal.count == 2 else { return }
        #expect(journal[1] == 0 && git[1] == 0, "no word lost: \(run.stdout)")
        #expect(Double(journal[0]) <= Double(git[0]) * 0.1, "\(run.stdout)")
        #expect(
            run.stdout.contains(
                "0 of its conflicts are in scenarios where the two sides changed different things"))
    }
}
