import Foundation
import JournalKit
import Testing

/// Privacy is decided in one place. Reflections written with every YAML spelling of the
/// `private` key and value, in every kind of surrounding front matter, are committed by
/// `journal commit`; the real git CLI then shows that exactly the files the model calls shared
/// reached a commit, and that no word of the others is in any git object.
@Suite struct PrivacyPropertyTests {
    /// What the writer of a front matter meant.
    enum Meant { case local, shared }

    /// A way of writing (or not writing) `private`: the lines it adds after the other keys, or a
    /// whole front matter of its own (a flow mapping).
    struct Spelling {
        var name: String
        var meant: Meant
        var lines: [String]
        /// The whole front matter, for spellings that cannot sit beside other keys.
        var whole: String? = nil
    }

    static let spellings: [Spelling] = [
        Spelling(name: "plain", meant: .local, lines: ["private: true"]),
        Spelling(name: "capitalised value", meant: .local, lines: ["private: True"]),
        Spelling(name: "upper-case value", meant: .local, lines: ["private: TRUE"]),
        Spelling(name: "value on the next line", meant: .local, lines: ["private:", "  true"]),
        Spelling(name: "value further down", meant: .local, lines: ["private:", "", "    true"]),
        Spelling(name: "double-quoted key", meant: .local, lines: ["\"private\": true"]),
        Spelling(name: "single-quoted key", meant: .local, lines: ["'private': true"]),
        Spelling(name: "escaped key", meant: .local, lines: ["\"\\x70rivate\": true"]),
        Spelling(name: "complex key", meant: .local, lines: ["? private", ": true"]),
        Spelling(name: "bool tag", meant: .local, lines: ["private: !!bool true"]),
        Spelling(name: "tagged key", meant: .local, lines: ["!!str private: true"]),
        Spelling(name: "anchor", meant: .local, lines: ["private: &secret true"]),
        Spelling(name: "alias", meant: .local, lines: ["flag: &on true", "private: *on"]),
        Spelling(name: "comment after", meant: .local, lines: ["private: true  # only for me"]),
        Spelling(name: "comment between", meant: .local, lines: ["private:", "  # keep it", "  true"]),
        Spelling(name: "capitalised key", meant: .local, lines: ["Private: true"]),
        Spelling(name: "yes", meant: .local, lines: ["private: yes"]),
        Spelling(name: "on", meant: .local, lines: ["private: on"]),
        Spelling(name: "quoted true", meant: .local, lines: ["private: \"true\""]),
        Spelling(name: "folded true", meant: .local, lines: ["private: >-", "  true"]),
        Spelling(name: "list", meant: .local, lines: ["private: [true]"]),
        Spelling(name: "duplicate key", meant: .local, lines: ["private: false", "private: true"]),
        Spelling(name: "broken after", meant: .local, lines: ["private: true", "goals: [speaking"]),
        Spelling(name: "broken value", meant: .local, lines: ["private: [true"]),
        Spelling(name: "tab indentation", meant: .local, lines: ["private:", "\ttrue"]),
        Spelling(
            name: "flow mapping", meant: .local, lines: [],
            whole: "{date: 2026-11-24, author: mentee, private: true}"),
        Spelling(
            name: "multi-line flow mapping", meant: .local, lines: [],
            whole: "{\n  date: 2026-11-24,\n  private:\n    true\n}"),
        Spelling(name: "absent", meant: .shared, lines: []),
        Spelling(name: "false", meant: .shared, lines: ["private: false"]),
        Spelling(name: "False", meant: .shared, lines: ["private: False"]),
        Spelling(name: "null", meant: .shared, lines: ["private:"]),
        Spelling(name: "tilde", meant: .shared, lines: ["private: ~"]),
        Spelling(name: "quoted key false", meant: .shared, lines: ["\"private\": false"]),
        Spelling(name: "word in a title", meant: .shared, lines: ["title: \"Private practice, true story\""]),
        Spelling(name: "private in a comment", meant: .shared, lines: ["# private: true was considered"]),
        Spelling(name: "broken without the word", meant: .shared, lines: ["goals: [speaking"]),
    ]

    /// Ways of writing the rest of the file, each applied or not.
    struct Surroundings {
        var crlf = false
        var bom = false
        /// Keys before the spelling, enough to push it far into the front matter.
        var longFrontMatter = false
        /// A block scalar before the spelling, holding fence-like lines.
        var blockScalar = false
        /// The spelling first, before the date.
        var first = false
    }

    /// A reflection holding `secret` in its body.
    static func text(_ spelling: Spelling, _ surroundings: Surroundings, secret: String) -> String {
        var lines = ["---"]
        if let whole = spelling.whole {
            lines.append(whole)
        } else {
            var keys = ["date: 2026-11-24", "author: mentee"]
            if surroundings.longFrontMatter {
                keys += (1...400).map { "note_\($0): filler text number \($0)" }
            }
            if surroundings.blockScalar {
                keys += [
                    "summary: |", "  Notes pasted from elsewhere:", "  ---", "  mood: fine", "  ...", "  end",
                ]
            }
            lines += surroundings.first ? spelling.lines + keys : keys + spelling.lines
        }
        lines += ["---", "# A reflection", "", secret, ""]
        var text = lines.joined(separator: "\n")
        if surroundings.crlf { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
        if surroundings.bom { text = "\u{FEFF}" + text }
        return text
    }

    /// A small deterministic generator, so that a failure can be run again.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        mutating func flip() -> Bool { next() & 1 == 1 }
    }

    @Test func whatIsCommittedIsExactlyWhatTheModelCallsShared() throws {
        let box = try GitSandbox()
        let folder = try box.person("pair", name: "Theo Park", email: "theo@example.org", remote: nil)
        try box.write(agreementText, to: "agreement.md", in: folder)
        try box.write(goalText, to: "goals/speaking.md", in: folder)

        var generator = Generator(state: 20_261_124)
        var expectedLocal: [String: String] = [:]
        var expectedShared: [String: String] = [:]
        var count = 0
        for spelling in Self.spellings {
            // Every spelling plainly, then in three random surroundings.
            var variants = [Surroundings()]
            for _ in 0..<3 {
                variants.append(
                    Surroundings(
                        crlf: generator.flip(), bom: generator.flip(), longFrontMatter: generator.flip(),
                        blockScalar: generator.flip(), first: generator.flip()))
            }
            for surroundings in variants {
                count += 1
                let secret = "WORDS-OF-ENTRY-\(count)-END"
                let path = "reflections/2026-11-24-\(count).md"
                let text = Self.text(spelling, surroundings, secret: secret)
                try box.write(text, to: path, in: folder)
                let privacy = Privacy.of(bytes: Array(text.utf8))
                let described = "\(spelling.name) \(surroundings)"
                // The model agrees with what the writer meant...
                switch spelling.meant {
                case .local: #expect(privacy.keepsLocal, "\(described) would be shared")
                case .shared: #expect(!privacy.keepsLocal, "\(described) would be kept local: \(privacy)")
                }
                // ...and git must agree with the model.
                if privacy.keepsLocal { expectedLocal[path] = secret } else { expectedShared[path] = secret }
            }
        }

        let status = try box.journal(["status"], in: folder)
        #expect(status.status == 0, "\(status.stderr)")
        for path in expectedLocal.keys {
            let line = status.stdout.split(separator: "\n").first { $0.contains(path) }
            #expect(line?.contains("private") == true, "status does not call \(path) private: \(line ?? "")")
        }
        let commit = try box.journal(["commit"], in: folder)
        #expect(commit.status == 0, "\(commit.stderr)")

        let committed = Set(
            try box.git(["ls-tree", "-r", "--name-only", "HEAD"], in: folder).stdout.split(separator: "\n")
                .map(String.init))
        #expect(committed.isSuperset(of: expectedShared.keys))
        #expect(committed.isDisjoint(with: expectedLocal.keys))
        // A plain `git add -A` skips them too, through .git/info/exclude.
        try box.git(["add", "-A"], in: folder)
        let staged = try box.git(["diff", "--cached", "--name-only"], in: folder).stdout
        for path in expectedLocal.keys { #expect(!staged.contains(path), "git add -A staged \(path)") }
        try box.git(["commit", "-q", "--allow-empty", "-m", "Plain git"], in: folder)
        // Not a word of a private entry in any object git holds.
        let everything = try box.git(["log", "-p", "--all", "--format=%B"], in: folder).stdout
        for (path, secret) in expectedLocal { #expect(!everything.contains(secret), "\(path) reached git") }
        for (path, secret) in expectedShared {
            #expect(everything.contains(secret), "\(path) was not shared")
        }
        try box.expectValid([folder])
    }

    @Test func theReportLeavesOutWhatStaysLocal() throws {
        let box = try GitSandbox()
        let folder = try box.person("pair", name: "Theo Park", email: "theo@example.org", remote: nil)
        try box.write(agreementText, to: "agreement.md", in: folder)
        func spelling(_ name: String) throws -> Spelling {
            try #require(Self.spellings.first { $0.name == name })
        }
        let unclear = Self.text(try spelling("yes"), Surroundings(), secret: "UNCLEAR-WORDS")
        let declared = Self.text(
            try spelling("value on the next line"), Surroundings(crlf: true), secret: "WORDS")
        let broken = Self.text(try spelling("broken value"), Surroundings(), secret: "BROKEN-WORDS")
        try box.write(unclear, to: "reflections/2026-11-24.md", in: folder)
        try box.write(declared, to: "reflections/2026-11-25.md", in: folder)
        try box.write(broken, to: "reflections/2026-11-26.md", in: folder)
        let plain = try box.journal(["--today", "2026-11-26", "report", "--format", "json"], in: folder)
        #expect(!plain.stdout.contains("2026-11-24.md") && !plain.stdout.contains("2026-11-25.md"))
        let all = try box.journal(
            ["--today", "2026-11-26", "report", "--format", "json", "--include-private"], in: folder)
        #expect(all.stdout.contains("2026-11-24.md") && all.stdout.contains("2026-11-25.md"))
        // status says why the unreadable one stays here.
        let status = try box.journal(["status"], in: folder)
        #expect(status.stdout.contains("its front matter cannot be read"), "\(status.stdout)")
        #expect(status.stdout.contains("its `private` value is `yes`, not true or false"), "\(status.stdout)")
    }

    @Test func aReportWithPrivateEntriesIsNeverWrittenWhereACommitCouldShareIt() throws {
        let box = try GitSandbox()
        let folder = try box.person("pair", name: "Theo Park", email: "theo@example.org", remote: nil)
        try box.write(agreementText, to: "agreement.md", in: folder)
        try box.write(
            reflectionText("2026-11-24", title: "SECRET-TITLE", isPrivate: true),
            to: "reflections/2026-11-24.md",
            in: folder)
        let arguments = [
            "--today", "2026-11-25", "report", "--include-private", "--format", "html", "--output",
        ]
        for place in ["report.html", "reflections/report.html"] {
            let refused = try box.journal(arguments + [place], in: folder)
            #expect(refused.status == 2, "\(place): \(refused.stderr)")
            #expect(refused.stderr.contains("the next commit could share them"), "\(refused.stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(place).path))
        }
        // Outside the work tree, or where git ignores it, it is written.
        let outside = box.url("mine.html")
        #expect(try box.journal(arguments + [outside.path], in: folder).status == 0)
        #expect(try String(contentsOf: outside, encoding: .utf8).contains("SECRET-TITLE"))
        try box.write("private-reports/\n", to: ".gitignore", in: folder)
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("private-reports"), withIntermediateDirectories: true)
        #expect(try box.journal(arguments + ["private-reports/r.html"], in: folder).status == 0)
        // Without private entries the report may go anywhere.
        #expect(
            try box.journal(
                ["--today", "2026-11-25", "report", "--format", "html", "--output", "r.html"], in: folder
            )
            .status == 0)
        #expect(try box.journal(["commit"], in: folder).status == 0)
        let everything = try box.git(["log", "-p", "--all"], in: folder).stdout
        #expect(!everything.contains("SECRET-TITLE"))
    }

    @Test func anExcludeFileThatCannotBeWrittenStopsTheCommit() throws {
        let box = try GitSandbox()
        let folder = try box.person("pair", name: "Theo Park", email: "theo@example.org", remote: nil)
        try box.write(agreementText, to: "agreement.md", in: folder)
        #expect(try box.journal(["commit"], in: folder).status == 0)
        // `.git/info` is a file: nothing can be written under it (whoever runs the test, root too).
        let info = folder.appendingPathComponent(".git/info")
        try? FileManager.default.removeItem(at: info)
        try Data("not a folder\n".utf8).write(to: info)
        try box.write(
            reflectionText("2026-11-24", title: "Mine", isPrivate: true), to: "reflections/2026-11-24.md",
            in: folder)
        try box.write(goalText, to: "goals/speaking.md", in: folder)
        let run = try box.journal(["commit"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("cannot write"), "\(run.stderr)")
        #expect(run.stderr.contains("private entries were not committed"), "\(run.stderr)")
        #expect(try box.git(["log", "--format=%s"], in: folder).stdout.split(separator: "\n").count == 1)
        #expect(try box.git(["ls-tree", "-r", "--name-only", "HEAD"], in: folder).stdout == "agreement.md\n")
        #expect(!(try box.git(["ls-files"], in: folder).stdout.contains("reflections")))
    }

    @Test func initSharesNoPrivateFileAlreadyInTheFolder() throws {
        let box = try GitSandbox()
        let folder = box.url("pair")
        try box.write(
            "---\n{date: 2026-11-20, private: true}\n---\nWORDS-KEPT-HERE\n", to: "reflections/2026-11-20.md",
            in: folder)
        try box.write(
            reflectionText("2026-11-21", title: "WORDS-SHARED"), to: "reflections/2026-11-21.md", in: folder)
        let run = try box.journal(
            [
                "init", "--mentor", "Mara Quinn <mara@example.org>", "--mentee",
                "Theo Park <theo@example.org>",
            ],
            in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let committed = try box.git(["log", "-p", "--all"], in: folder).stdout
        #expect(!committed.contains("WORDS-KEPT-HERE"))
        #expect(committed.contains("WORDS-SHARED"))
        #expect(try box.git(["check-ignore", "reflections/2026-11-20.md"], in: folder).status == 0)
    }

    /// A repository git refuses to open (here: owned by another account) does not silently turn
    /// the private/tracked check off: lint says it could not be made.
    @Test(.enabled(if: getuid() == 0, "changing a folder's owner needs root (CI runs as root)"))
    func aCheckGitCannotAnswerIsReportedNotSkipped() throws {
        let box = try GitSandbox()
        let folder = try box.person("pair", name: "Theo Park", email: "theo@example.org", remote: nil)
        try box.write(agreementText, to: "agreement.md", in: folder)
        try box.write(
            reflectionText("2026-11-24", title: "Mine", isPrivate: true), to: "reflections/2026-11-24.md",
            in: folder)
        let gitFolder = folder.appendingPathComponent(".git").path
        let chown = try box.run("/bin/chown", ["-R", "nobody", gitFolder])
        #expect(chown.status == 0, "\(chown.stderr)")
        let run = try box.journal(["--today", "2026-11-25", "lint"], in: folder)
        #expect(
            run.stdout.contains(
                "reflections/2026-11-24.md:1:1: warning: git could not be asked whether private entries are tracked"
            ),
            "\(run.stdout)")
    }
}

/// Under `--include-private`, every line a private entry feeds into the report says so, in every
/// format, so that a printed or pasted report never passes a private line off as shared.
@Suite struct PrivateLinesTests {
    @Test func privateQuestionsActionsAndAgendaLinesAreMarkedEverywhere() throws {
        let root = try makeJournal([
            "agreement.md": goodAgreement,
            "reflections/2026-11-20.md": """
            ---
            date: 2026-11-20
            private: true
            ---
            # Mine

            ## Questions
            - SECRET-QUESTION about my confidence?

            ## Actions
            - [ ] @mentee SECRET-ACTION call the clinic (due 2026-11-22)
            - [ ] @mentee SECRET-LATER book the course (due 2026-12-10)

            ## Wins
            - SECRET-WIN I said no to an extra shift
            """,
            "reflections/2026-11-21.md":
                "---\ndate: 2026-11-21\n---\n# Shared\n\n## Questions\n- SHARED-QUESTION?\n",
        ])
        let today = ["--today", "2026-11-25", "--no-color"]
        // Without the flag, nothing of it.
        for format in ["text", "markdown", "html", "json"] {
            let run = try journal(today + ["report", "--format", format], in: root)
            #expect(!run.stdout.contains("SECRET"), "\(format) shows a private line")
        }
        func line(_ text: String, containing marker: String) -> String? {
            text.split(separator: "\n").map(String.init).first { $0.contains(marker) }
        }
        let text = try journal(today + ["report", "--include-private"], in: root).stdout
        for marker in ["SECRET-QUESTION", "SECRET-ACTION", "SECRET-LATER", "SECRET-WIN"] {
            let lines = text.split(separator: "\n").filter { $0.contains(marker) }
            #expect(!lines.isEmpty)
            for found in lines { #expect(found.contains("[private]"), "text: \(found)") }
        }
        #expect(line(text, containing: "SHARED-QUESTION")?.contains("[private]") == false)
        let markdown = try journal(today + ["report", "--include-private", "--format", "markdown"], in: root)
            .stdout
        for found in markdown.split(separator: "\n") where found.contains("SECRET") {
            #expect(found.contains("*(private)*"), "markdown: \(found)")
        }
        let html = try journal(today + ["report", "--include-private", "--format", "html"], in: root).stdout
        // Each item of the action items, the agenda (questions and overdue actions) and the wins
        // (the private reflection's own body is marked once, at its title).
        for section in ["action-items", "agenda", "wins"] {
            let start = try #require(html.range(of: "<section class=\"\(section)\">"))
            let end = try #require(html[start.upperBound...].range(of: "</section>"))
            let items = html[start.upperBound..<end.lowerBound].components(separatedBy: "</li>")
            #expect(items.contains { $0.contains("SECRET") }, "\(section) lists no private line")
            for item in items where item.contains("SECRET") {
                #expect(item.contains("private-mark"), "html \(section): \(item)")
            }
        }
        let json = try journal(today + ["report", "--include-private", "--format", "json"], in: root).json()
        let mentorship = try #require((json["mentorships"] as? [[String: Any]])?.first)
        let items = try #require(mentorship["action_items"] as? [[String: Any]])
        #expect(
            items.first { ($0["text"] as? String)?.contains("SECRET") == true }?["private"] as? Bool == true)
        let agenda = try #require(mentorship["agenda_items"] as? [[String: Any]])
        #expect(!agenda.isEmpty)
        for item in agenda {
            let secret = (item["text"] as? String)?.contains("SECRET") == true
            #expect(item["private"] as? Bool == secret, "\(item)")
            #expect(
                ["agreed", "question", "action", "milestone", "goal", "review", "evaluation"].contains(
                    item["kind"] as? String ?? ""))
        }
    }
}

/// A file that says it is private stays here whatever its name and whatever dialect its front
/// matter is written in, and a private version of a tracked file never reaches a commit, however
/// it was staged: checked object by object in the clone and in the shared copy.
@Suite struct PrivacyShapesTests {
    static let names = ["reflections/a.MD", "reflections/b.markdown", "notes/c.txt", "notes/d", "e.md"]

    /// Ways of saying `private: true` journal reads, or cannot read and so keeps here.
    static let dialects: [(String, @Sendable (String) -> String)] = [
        ("YAML", { "---\nprivate: true\n---\n\($0)\n" }),
        ("TOML", { "+++\nprivate = true\n+++\n\($0)\n" }),
        ("JSON", { "{\"private\": true, \"date\": \"2026-11-24\"}\n\($0)\n" }),
        ("comment on the fence", { "--- # notes\nprivate: true\n---\n\($0)\n" }),
        ("%YAML directive", { "%YAML 1.2\n---\nprivate: true\n---\n\($0)\n" }),
        ("merge key", { "---\n<<: {private: true}\ndate: 2026-11-24\n---\n\($0)\n" }),
        ("merge key list", { "---\n<<: [{date: 2026-11-24}, {private: true}]\n---\n\($0)\n" }),
        ("carriage returns alone", { "---\rprivate: true\r---\r\($0)\r" }),
        ("no-break space in the key", { "---\nprivate\u{00A0}: true\n---\n\($0)\n" }),
        ("zero-width space in the key", { "---\npri\u{200B}vate: true\n---\n\($0)\n" }),
        ("byte-order mark in the key", { "---\n\u{FEFF}private: true\n---\n\($0)\n" }),
    ]

    func everyObject(_ box: GitSandbox, in repository: URL) throws -> String {
        try box.git(["cat-file", "--batch-all-objects", "--batch"], in: repository).stdout
    }

    /// Every object a commit of the repository reaches (a blob `git add` wrote and no commit
    /// holds is not shared, and git prunes it in time).
    func everyCommittedObject(_ box: GitSandbox, in repository: URL) throws -> String {
        try box.run(
            "/bin/sh", ["-c", "git rev-list --objects --all | cut -d' ' -f1 | git cat-file --batch"],
            in: repository
        ).stdout
    }

    @Test func everyNameAndDialectStaysHere() throws {
        let box = try GitSandbox()
        let (remote, folder) = try box.sharedJournal(sent: false)
        var secrets: [String: String] = [:]
        var shared: [String: String] = [:]
        for (d, dialect) in Self.dialects.enumerated() {
            for (n, name) in Self.names.enumerated() {
                let secret = "SECRET-\(d)-\(n)-WORDS"
                let path =
                    name.contains("/") ? name.replacingOccurrences(of: "/", with: "/\(d)-") : "\(d)-" + name
                secrets[path] = secret
                try box.write(dialect.1(secret), to: path, in: folder)
            }
        }
        // The same names, saying nothing of privacy: shared.
        for (n, name) in Self.names.enumerated() {
            let words = "SHARED-\(n)-WORDS"
            let path =
                name.contains("/") ? name.replacingOccurrences(of: "/", with: "/plain-") : "plain-" + name
            shared[path] = words
            try box.write("Notes for both of us.\n\(words)\n", to: path, in: folder)
        }
        let sync = try box.journal(["sync"], in: folder)
        #expect(sync.status == 0, "\(sync.stdout)\(sync.stderr)")
        let committed = Set(
            try box.git(["ls-tree", "-r", "--name-only", "HEAD"], in: folder).stdout.split(separator: "\n")
                .map(String.init))
        for (path, words) in shared {
            #expect(committed.contains(path), "\(path) was not shared")
            #expect(try everyObject(box, in: remote).contains(words))
        }
        let objects = try everyObject(box, in: folder) + everyObject(box, in: remote)
        for (path, secret) in secrets.sorted(by: { $0.key < $1.key }) {
            #expect(!objects.contains(secret), "\(path) reached git")
            #expect(!committed.contains(path), "\(path) was committed")
        }
        // A plain `git add -A` afterwards skips them too.
        try box.git(["add", "-A"], in: folder)
        let staged = try box.git(["diff", "--cached", "--name-only"], in: folder).stdout
        for path in secrets.keys { #expect(!staged.contains(path), "git add -A staged \(path)") }
    }

    /// A shared entry made private, then staged by another program (`git add -u`, as an editor's
    /// git panel does): the next commit and sync keep its shared version, and say so.
    @Test func aPrivateVersionStagedByAnotherProgramIsNeverCommitted() throws {
        let box = try GitSandbox()
        let (remote, folder) = try box.sharedJournal(sent: false)
        try box.write(
            reflectionText("2026-11-24", title: "Week one"), to: "reflections/2026-11-24.md", in: folder)
        #expect(try box.journal(["sync"], in: folder).status == 0)
        try box.write(
            reflectionText("2026-11-24", title: "Week one", isPrivate: true) + "\nSTAGED-SECRET-WORDS\n",
            to: "reflections/2026-11-24.md", in: folder)
        try box.git(["add", "-u"], in: folder)
        try box.write(
            "---\ndate: 2026-11-25\n---\nShared words.\n", to: "reflections/2026-11-25.md", in: folder)
        let commit = try box.journal(["commit"], in: folder)
        #expect(commit.status == 0, "\(commit.stdout)\(commit.stderr)")
        #expect(commit.stderr.contains("commits none of its private changes"), "\(commit.stderr)")
        #expect(!commit.stderr.contains("leaves it alone"))
        let sync = try box.journal(["sync"], in: folder)
        #expect(sync.status == 0, "\(sync.stdout)\(sync.stderr)")
        #expect(!(try everyCommittedObject(box, in: folder)).contains("STAGED-SECRET-WORDS"))
        #expect(!(try everyObject(box, in: remote)).contains("STAGED-SECRET-WORDS"))
        #expect(
            try box.git(["show", "main:reflections/2026-11-25.md"], in: remote).stdout.contains(
                "Shared words"))
        // The file itself is untouched: the private words are still on this computer.
        #expect(box.read("reflections/2026-11-24.md", in: folder)?.contains("STAGED-SECRET-WORDS") == true)
    }
}
