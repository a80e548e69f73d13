import Foundation
import Testing

/// Colour, personal settings and the log's order, as people's other tools have them.
@Suite(.serialized) struct ConventionsTests {
    let escape = "\u{1B}["

    func example(_ box: GitSandbox) throws -> URL {
        let journal = box.url("ada-grace")
        try box.run("/bin/cp", ["-a", projectRoot.path + "/examples/ada-grace", journal.path])
        return journal
    }

    @Test func colourFollowsNoColorForceColorAndTheTerminal() throws {
        let box = try GitSandbox()
        let journal = try example(box)
        let binary = try journalBinary().path
        func onTerminal(_ extra: [String: String], _ arguments: String = "report") throws -> String {
            try box.run(
                "/usr/bin/script", ["-qec", "\(binary) --today 2026-11-25 \(arguments)", "/dev/null"],
                in: journal, extra: extra
            )
            .stdout
        }
        #expect(try onTerminal(["TERM": "xterm"]).contains(escape))
        #expect(try onTerminal(["TERM": "xterm", "NO_COLOR": ""]).contains(escape), "an empty NO_COLOR")
        #expect(try !onTerminal(["TERM": "xterm", "NO_COLOR": "1"]).contains(escape))
        #expect(try !onTerminal(["TERM": "dumb"]).contains(escape))
        #expect(try !onTerminal(["TERM": "xterm"], "report --color never").contains(escape))
        #expect(
            try box.journal(["--today", "2026-11-25", "report"], in: journal, extra: ["FORCE_COLOR": "1"])
                .stdout.contains(escape))
        #expect(try box.journal(["--color", "always", "report"], in: journal).stdout.contains(escape))
        #expect(try !box.journal(["report"], in: journal).stdout.contains(escape))
        #expect(try box.journal(["--color", "sometimes", "report"], in: journal).status == 2)
    }

    /// `journal report | head` and a closed standard error: the output stops, the program ends
    /// as it would have, and nothing crashes.
    @Test func aReaderThatGoesAwayEndsTheOutputNotTheProgram() throws {
        let box = try GitSandbox()
        let journal = try example(box)
        func run(_ arguments: [String], closing stream: Int32) throws -> (status: Int32, said: String) {
            var ends: [Int32] = [0, 0]
            try #require(pipe(&ends) == 0)
            close(ends[0])  // nobody reads: every write fails as it would after `head` exits
            let closed = FileHandle(fileDescriptor: ends[1], closeOnDealloc: true)
            let other = Pipe()
            let process = Process()
            process.executableURL = try journalBinary()
            process.arguments = ["--today", "2026-11-25"] + arguments
            process.currentDirectoryURL = journal
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = stream == STDOUT_FILENO ? closed : other
            process.standardError = stream == STDERR_FILENO ? closed : other
            try process.run()
            let said = String(decoding: other.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationReason == .exit, "\(arguments) ended by a signal")
            return (process.terminationStatus, said)
        }
        for arguments in [["report"], ["report", "--format", "json"], ["lint"], ["log"], ["status"]] {
            let (status, said) = try run(arguments, closing: STDOUT_FILENO)
            #expect(status < 3, "\(arguments): \(said)")
            #expect(!said.contains("Fatal error"))
        }
        let (status, said) = try run(["report", "--mentorship", "nobody"], closing: STDERR_FILENO)
        #expect(status == 2 || status == 1)
        #expect(!said.contains("Fatal error"))
        // A mirror fetch reports each repository on its own line: a reader that went away stops it.
        let mirror = box.url("mirror.git")
        let fetched = try run(
            ["programme", "fetch-mirror", box.url("nowhere").path, mirror.path], closing: STDOUT_FILENO)
        #expect(!fetched.said.contains("Fatal error"))
    }

    @Test func personalSettingsAndTheJournalsTakePrecedence() throws {
        let box = try GitSandbox()
        let journal = try example(box)
        let config = box.url("xdg")
        try box.write("format: json\ncolor: always\nsurprise: yes\n", to: "journal/config.yml", in: config)
        var run = try box.journal(["report"], in: journal, extra: ["XDG_CONFIG_HOME": config.path])
        #expect(run.stdout.hasPrefix("{"), "the person's default format")
        #expect(run.stderr.contains("config.yml:3:1: unknown setting `surprise`"), "\(run.stderr)")
        try box.write("report:\n  format: markdown\n", to: ".journal.yml", in: journal)
        run = try box.journal(["report"], in: journal, extra: ["XDG_CONFIG_HOME": config.path])
        #expect(run.stdout.hasPrefix("#"), "the journal's own choice first: \(run.stdout.prefix(40))")
        run = try box.journal(
            ["report", "--format", "text"], in: journal, extra: ["XDG_CONFIG_HOME": config.path])
        #expect(run.stdout.contains(escape), "color: always from config.yml")
        try box.write("lnit:\n  rules:\n    goal/no-target: off\n", to: ".journal.yml", in: journal)
        run = try box.journal(["lint"], in: journal)
        #expect(run.stdout.contains(".journal.yml:1:1: warning: unknown key `lnit`"), "\(run.stdout)")
        #expect(run.stdout.contains("did you mean `lint`?"))
    }

    @Test func commitsOfTheSameSecondAreLoggedByHistory() throws {
        let box = try GitSandbox()
        let journal = try box.person("pair", name: "Mara Quinn", email: "mara@example.org", remote: nil)
        try box.write(agreementText, to: "agreement.md", in: journal)
        box.environment["GIT_AUTHOR_DATE"] = "2026-11-20T10:00:00+00:00"
        box.environment["GIT_COMMITTER_DATE"] = "2026-11-20T10:00:00+00:00"
        try box.git(["add", "-A"], in: journal)
        try box.git(["commit", "-qm", "Agreement"], in: journal)
        for day in 1...6 {
            try box.write(
                reflectionText("2026-11-1\(day)", title: "Day \(day)"), to: "reflections/2026-11-1\(day).md",
                in: journal)
            try box.git(["add", "-A"], in: journal)
            try box.git(["commit", "-qm", "Reflection \(day)"], in: journal)
        }
        let expected = try box.git(["rev-list", "--topo-order", "HEAD"], in: journal).stdout.split(
            separator: "\n"
        )
        .map { String($0.prefix(7)) }
        for _ in 0..<3 {
            let log = try box.journal(["log"], in: journal).stdout
            let ids = log.split(separator: "\n").compactMap { line -> String? in
                line.hasPrefix("2026-") ? line.split(separator: " ").last.map(String.init) : nil
            }
            #expect(ids == expected, "\(log)")
        }
    }
}

/// The `journal-lint` hook of `.pre-commit-hooks.yaml` run by the real pre-commit framework on
/// a journal's repository, with the installed journal (nothing built).
@Suite(.serialized) struct PreCommitFrameworkTests {
    static let preCommit = projectRoot.appendingPathComponent(".build/test-venv/bin/pre-commit")

    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: preCommit.path), "make test installs pre-commit")
    )
    func theHookStopsACommitWithAnErrorAndLetsAFixedOneThrough() throws {
        let box = try GitSandbox()
        // The hook is taken from this project's repository as committed.
        let head = try box.git(["rev-parse", "HEAD"], in: projectRoot, allowFailure: true)
        guard head.status == 0 else { return }
        try stopsACommitWithAnErrorAndLetsAFixedOneThrough(
            box,
            configuration: """
                repos:
                  - repo: \(projectRoot.path)
                    rev: \(head.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
                    hooks:
                      - id: journal-lint

                """)
    }
}

extension PreCommitFrameworkTests {
    /// The set-up docs/lint.md gives, copied as it is written: a `repo: local` hook, which needs
    /// no tag of this project.
    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: preCommit.path), "make test installs pre-commit")
    )
    func theDocumentedSetUpWorksAsWritten() throws {
        let docs = try String(contentsOf: projectRoot.appendingPathComponent("docs/lint.md"), encoding: .utf8)
        guard let section = docs.range(of: "With the [pre-commit](https://pre-commit.com) framework"),
            let open = docs.range(of: "```yaml\n", range: section.upperBound..<docs.endIndex),
            let close = docs.range(of: "```", range: open.upperBound..<docs.endIndex)
        else {
            Issue.record("docs/lint.md has no pre-commit set-up")
            return
        }
        let configuration = String(docs[open.upperBound..<close.lowerBound])
        #expect(!configuration.contains("rev:"), "a tag the project may not have")
        try stopsACommitWithAnErrorAndLetsAFixedOneThrough(try GitSandbox(), configuration: configuration)
    }
}

extension PreCommitFrameworkTests {
    /// A journal whose `.pre-commit-config.yaml` is `configuration`, with pre-commit installed: a
    /// session naming an unknown goal stops the commit, and the fixed one goes through.
    func stopsACommitWithAnErrorAndLetsAFixedOneThrough(_ box: GitSandbox, configuration: String) throws {
        let journal = try box.person("pair", name: "Mara Quinn", email: "mara@example.org", remote: nil)
        try box.write(agreementText, to: "agreement.md", in: journal)
        try box.write(configuration, to: ".pre-commit-config.yaml", in: journal)
        try box.git(["add", "-A"], in: journal)
        try box.git(["commit", "-qm", "Start"], in: journal)
        let path =
            try journalBinary().deletingLastPathComponent().path + ":"
            + (box.environment["PATH"] ?? "/usr/bin:/bin")
        let extra = ["PATH": path, "PRE_COMMIT_HOME": box.url("pre-commit-home").path]
        var run = try box.run(Self.preCommit.path, ["install"], in: journal, extra: extra, timeout: 300)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        try box.write(
            "---\ndate: 2026-11-20\ngoals: [no-such-goal]\n---\n", to: "sessions/2026-11-20.md", in: journal)
        try box.git(["add", "-A"], in: journal)
        run = try box.run(
            "/usr/bin/git", ["commit", "-qm", "Session"], in: journal, extra: extra, timeout: 300)
        #expect(run.status != 0)
        #expect((run.stdout + run.stderr).contains("goal/unknown"), "\(run.stdout)\(run.stderr)")
        #expect(try box.git(["log", "--format=%s"], in: journal).stdout == "Start\n")
        try box.write("---\ndate: 2026-11-20\n---\n", to: "sessions/2026-11-20.md", in: journal)
        try box.git(["add", "-A"], in: journal)
        run = try box.run(
            "/usr/bin/git", ["commit", "-qm", "Session"], in: journal, extra: extra, timeout: 300)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(try box.git(["log", "--format=%s"], in: journal).stdout == "Session\nStart\n")
    }
}

/// The release version is kept in one place, printed by `--version`, and has its entry in the
/// changelog.
@Suite struct ReleaseVersionTests {
    @Test func theVersionPrintedHasItsChangelogEntry() throws {
        let run = try journal(["--version"])
        let version = run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(version.split(separator: ".").count == 3 && version.allSatisfy { $0.isNumber || $0 == "." })
        let changelog = try String(
            contentsOf: projectRoot.appendingPathComponent("docs/CHANGELOG.md"), encoding: .utf8)
        #expect(changelog.contains("\n## \(version)\n"), "docs/CHANGELOG.md has no section for \(version)")
    }
}
