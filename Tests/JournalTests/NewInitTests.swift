import Foundation
import Testing

/// `journal init` and `journal new`, checked with the real git CLI.
@Suite struct InitAndNewTests {
    static let pair = [
        "--mentor", "Grace Hopper <grace@example.org>", "--mentee", "Mara Quinn <mara@example.org>",
    ]
    static let today = ["--today", "2026-11-25"]

    /// A sandbox with a mentorship started in `pair/` (the sandbox's person is the mentee).
    func started() throws -> (GitSandbox, URL) {
        let sandbox = try GitSandbox()
        let run = try sandbox.journal(["init", "pair"] + Self.pair + Self.today, in: sandbox.root)
        #expect(run.status == 0, "\(run.stderr)")
        return (sandbox, sandbox.url("pair"))
    }

    /// Runs `journal new ... --no-edit` and returns the printed path.
    func new(_ sandbox: GitSandbox, _ arguments: [String], in folder: URL) throws -> String {
        let run = try sandbox.journal(["new"] + arguments + ["--no-edit"] + Self.today, in: folder)
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        return run.stdout.split(separator: "\n").first.map(String.init) ?? ""
    }

    @Test func initInAnEmptyFolderCreatesARepositoryAndAFirstCommit() throws {
        let sandbox = try GitSandbox()
        let run = try sandbox.journal(
            ["init", "pair", "--cadence", "weekly", "--remote", "https://example.org/pair.git"] + Self.pair
                + Self.today,
            in: sandbox.root)
        #expect(run.status == 0, "\(run.stderr)")
        let pair = sandbox.url("pair")
        #expect(try sandbox.git(["branch", "--show-current"], in: pair).stdout == "main\n")
        #expect(
            try sandbox.git(["log", "--format=%s|%ae"], in: pair).stdout.split(separator: "\n").count == 1)
        #expect(try sandbox.git(["log", "--format=%ae"], in: pair).stdout == "mara@example.org\n")
        #expect(try sandbox.git(["status", "--porcelain"], in: pair).stdout == "")
        #expect(
            try sandbox.git(["remote", "get-url", "origin"], in: pair).stdout
                == "https://example.org/pair.git\n")
        let files = try sandbox.git(["ls-files"], in: pair).stdout
        #expect(
            files
                == ".gitattributes\n.markdownlint.yaml\n.pymarkdown\nagreement.md\ngoals/README.md\n"
                + "reflections/README.md\nsessions/README.md\n"
        )
        // Plain git merges entries as `journal sync` does.
        #expect(sandbox.read(".gitattributes", in: pair)?.contains("*.md merge=journal\n") == true)
        #expect(
            try sandbox.git(["config", "merge.journal.driver"], in: pair).stdout.contains(
                "merge-driver %O %A %B %P"))
        try sandbox.expectValid([pair])
        let agreement = sandbox.read("agreement.md", in: pair) ?? ""
        #expect(agreement.contains("started: 2026-11-25"))
        #expect(agreement.contains("cadence: \"weekly\""))
        for section in ["## Why", "## Expectations", "## Commitments"] {
            #expect(agreement.contains(section))
        }
        // The remote is set, only nothing went there yet: status says so, and what does it.
        let status = try sandbox.journal(["status"], in: pair)
        #expect(
            status.stdout.contains(
                "not sent to the shared copy (example.org/pair) yet: `journal sync` sends it"),
            "\(status.stdout)")
        let lint = try sandbox.journal(["lint", "--format", "json"] + Self.today, in: pair)
        #expect(lint.status == 0, "\(lint.stdout)")
        let object = try JSONSerialization.jsonObject(with: Data(lint.stdout.utf8)) as? [String: Any]
        let summary = object?["summary"] as? [String: Any]
        #expect(summary?["errors"] as? Int == 0)
    }

    @Test func initInsideARepositoryCommitsJustTheMentorship() throws {
        let sandbox = try GitSandbox()
        let repository = try sandbox.person(
            "team", name: "Mara Quinn", email: "mara@example.org", remote: nil)
        try sandbox.write("notes\n", to: "notes.txt", in: repository)
        try sandbox.git(["add", "notes.txt"], in: repository)
        try sandbox.git(["commit", "-qm", "Notes"], in: repository)
        try sandbox.write("draft\n", to: "draft.txt", in: repository)
        let run = try sandbox.journal(["init", "mentoring/mara"] + Self.pair + Self.today, in: repository)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            try sandbox.git(["log", "--format=%s"], in: repository).stdout.split(separator: "\n").count == 2)
        let changed = try sandbox.git(["show", "--name-only", "--format=", "HEAD"], in: repository).stdout
        #expect(changed.split(separator: "\n").allSatisfy { $0.hasPrefix("mentoring/mara/") })
        #expect(changed.contains("mentoring/mara/agreement.md"))
        #expect(try sandbox.git(["status", "--porcelain"], in: repository).stdout == "?? draft.txt\n")
        try sandbox.expectValid([repository])
    }

    @Test func initRefusesWhenOtherChangesAreStaged() throws {
        let sandbox = try GitSandbox()
        let repository = try sandbox.person(
            "team", name: "Mara Quinn", email: "mara@example.org", remote: nil)
        try sandbox.write("staged\n", to: "staged.txt", in: repository)
        try sandbox.git(["add", "staged.txt"], in: repository)
        let run = try sandbox.journal(["init", "pair"] + Self.pair, in: repository)
        #expect(run.status == 1)
        #expect(run.stderr.contains("staged.txt"))
        #expect(!FileManager.default.fileExists(atPath: repository.appendingPathComponent("pair").path))
    }

    @Test func initRefusesAFolderThatHoldsAMentorship() throws {
        let (sandbox, pair) = try started()
        let before = sandbox.read("agreement.md", in: pair)
        let again = try sandbox.journal(["init", "."] + Self.pair, in: pair)
        #expect(again.status == 1)
        #expect(again.stderr.contains("already holds a mentorship"))
        #expect(sandbox.read("agreement.md", in: pair) == before)
        let inner = try sandbox.journal(["init", "goals/inner"] + Self.pair, in: pair)
        #expect(inner.status == 1)
        #expect(!FileManager.default.fileExists(atPath: pair.appendingPathComponent("goals/inner").path))
        #expect(try sandbox.git(["log", "--format=%s"], in: pair).stdout.split(separator: "\n").count == 1)
        let usage = try sandbox.journal(["init", "x", "--mentor", "A <b", "--mentee", "C"], in: sandbox.root)
        #expect(usage.status == 2)
    }

    @Test func newWritesEveryKindWithItsFrontMatter() throws {
        let (sandbox, pair) = try started()
        #expect(
            try new(sandbox, ["goal", "Give a conference talk"], in: pair)
                == "goals/give-a-conference-talk.md")
        #expect(try new(sandbox, ["session"], in: pair) == "sessions/2026-11-25.md")
        #expect(
            try new(sandbox, ["reflection", "First weeks", "--goal", "give-a-conference-talk"], in: pair)
                == "reflections/2026-11-25-first-weeks.md")
        #expect(try new(sandbox, ["evaluation"], in: pair) == "evaluations/mentee.md")
        #expect(
            try new(sandbox, ["session", "--date", "2026-12-02"], in: pair.appendingPathComponent("goals"))
                == "sessions/2026-12-02.md")
        let goal = sandbox.read("goals/give-a-conference-talk.md", in: pair) ?? ""
        #expect(goal.contains("title: \"Give a conference talk\"") && goal.contains("created: 2026-11-25"))
        let reflection = sandbox.read("reflections/2026-11-25-first-weeks.md", in: pair) ?? ""
        #expect(reflection.contains("author: mentee"))
        #expect(reflection.contains("goals: [give-a-conference-talk]"))
        #expect(reflection.contains("What worked"))
        let session = sandbox.read("sessions/2026-11-25.md", in: pair) ?? ""
        #expect(session.contains("#   give-a-conference-talk: Give a conference talk"))
        #expect(sandbox.read("evaluations/mentee.md", in: pair)?.contains("author: mentee") == true)
        // The prompts are comments: no action item, no question, no lint error comes from them.
        let lint = try sandbox.journal(["lint"] + Self.today, in: pair)
        #expect(lint.status == 0, "\(lint.stdout)")
        #expect(!lint.stdout.contains("action/"))
        let report = try sandbox.journal(["report", "--format", "json"] + Self.today, in: pair)
        let json = try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any]
        let mentorship = (json?["mentorships"] as? [[String: Any]])?.first
        #expect((mentorship?["action_items"] as? [Any])?.isEmpty == true)
        let reflections = mentorship?["reflections"] as? [[String: Any]]
        #expect((reflections?.first?["questions"] as? [Any])?.isEmpty == true)
    }

    @Test func authorIsTheMentorWhenGitNamesTheMentor() throws {
        let sandbox = try GitSandbox()
        let swapped = [
            "--mentor", "Mara Quinn <MARA@example.org>", "--mentee", "Theo Park <theo@example.org>",
        ]
        #expect(try sandbox.journal(["init", "pair"] + swapped, in: sandbox.root).status == 0)
        #expect(try new(sandbox, ["reflection"], in: sandbox.url("pair")) == "reflections/2026-11-25.md")
        #expect(
            sandbox.read("reflections/2026-11-25.md", in: sandbox.url("pair"))?.contains("author: mentor")
                == true)
    }

    @Test func sameDayEntriesAreNumberedNeverOverwritten() throws {
        let (sandbox, pair) = try started()
        let paths = try (1...3).map { _ in try new(sandbox, ["session"], in: pair) }
        #expect(paths == ["sessions/2026-11-25.md", "sessions/2026-11-25-2.md", "sessions/2026-11-25-3.md"])
        try sandbox.write("mine\n", to: "goals/talk.md", in: pair)
        #expect(try new(sandbox, ["goal", "Talk"], in: pair) == "goals/talk-2.md")
        #expect(sandbox.read("goals/talk.md", in: pair) == "mine\n")
    }

    @Test(arguments: [
        ("../../x", "reflections/2026-11-25-x.md"),
        ("/etc/passwd", "reflections/2026-11-25-etc-passwd.md"),
        (".hidden", "reflections/2026-11-25-hidden.md"),
        ("🎉🚀", "reflections/2026-11-25.md"),
        ("Überblick: Ça va ?", "reflections/2026-11-25-uberblick-ca-va.md"),
    ])
    func hostileTitlesBecomeSafeSlugs(_ title: String, _ expected: String) throws {
        let (sandbox, pair) = try started()
        #expect(try new(sandbox, ["reflection", title], in: pair) == expected)
        let outside = try FileManager.default.contentsOfDirectory(atPath: sandbox.root.path).sorted()
        #expect(outside == ["home", "pair"])
        #expect(!FileManager.default.fileExists(atPath: pair.appendingPathComponent("x").path))
    }

    @Test func aWriteThatFailsLeavesNothingBehind() throws {
        // A disk that takes no more bytes: `ulimit -f 0` (with SIGXFSZ ignored, so the write
        // fails as on a full disk instead of killing the program).
        let (sandbox, pair) = try started()
        let binary = try journalBinary().path.replacingOccurrences(of: "'", with: "'\\''")
        let run = try sandbox.run(
            "/bin/sh",
            ["-c", "trap '' XFSZ; ulimit -f 0; exec '\(binary)' new session --no-edit --today 2026-11-25"],
            in: pair)
        #expect(run.status == 1)
        #expect(run.stderr.contains("cannot write sessions/2026-11-25.md"), "\(run.stderr)")
        #expect(run.stderr.contains("Nothing was written"))
        let names = try FileManager.default.contentsOfDirectory(
            atPath: pair.appendingPathComponent("sessions").path)
        #expect(names.filter { $0 != "README.md" }.isEmpty, "left behind: \(names)")
        // Nothing for the next commit to share.
        #expect(try sandbox.git(["status", "--porcelain"], in: pair).stdout == "")
    }

    @Test func datesInWords() throws {
        // 2026-11-25 is a Wednesday.
        let (sandbox, pair) = try started()
        for (word, day) in [
            ("tomorrow", "2026-11-26"), ("yesterday", "2026-11-24"), ("today", "2026-11-25"),
            ("friday", "2026-11-27"),
            ("Wed", "2026-11-25"), ("monday", "2026-11-30"),
        ] {
            #expect(
                try new(sandbox, ["session", "--date", word], in: pair).hasPrefix("sessions/\(day)"),
                "\(word)")
        }
        let refused = try sandbox.journal(
            ["new", "session", "--date", "someday", "--no-edit"] + Self.today, in: pair)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("today, tomorrow, yesterday or a weekday"))
    }

    @Test func longTitlesAreCut() throws {
        let (sandbox, pair) = try started()
        let path = try new(sandbox, ["goal", String(repeating: "word ", count: 60)], in: pair)
        let stem = path.dropFirst("goals/".count).dropLast(".md".count)
        #expect(stem.count <= 60 && stem.count > 30)
        #expect(stem.allSatisfy { $0.isLowercase || $0 == "-" })
        #expect(!stem.hasSuffix("-"))
    }

    @Test func aSymbolicLinkOutOfTheMentorshipIsNeverWrittenThrough() throws {
        let (sandbox, pair) = try started()
        let elsewhere = sandbox.url("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: pair.appendingPathComponent("evaluations"), withDestinationURL: elsewhere)
        let run = try sandbox.journal(["new", "evaluation", "--no-edit"], in: pair)
        #expect(run.status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }

    @Test func privateEntriesStayOutOfGit() throws {
        let (sandbox, pair) = try started()
        let path = try new(sandbox, ["reflection", "Just for me", "--private"], in: pair)
        #expect(sandbox.read(path, in: pair)?.contains("private: true") == true)
        #expect(try sandbox.git(["status", "--porcelain"], in: pair).stdout == "")
        #expect(try sandbox.git(["check-ignore", path], in: pair).stdout == path + "\n")
        try sandbox.git(["add", "-A"], in: pair)
        #expect(try sandbox.git(["status", "--porcelain"], in: pair).stdout == "")
    }

    @Test func aSessionListsTheOpenItemsOfThePreviousOne() throws {
        let (sandbox, pair) = try started()
        let first = try new(sandbox, ["session"], in: pair)
        let text =
            (sandbox.read(first, in: pair) ?? "")
            + "\n- [ ] Draft the outline @mentee (due 2026-12-01)\n- [x] Send the slides @mentor\n"
        try sandbox.write(text, to: first, in: pair)
        let run = try sandbox.journal(["new", "session", "--no-edit", "--today", "2026-12-02"], in: pair)
        let second = sandbox.read("sessions/2026-12-02.md", in: pair) ?? ""
        #expect(run.status == 0)
        #expect(second.contains("- [ ] Draft the outline @mentee (due 2026-12-01)"))
        #expect(!second.contains("Send the slides"))
        // Carried as the same item: the report counts the promise once, first seen in the first notes.
        func open() throws -> [[String: Any]] {
            let report = try sandbox.journal(
                ["report", "--format", "json", "--today", "2026-12-02"], in: pair)
            let json = try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any]
            return ((json?["mentorships"] as? [[String: Any]])?.first?["action_items"] as? [[String: Any]])
                ?? []
        }
        let items = try open().filter { ($0["text"] as? String)?.contains("Draft the outline") == true }
        #expect(items.count == 1)
        #expect(items.first?["path"] as? String == "sessions/2026-12-02.md")
        #expect(items.first?["first_seen"] as? String == "2026-11-25")
        #expect(items.first?["overdue"] as? Bool == true)
        // Ticking the copy closes it everywhere.
        try sandbox.write(
            second.replacingOccurrences(of: "- [ ] Draft the outline", with: "- [x] Draft the outline"),
            to: "sessions/2026-12-02.md", in: pair)
        #expect(try open().isEmpty)
        // A cancelled session in between changes nothing: every entry's open items are carried.
        try sandbox.write(
            "---\ndate: 2026-12-03\nstatus: cancelled\n---\n- [/] @mentor find a second reviewer\n",
            to: "sessions/2026-12-03.md", in: pair)
        let run2 = try sandbox.journal(["new", "session", "--no-edit", "--date", "2026-12-09"], in: pair)
        #expect(run2.status == 0, "\(run2.stderr)")
        let third = sandbox.read("sessions/2026-12-09.md", in: pair) ?? ""
        #expect(third.contains("- [/] @mentor find a second reviewer"))
        #expect(!third.contains("- [ ] Draft the outline @mentee"))
    }

    @Test func wordsPipedInBecomeTheBody() throws {
        let (sandbox, pair) = try started()
        try sandbox.write("# Tuesday\n\nI said it out loud: ÿes.\n", to: "../piped.txt", in: pair)
        let binary = try journalBinary().path
        let run = try sandbox.run(
            "/bin/sh", ["-c", "'\(binary)' new reflection 'Out loud' --today 2026-11-25 < ../piped.txt"],
            in: pair)
        #expect(run.status == 0, "\(run.stderr)")
        let written = sandbox.read("reflections/2026-11-25-out-loud.md", in: pair) ?? ""
        #expect(written.hasPrefix("---\ndate: 2026-11-25\n"))
        #expect(written.hasSuffix("---\n\n# Tuesday\n\nI said it out loud: ÿes.\n"))
        // Text that is not UTF-8 is refused, and nothing is written.
        try Data([0x23, 0x20, 0xFF, 0xFE, 0x0A]).write(to: sandbox.url("bad.txt"))
        let bad = try sandbox.run(
            "/bin/sh", ["-c", "'\(binary)' new reflection Bad --today 2026-11-25 < ../bad.txt"], in: pair)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("not UTF-8"))
        #expect(sandbox.read("reflections/2026-11-25-bad.md", in: pair) == nil)
    }

    @Test func aJournalsOwnTemplateOverridesTheBuiltInOne() throws {
        let (sandbox, pair) = try started()
        try sandbox.write(
            "---\ndate: {{date}}\nauthor: {{author}}\n---\n# Ours: {{title}}\n",
            to: "templates/reflection.md",
            in: pair)
        let path = try new(sandbox, ["reflection", "Fish & <chips>"], in: pair)
        #expect(
            sandbox.read(path, in: pair)
                == "---\ndate: 2026-11-25\nauthor: mentee\n---\n# Ours: Fish & <chips>\n")
        try sandbox.write("{{#open}}\n", to: "templates/goal.md", in: pair)
        let broken = try sandbox.journal(["new", "goal", "X", "--no-edit"], in: pair)
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("templates/goal.md"))
    }

    @Test func badUsageExitsTwoAndWritesNothing() throws {
        let (sandbox, pair) = try started()
        for arguments in [
            ["goal"], ["goal", "  "], ["session", "--date", "2026-02-30"], ["session", "--goal", "nope"],
            ["goal", "X", "--goal", "y"], ["diary"], ["session", "--mentorship", "other"],
        ] {
            let run = try sandbox.journal(["new"] + arguments + ["--no-edit"], in: pair)
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            #expect(!run.stderr.isEmpty)
        }
        #expect(try sandbox.git(["status", "--porcelain"], in: pair).stdout == "")
    }

    @Test func severalMentorshipsNeedAChoice() throws {
        let sandbox = try GitSandbox()
        let program = sandbox.url("program")
        try sandbox.write("lint: {}\n", to: ".journal.yml", in: program)
        for id in ["ada", "bob"] {
            #expect(try sandbox.journal(["init", id] + Self.pair, in: program).status == 0)
        }
        let vague = try sandbox.journal(["new", "session", "--no-edit"], in: program)
        #expect(vague.status == 2)
        #expect(vague.stderr.contains("--mentorship"))
        #expect(
            try new(sandbox, ["session", "--mentorship", "bob"], in: program) == "bob/sessions/2026-11-25.md")
        #expect(
            try new(sandbox, ["session"], in: program.appendingPathComponent("ada"))
                == "ada/sessions/2026-11-25.md")
    }
}

/// The editor opens only on a terminal, and the file is linted once it closes.
@Suite struct EditorTests {
    /// An editor that appends a task to its last argument and notes whether it was the
    /// terminal's foreground job (a terminal editor is stopped otherwise).
    func fakeEditor(in sandbox: GitSandbox) throws -> URL {
        let editor = sandbox.url("fake editor.sh")
        let script = """
            #!/bin/sh
            for last; do :; done
            printf -- '- [ ] Follow up\\n' >> "$last"
            if [ "$(ps -o pgid= -p $$ | tr -d ' ')" = "$(ps -o tpgid= -p $$ | tr -d ' ')" ]; then
                printf -- '<!-- foreground -->\\n' >> "$last"
            fi

            """
        try script.write(to: editor, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor.path)
        return editor
    }

    @Test func theEditorOpensOnATerminalAndTheFileIsLinted() throws {
        let sandbox = try GitSandbox()
        let editor = try fakeEditor(in: sandbox)
        #expect(try sandbox.journal(["init", "pair"] + InitAndNewTests.pair, in: sandbox.root).status == 0)
        let binary = try journalBinary().path
        let run = try sandbox.run(
            "/usr/bin/script",
            ["-qec", "\(sh(binary)) new session --today 2026-11-25", "/dev/null"],
            in: sandbox.url("pair"), extra: ["VISUAL": "\(sh(editor.path)) --", "EDITOR": "false"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(
            sandbox.read("sessions/2026-11-25.md", in: sandbox.url("pair"))?.hasSuffix(
                "- [ ] Follow up\n<!-- foreground -->\n") == true)
        #expect(run.stdout.contains("sessions/2026-11-25.md:"))
        #expect(run.stdout.contains("[action/no-owner]"))
    }

    @Test func noTerminalNoEditor() throws {
        let sandbox = try GitSandbox()
        let editor = try fakeEditor(in: sandbox)
        #expect(try sandbox.journal(["init", "pair"] + InitAndNewTests.pair, in: sandbox.root).status == 0)
        let run = try sandbox.journal(
            ["new", "session", "--today", "2026-11-25"], in: sandbox.url("pair"),
            extra: ["EDITOR": sh(editor.path)])
        #expect(run.status == 0)
        #expect(
            sandbox.read("sessions/2026-11-25.md", in: sandbox.url("pair"))?.contains("Follow up") == false)
        let noEdit = try sandbox.run(
            "/usr/bin/script",
            [
                "-qec",
                "\(sh(try journalBinary().path)) new reflection --no-edit --today 2026-11-25",
                "/dev/null",
            ],
            in: sandbox.url("pair"), extra: ["EDITOR": sh(editor.path)])
        #expect(noEdit.status == 0)
        #expect(
            sandbox.read("reflections/2026-11-25.md", in: sandbox.url("pair"))?.contains("Follow up") == false
        )
    }
}

/// Shell completion scripts, with the journal's own ids.
@Suite struct CompletionTests {
    @Test(arguments: ["bash", "zsh", "fish"])
    func scriptsAreGenerated(_ shell: String) throws {
        let run = try journal(["--generate-completion-script", shell])
        #expect(run.status == 0)
        #expect(run.stdout.contains("journal"))
        #expect(run.stdout.contains("mentorship"))
        #expect(run.stdout.contains("---completion"))
    }

    @Test func mentorshipAndGoalIdsAreOffered() throws {
        let sandbox = try GitSandbox()
        #expect(try sandbox.journal(["init", "pair"] + InitAndNewTests.pair, in: sandbox.root).status == 0)
        let pair = sandbox.url("pair")
        #expect(try sandbox.journal(["new", "goal", "Speak up", "--no-edit"], in: pair).status == 0)
        let ids = try sandbox.journal(
            ["---completion", "new", "--", "--mentorship", "3", "0", "journal", "new", "--mentorship", ""],
            in: pair)
        #expect(ids.stdout == "mara-grace\n")
        let goals = try sandbox.journal(
            [
                "---completion", "new", "--", "--goal", "5", "1", "journal", "-C", "pair", "new", "--goal",
                "s",
            ],
            in: sandbox.root)
        #expect(goals.stdout == "speak-up\n")
    }
}

/// `text` single-quoted for /bin/sh.
func sh(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
