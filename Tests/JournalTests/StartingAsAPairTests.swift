import Foundation
import TestSupport
import Testing

/// Two people starting a shared journal as the getting-started guide says: `journal init` and
/// `journal join`, then the everyday commands, in the words a person reads. Every result is
/// checked with the real git.
@Suite(.serialized) struct StartingAsAPairTests {
    /// Words of git's own that a person should not have to learn. `HEAD` is matched in capitals
    /// only (a "heading" is fine); the rest as whole words in any case.
    static let gitWords = ["origin", "upstream", "refs/", "fast-forward", "detached", "rebase", "index"]

    static func gitWordsIn(_ text: String) -> [String] {
        var found: [String] = []
        if text.range(of: #"\bHEAD\b"#, options: .regularExpression) != nil { found.append("HEAD") }
        for word in gitWords {
            let pattern =
                word.hasSuffix("/") ? NSRegularExpression.escapedPattern(for: word) : "\\b\(word)\\b"
            if text.range(of: pattern, options: [.regularExpression, .caseInsensitive]) != nil {
                found.append(word)
            }
        }
        return found
    }

    @Test func theCheckFindsGitWords() {
        #expect(Self.gitWordsIn("Sent to origin/main") == ["origin"])
        #expect(Self.gitWordsIn("HEAD is not on a branch") == ["HEAD"])
        #expect(Self.gitWordsIn("a heading, ahead of time, the original indexing").isEmpty)
    }

    /// init, new, status, commit, join, sync (sending, receiving, combining, conflicting,
    /// offline): no git word in what any of them prints by default.
    @Test func everydayCommandsSpeakPlainly() throws {
        let box = try GitSandbox()
        let remote = box.url("shared.git")
        try box.git(["init", "-q", "--bare", "-b", "main", remote.path])
        var said: [(String, String)] = []
        func run(_ arguments: [String], in folder: URL, status expected: Int32 = 0) throws -> ProgramRun {
            let result = try box.journal(arguments, in: folder, extra: ["JOURNAL_TODAY": "2026-12-01"])
            #expect(result.status == expected, "\(arguments): \(result.stdout)\(result.stderr)")
            said.append((arguments.joined(separator: " "), result.stdout + result.stderr))
            return result
        }

        var result = try run(
            [
                "init", "mara", "--mentor", "Mara Quinn <mara@example.org>", "--mentee",
                "Theo Park <theo@example.org>",
                "--remote", remote.path,
            ], in: box.root)
        #expect(result.stdout.contains("journal join \(remote.path)"), "\(result.stdout)")
        let mentor = box.url("mara")
        _ = try run(["new", "goal", "Give a talk", "--no-edit"], in: mentor)
        result = try run(["status"], in: mentor)
        #expect(result.stdout.contains("not sent to the shared copy"), "\(result.stdout)")
        _ = try run(["commit"], in: mentor)
        result = try run(["sync"], in: mentor)
        #expect(result.stdout.contains("Sent your changes to the shared copy"), "\(result.stdout)")
        #expect(
            try box.git(["log", "--format=%s", "main"], in: remote).stdout.contains("Start the mentorship"))

        // The partner joins with one command, and gets the same history.
        result = try run(["join", remote.path, "theo"], in: box.root)
        let mentee = box.url("theo")
        #expect(result.stdout.contains("Your copy of the shared journal is in"), "\(result.stdout)")
        #expect(
            try box.git(["rev-parse", "HEAD"], in: mentee).stdout
                == box.git(["rev-parse", "main"], in: remote).stdout)
        #expect(try box.git(["config", "merge.journal.driver"], in: mentee).stdout.contains("merge-driver"))
        #expect(
            FileManager.default.fileExists(
                atPath: mentee.appendingPathComponent(".git/hooks/pre-commit").path))
        try box.git(["config", "user.name", "Theo Park"], in: mentee)
        try box.git(["config", "user.email", "theo@example.org"], in: mentee)

        // Ahead: the mentee sends; behind: the mentor receives.
        try box.write(
            reflectionText("2026-12-01", title: "First week"), to: "reflections/2026-12-01.md", in: mentee)
        result = try run(["sync"], in: mentee)
        #expect(result.stdout.contains("Sent your changes"), "\(result.stdout)")
        result = try run(["sync"], in: mentor)
        #expect(result.stdout.contains("Received 1 change from Theo Park"), "\(result.stdout)")
        result = try run(["status"], in: mentor)
        #expect(result.stdout.contains("In step with the shared copy"), "\(result.stdout)")

        // Both write: combined.
        try box.write(
            reflectionText("2026-12-02", title: "Second"), to: "reflections/2026-12-02.md", in: mentee)
        try box.write("notes\n", to: "notes.md", in: mentor)
        _ = try run(["sync"], in: mentee)
        result = try run(["sync"], in: mentor)
        #expect(result.stdout.contains("and combined it with yours"), "\(result.stdout)")
        _ = try run(["sync"], in: mentee)

        // The same line changed on both sides: a conflict, said plainly.
        try box.write("mine\n", to: "notes.md", in: mentor)
        try box.write("theirs\n", to: "notes.md", in: mentee)
        _ = try run(["sync"], in: mentee)
        _ = try run(["sync"], in: mentor, status: 3)
        _ = try run(["status"], in: mentor)

        // Offline: the change is saved here, and will be sent next time.
        try box.write(
            reflectionText("2026-12-03", title: "Offline"), to: "reflections/2026-12-03.md", in: mentee)
        try box.git(["remote", "set-url", "origin", box.url("gone.git").path], in: mentee)
        result = try run(["sync"], in: mentee, status: 4)
        #expect(result.stdout.contains("Saved your changes on this computer"), "\(result.stdout)")
        #expect(result.stderr.contains("will be sent at the next sync"), "\(result.stderr)")
        #expect(try box.git(["log", "-1", "--format=%s"], in: mentee).stdout.contains("2026-12-03"))

        for (command, text) in said {
            #expect(
                Self.gitWordsIn(text).isEmpty, "journal \(command) said \(Self.gitWordsIn(text)):\n\(text)")
        }
        try box.expectValid([mentor, mentee, remote])
    }

    @Test func joinRefusesAFolderInUseAndLeavesNothingOnFailure() throws {
        let box = try GitSandbox()
        let taken = box.url("taken")
        try box.write("mine\n", to: "taken/file.txt", in: box.root)
        let refused = try box.journal(["join", box.url("r.git").path, "taken"], in: box.root)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("not empty"), "\(refused.stderr)")
        #expect(box.read("file.txt", in: taken) == "mine\n")

        // Unreachable: exit 4, and no half-made folder left behind.
        let missing = try box.journal(["join", box.url("missing.git").path, "copy"], in: box.root)
        #expect(missing.status == 4, "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: box.url("copy").path))

        // An empty shared copy: the partner has not sent the journal yet.
        try box.git(["init", "-q", "--bare", "-b", "main", box.url("empty.git").path])
        let empty = try box.journal(["join", box.url("empty.git").path], in: box.root)
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("is empty"), "\(empty.stderr)")
        #expect(!FileManager.default.fileExists(atPath: box.url("empty").path))
    }

    /// Ctrl-C while `journal join` waits on the shared copy: it says what to do, and the same
    /// join run again starts over in the folder the first one began (so does one killed outright).
    @Test func aJoinCutShortIsStartedOverByTheNextOne() throws {
        let box = try GitSandbox()
        let port = box.freePort()
        let server = try box.startSilentServer(port: port)
        defer { box.stop(server) }
        #expect(box.waitForListener(port: port))
        for stop in [SIGINT, SIGKILL] {
            let copy = box.url("copy")
            let (process, _, errors) = try box.startJournal(
                ["join", "git://127.0.0.1:\(port)/pair.git", "copy"], in: box.root)
            // Stopped while it waits on the silent server, once its folder is made.
            let note = copy.appendingPathComponent(".git/journal-joining")
            for _ in 0..<400 where !FileManager.default.fileExists(atPath: note.path) { usleep(25_000) }
            #expect(FileManager.default.fileExists(atPath: note.path))
            kill(process.processIdentifier, stop)
            let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus != 0)
            if stop == SIGINT {
                #expect(process.terminationStatus == 128 + SIGINT)
                #expect(said.contains("Run the same `journal join` again"), "\(said)")
            }

            let remote = box.url("pair-\(stop).git")
            let mentor = try box.person(
                "mentor-\(stop)", name: "Mara Quinn", email: "mara@example.org", remote: remote.path)
            try box.git(["init", "-q", "--bare", "-b", "main", remote.path])
            try box.write(agreementText, to: "agreement.md", in: mentor)
            #expect(try box.journal(["sync"], in: mentor).status == 0)
            let again = try box.journal(["join", remote.path, "copy"], in: box.root)
            #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
            #expect(box.read("agreement.md", in: copy) == agreementText)
            #expect(!FileManager.default.fileExists(atPath: note.path))
            #expect(try box.git(["config", "remote.origin.url"], in: copy).stdout == remote.path + "\n")
            try box.expectValid([copy])
            try FileManager.default.removeItem(at: copy)
        }
    }

    /// `journal join` against a private HTTPS host that asks for a login, with the login kept
    /// by git's credential helper, as a hosted repository is joined.
    @Test func joinAHostThatNeedsALogin() throws {
        guard PrivateHTTPHost.available else { return }
        let box = try GitSandbox()
        let host = try PrivateHTTPHost(box, user: "theo", password: "s3cret-join", tls: true)
        defer { host.stop() }
        let url = try host.seededRepository("pair.git")
        let trust = ["GIT_SSL_CAINFO": host.authority.path]

        // No login anywhere: exit 4, saying what to set, and nothing left behind.
        var run = try box.journal(["join", url, "pair"], in: box.root, extra: trust)
        #expect(run.status == 4, "\(run.stderr)")
        #expect(run.stderr.contains("JOURNAL_GIT_TOKEN"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: box.url("pair").path))

        try host.storeCredentials(user: "theo", password: "s3cret-join")
        run = try box.journal(["join", url, "pair"], in: box.root, extra: trust)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(!(run.stdout + run.stderr).contains("s3cret-join"))
        let copy = box.url("pair")
        #expect(box.read("agreement.md", in: copy) == agreementText)
        #expect(try box.git(["status", "--porcelain"], in: copy).stdout.isEmpty)
        #expect(
            try box.git(["rev-parse", "--abbrev-ref", "main@{upstream}"], in: copy).stdout == "origin/main\n")
    }
}

/// A program run on a pseudo-terminal, answered as a person would answer its questions: each
/// answer is typed once the text before it has appeared.
func runOnTerminal(
    _ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String],
    answers: [(after: String, type: String)], timeout: TimeInterval = 60
) throws -> (output: String, status: Int32) {
    var master: Int32 = 0
    var slave: Int32 = 0
    guard openpty(&master, &slave, nil, nil, nil) == 0 else { throw RunError.noBinary }
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = environment
    let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
    process.standardInput = terminal
    process.standardOutput = terminal
    process.standardError = terminal
    try process.run()
    close(slave)
    defer { close(master) }
    var output = ""
    var pending = answers[...]
    let deadline = Date().addingTimeInterval(timeout)
    var buffer = [UInt8](repeating: 0, count: 4096)
    while Date() < deadline {
        var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        if poll(&poller, 1, 100) > 0 {
            let count = read(master, &buffer, buffer.count)
            if count <= 0 { break }
            output += String(decoding: buffer[0..<count], as: UTF8.self)
        } else if !process.isRunning {
            break
        }
        if let next = pending.first, output.contains(next.after) {
            let line = next.type + "\n"
            _ = line.withCString { write(master, $0, strlen($0)) }
            pending = pending.dropFirst()
            // Only text after this answer can call for the next one.
            output += "\u{0}"
        }
    }
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
    return (output.replacingOccurrences(of: "\u{0}", with: ""), process.terminationStatus)
}

@Suite struct TerminalQuestionsTests {
    /// On a terminal with nothing given, init asks for the pair, the cadence and the shared copy
    /// (and who you are, when git does not know), with suggestions that Enter takes.
    @Test func initAsksWhatItNeeds() throws {
        let box = try GitSandbox()
        // A computer where git does not know the person yet.
        try "".write(to: box.home.appendingPathComponent(".gitconfig"), atomically: true, encoding: .utf8)
        let remote = box.url("shared.git")
        try box.git(["init", "-q", "--bare", "-b", "main", remote.path])
        let run = try runOnTerminal(
            try journalBinary(), ["init", "pair"], in: box.root, environment: box.environment,
            answers: [
                ("Your name", "Mara Quinn"), ("Your email", "mara@example.org"),
                ("The mentor", ""),  // Enter: the suggestion is the person at the terminal
                ("The mentee", "Theo Park <theo@example.org>"), ("How often you meet", "weekly"),
                ("Where the shared copy lives", remote.path),
            ])
        #expect(run.status == 0, "\(run.output)")
        let pair = box.url("pair")
        let agreement = box.read("agreement.md", in: pair) ?? ""
        #expect(agreement.contains("Mara Quinn"), "\(agreement)")
        #expect(agreement.contains("Theo Park"))
        #expect(agreement.contains("weekly"))
        #expect(try box.git(["config", "user.name"], in: pair).stdout == "Mara Quinn\n")
        #expect(try box.git(["config", "remote.origin.url"], in: pair).stdout == remote.path + "\n")
        #expect(try box.git(["log", "--format=%an", "-1"], in: pair).stdout == "Mara Quinn\n")
    }

    /// Without a terminal nothing is asked: a missing flag is bad usage that says what to give.
    @Test func initAsksNothingWithoutATerminal() throws {
        let box = try GitSandbox()
        let run = try box.journal(["init", "pair"], in: box.root)
        #expect(run.status == 2)
        #expect(run.stderr.contains("--mentor is missing"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: box.url("pair").path))
    }

    /// `journal join` on a terminal asks who you are when git does not know.
    @Test func joinAsksWhoYouAre() throws {
        let box = try GitSandbox()
        let (remote, _) = try box.sharedJournal()
        try "".write(to: box.home.appendingPathComponent(".gitconfig"), atomically: true, encoding: .utf8)
        let run = try runOnTerminal(
            try journalBinary(), ["join", remote.path, "theo"], in: box.root, environment: box.environment,
            answers: [("Your name", "Theo Park"), ("Your email", "theo@example.org")])
        #expect(run.status == 0, "\(run.output)")
        let copy = box.url("theo")
        #expect(try box.git(["config", "user.email"], in: copy).stdout == "theo@example.org\n")
        #expect(run.output.contains("Next: cd theo"), "\(run.output)")
    }
}

@Suite(.serialized) struct TerminalLoginTests {
    /// A host that needs a login nobody set up: on a terminal journal asks for it as git does,
    /// keeps it where git keeps logins, and the next sync (without a terminal) does not ask.
    @Test func aLoginTypedOnceIsKeptForTheNextSync() throws {
        guard PrivateHTTPHost.available else { return }
        let box = try GitSandbox()
        let host = try PrivateHTTPHost(box, user: "ada", password: "t0ken-typed", tls: true)
        defer { host.stop() }
        let url = try host.seededRepository("pair.git")
        var environment = box.environment
        environment["GIT_SSL_CAINFO"] = host.authority.path
        let run = try runOnTerminal(
            try journalBinary(), ["join", url, "pair"], in: box.root, environment: environment,
            answers: [("User name at", "ada"), ("Password or token", "t0ken-typed"), ("Remember it", "yes")])
        #expect(run.status == 0, "\(run.output)")
        #expect(!run.output.contains("t0ken-typed"), "the token was shown as typed")
        let store = box.home.appendingPathComponent(".git-credentials")
        let kept = (try? String(contentsOf: store, encoding: .utf8)) ?? ""
        #expect(kept.contains("ada:t0ken-typed@localhost"), "\(kept)")
        let mode = (try FileManager.default.attributesOfItem(atPath: store.path))[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // git reads what journal kept: the same login serves plain git.
        let listed = try box.run(
            "/usr/bin/git", ["ls-remote", url], extra: ["GIT_SSL_CAINFO": host.authority.path])
        #expect(listed.status == 0, "\(listed.stderr)")
        // And journal's next sync, with no terminal, sends without asking.
        let copy = box.url("pair")
        try box.write(reflectionText("2026-12-01", title: "Kept"), to: "reflections/2026-12-01.md", in: copy)
        let sync = try box.journal(["sync"], in: copy, extra: ["GIT_SSL_CAINFO": host.authority.path])
        #expect(sync.status == 0, "\(sync.stdout)\(sync.stderr)")
        #expect(
            try box.git(
                ["log", "-1", "--format=%s", "main"], in: host.folder.appendingPathComponent("repos/pair.git")
            )
            .stdout.contains("2026-12-01"))
    }
}

/// A shared copy replaced by another project's history (a force-push of something else) is
/// refused as git refuses it: nothing merged, nothing sent, the shared copy as it was.
@Suite struct UnrelatedHistoryTests {
    @Test func anUnrelatedHistoryIsRefusedInPlainWords() throws {
        let box = try GitSandbox()
        let (remote, mentor) = try box.sharedJournal()
        // Another project, pushed over the shared copy by force.
        let other = try box.person(
            "other", name: "Someone Else", email: "else@example.org", remote: remote.path)
        try box.write("# Another project\n", to: "README.md", in: other)
        try box.git(["add", "-A"], in: other)
        try box.git(["commit", "-qm", "Another project"], in: other)
        try box.git(["push", "-q", "--force", "origin", "main"], in: other)
        let replaced = try box.git(["rev-parse", "main"], in: remote).stdout
        try box.write(
            reflectionText("2026-12-01", title: "Mine"), to: "reflections/2026-12-01.md", in: mentor)
        let run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("nothing in common with this journal"), "\(run.stderr)")
        #expect(StartingAsAPairTests.gitWordsIn(run.stdout + run.stderr).isEmpty, "\(run.stderr)")
        #expect(try box.git(["rev-parse", "main"], in: remote).stdout == replaced)
        #expect(
            try box.git(["log", "--format=%s", "main"], in: mentor).stdout.contains("Another project")
                == false)
        #expect(!FileManager.default.fileExists(atPath: mentor.appendingPathComponent("README.md").path))
        #expect(box.read("reflections/2026-12-01.md", in: mentor) != nil)
        try box.expectValid([mentor, remote])
    }
}

/// A damaged object in the clone (a truncated loose object, as a failing disk leaves): sync
/// ends at once with exit 1, names the damage and `git fsck`, and sends nothing.
@Suite struct DamagedRepositoryTests {
    @Test func aTruncatedObjectEndsTheSyncWithWhatToDo() throws {
        let box = try GitSandbox()
        let (remote, folder) = try box.sharedJournal()
        let before = try box.git(["rev-parse", "main"], in: remote).stdout
        try box.write(reflectionText("2026-12-01", title: "Two"), to: "reflections/2026-12-01.md", in: folder)
        try box.git(["add", "-A"], in: folder)
        try box.git(["commit", "-qm", "Two"], in: folder)
        let blob = try box.git(["rev-parse", "HEAD:reflections/2026-12-01.md"], in: folder).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let object = folder.appendingPathComponent(".git/objects/\(blob.prefix(2))/\(blob.dropFirst(2))")
        _ = chmod(object.path, 0o644)
        let handle = try FileHandle(forWritingTo: object)
        try handle.truncate(atOffset: 10)
        try handle.close()
        let run = try box.journal(["sync"], in: folder)
        #expect(!run.timedOut)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("damaged") && run.stderr.contains("git fsck"), "\(run.stderr)")
        #expect(!run.stderr.contains("cannot reach"))
        #expect(try box.git(["rev-parse", "main"], in: remote).stdout == before)
        #expect(box.read("reflections/2026-12-01.md", in: folder)?.contains("Two") == true)
    }

    /// A pack file damaged in the middle (what a failing disk leaves after `git gc`): commit and
    /// sync end within their time, never with success, name the damage and `git fsck`, and send
    /// nothing.
    @Test func aDamagedPackEndsCommitAndSyncWithWhatToDo() throws {
        let box = try GitSandbox()
        let (remote, folder) = try box.sharedJournal()
        let before = try box.git(["rev-parse", "main"], in: remote).stdout
        for day in 1...6 {
            try box.write(
                reflectionText(
                    "2026-12-0\(day)", title: "Day \(day) " + String(repeating: "words ", count: 400)),
                to: "reflections/2026-12-0\(day).md", in: folder)
            try box.git(["add", "-A"], in: folder)
            try box.git(["commit", "-qm", "Day \(day)"], in: folder)
        }
        try box.git(["gc", "-q", "--aggressive"], in: folder)
        let packs = folder.appendingPathComponent(".git/objects/pack")
        let pack = try #require(
            try FileManager.default.contentsOfDirectory(atPath: packs.path).first { $0.hasSuffix(".pack") })
        let file = packs.appendingPathComponent(pack)
        _ = chmod(file.path, 0o644)
        var bytes = try Data(contentsOf: file)
        for offset in stride(from: bytes.count / 3, to: bytes.count - 40, by: 97) { bytes[offset] ^= 0x5A }
        try bytes.write(to: file)
        try box.write(
            reflectionText("2026-12-09", title: "After the damage"), to: "reflections/2026-12-09.md",
            in: folder)
        for command in [["commit"], ["sync"]] {
            let run = try box.run(try journalBinary().path, command, in: folder, timeout: 60)
            #expect(!run.timedOut, "\(command)")
            if run.status != 0 {
                #expect(run.status == 1, "\(command): \(run.stdout)\(run.stderr)")
                #expect(run.stderr.contains("git fsck"), "\(command): \(run.stderr)")
            }
        }
        #expect(try box.git(["rev-parse", "main"], in: remote).stdout == before, "nothing damaged was sent")
        #expect(box.read("reflections/2026-12-09.md", in: folder)?.contains("After the damage") == true)
    }
}

/// A shared copy in a folder, named relative to where `journal join` runs, is kept by its full
/// path, so that the copy syncs with it from inside its own folder.
@Suite struct JoinByRelativePathTests {
    @Test func aRelativeFolderIsKeptByItsFullPath() throws {
        let box = try GitSandbox()
        let (remote, _) = try box.sharedJournal()
        let place = box.url("elsewhere")
        try FileManager.default.createDirectory(at: place, withIntermediateDirectories: true)
        let run = try box.journal(["join", "../shared.git", "theo"], in: place)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let copy = place.appendingPathComponent("theo")
        #expect(try box.git(["config", "remote.origin.url"], in: copy).stdout == remote.path + "\n")
        try box.git(["config", "user.name", "Theo Park"], in: copy)
        try box.git(["config", "user.email", "theo@example.org"], in: copy)
        try box.write(reflectionText("2026-12-01", title: "Mine"), to: "reflections/2026-12-01.md", in: copy)
        let sync = try box.journal(["sync"], in: copy)
        #expect(sync.status == 0, "\(sync.stdout)\(sync.stderr)")
        #expect(try box.git(["log", "-1", "--format=%an", "main"], in: remote).stdout == "Theo Park\n")
    }
}
