import Foundation
import JournalKit
import TestSupport
import Testing

@testable import JournalGit

/// A repository made by the git CLI in a temporary folder, with its own configuration.
final class Scratch {
    let folder: URL
    let environment: [String: String]

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent(
            "journal-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        folder = URL(fileURLWithPath: canonicalPath(base.path)).appendingPathComponent("work")
        let config = base.appendingPathComponent("gitconfig")
        try "[user]\n\tname = Mara Quinn\n\temail = mara@example.org\n".write(
            to: config, atomically: true, encoding: .utf8)
        environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": base.path,
            "GIT_CONFIG_GLOBAL": config.path, "GIT_CONFIG_NOSYSTEM": "1",
        ]
        try git("init", "-q", "-b", "main", folder.path)
        // libgit2 in this process reads the real HOME's configuration, so the identity is
        // set in the repository itself.
        try git("config", "user.name", "Mara Quinn")
        try git("config", "user.email", "mara@example.org")
    }

    deinit { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }

    @discardableResult
    func git(_ arguments: String...) throws -> String {
        let directory =
            FileManager.default.fileExists(atPath: folder.path) ? folder : folder.deletingLastPathComponent()
        return try runProgram(
            URL(fileURLWithPath: "/usr/bin/git"), arguments, in: directory, environment: environment
        ).stdout
    }

    func write(_ text: String, _ path: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func open() throws -> GitRepository { try GitRepository.open(at: folder) }
}

@Suite struct RepositoryTests {
    @Test func discoverFindsTheWorkTreeFromASubfolder() throws {
        let scratch = try Scratch()
        try scratch.write("x\n", "journal/goals/a.md")
        let found = try GitRepository.discover(at: scratch.folder.appendingPathComponent("journal/goals"))
        let repository = try #require(found)
        #expect(repository.workdir.path == scratch.folder.path)
        #expect(repository.relativePath(of: scratch.folder.appendingPathComponent("journal")) == "journal")
        #expect(repository.relativePath(of: scratch.folder) == "")
        #expect(repository.relativePath(of: URL(fileURLWithPath: "/")) == nil)
        #expect(try GitRepository.discover(at: URL(fileURLWithPath: "/proc")) == nil)
    }

    @Test func isTrackedFollowsTheIndex() throws {
        let scratch = try Scratch()
        try scratch.write("a\n", "reflections/a.md")
        try scratch.write("b\n", "reflections/b.md")
        try scratch.git("add", "reflections/a.md")
        let repository = try scratch.open()
        #expect(repository.isTracked("reflections/a.md"))
        #expect(!repository.isTracked("reflections/b.md"))
        // Another process changes the index: the next question sees it.
        try scratch.git("add", "reflections/b.md")
        #expect(repository.isTracked("reflections/b.md"))
    }

    @Test func stagingSkipsPrivatePathsAndUnstagesThem() throws {
        let scratch = try Scratch()
        try scratch.write("agreement\n", "agreement.md")
        try scratch.write("secret\n", "reflections/secret.md")
        try scratch.write("outside\n", "elsewhere/file.md")
        try scratch.git("add", "reflections/secret.md")
        let repository = try scratch.open()
        let changes = try repository.stage(
            StagingRule(scope: "", keepLocal: ["reflections/secret.md"]))
        #expect(Set(changes.map(\.path)) == ["agreement.md", "elsewhere/file.md"])
        #expect(!repository.isTracked("reflections/secret.md"))
        let commit = try #require(try repository.commitIndex(message: "First"))
        #expect(commit.parents == 0)
        #expect(try scratch.git("log", "--format=%s%n%an").split(separator: "\n") == ["First", "Mara Quinn"])
        #expect(try scratch.git("ls-files") == "agreement.md\nelsewhere/file.md\n")
        #expect(try repository.commitIndex(message: "Again") == nil)
    }

    @Test func stagingStaysInsideTheScope() throws {
        let scratch = try Scratch()
        try scratch.write("a\n", "journal/agreement.md")
        try scratch.write("b\n", "notes.md")
        let repository = try scratch.open()
        let changes = try repository.stage(StagingRule(scope: "journal", keepLocal: []))
        #expect(changes == [GitChange(path: "journal/agreement.md", kind: .added)])
        _ = try repository.commitIndex(message: "Journal")
        try FileManager.default.removeItem(at: scratch.folder.appendingPathComponent("journal/agreement.md"))
        #expect(
            try repository.stage(StagingRule(scope: "journal", keepLocal: [])) == [
                GitChange(path: "journal/agreement.md", kind: .deleted)
            ])
        #expect(try scratch.git("status", "--porcelain") == "D  journal/agreement.md\n?? notes.md\n")
    }

    @Test func historyListsWhatEachCommitTouched() throws {
        let scratch = try Scratch()
        try scratch.write("a\n", "goals/a.md")
        try scratch.git("add", "-A")
        try scratch.git("commit", "-q", "-m", "one")
        try scratch.write("a2\n", "goals/a.md")
        try scratch.write("b\n", "reflections/b.md")
        try scratch.git("add", "-A")
        try scratch.git("commit", "-q", "-m", "two")
        let history = try scratch.open().history(scope: "")
        #expect(history.map(\.summary) == ["two", "one"])
        #expect(history.first?.authorName == "Mara Quinn")
        #expect(
            history.first?.changes == [
                GitChange(path: "goals/a.md", kind: .modified),
                GitChange(path: "reflections/b.md", kind: .added),
            ])
        #expect(try scratch.open().history(scope: "reflections").map(\.summary) == ["two"])
    }
}

@Suite struct ExcludeTests {
    @Test func theBlockIsRewrittenAndOtherLinesKept() throws {
        let scratch = try Scratch()
        let exclude = scratch.folder.appendingPathComponent(".git/info/exclude")
        try "# mine\n*.tmp\n".write(to: exclude, atomically: true, encoding: .utf8)
        let repository = try scratch.open()
        #expect(try repository.keepLocal(["reflections/b.md", "reflections/a b#!.md"]))
        var text = try String(contentsOf: exclude, encoding: .utf8)
        #expect(text.hasPrefix("# mine\n*.tmp\n\n"))
        #expect(text.contains("/reflections/a\\ b\\#\\!.md\n/reflections/b.md\n"))
        #expect(try !repository.keepLocal(["reflections/b.md", "reflections/a b#!.md"]))
        // git itself reads the patterns as exact paths.
        try scratch.write("x\n", "reflections/a b#!.md")
        try scratch.write("x\n", "reflections/b.md")
        try scratch.write("x\n", "reflections/c.md")
        #expect(try scratch.git("status", "--porcelain", "-uall") == "?? reflections/c.md\n")
        #expect(try repository.addKeptLocal(["reflections/c.md"]))
        #expect(
            Set(repository.keptLocalPaths()) == [
                "reflections/a b#!.md", "reflections/b.md", "reflections/c.md",
            ])
        #expect(try repository.keepLocal([]))
        text = try String(contentsOf: exclude, encoding: .utf8)
        #expect(text == "# mine\n*.tmp\n")
    }
}

@Suite struct HelperTests {
    @Test func conflictMarkersAreLinesOfSevenAngles() throws {
        let scratch = try Scratch()
        let file = scratch.folder.appendingPathComponent("a.md")
        try "Title\n=======\n\ntext <<<<<<< inline\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(!ConflictMarkers.present(in: file))
        try "a\n<<<<<<< Mara (this computer)\nx\n=======\ny\n>>>>>>> Theo\n".write(
            to: file, atomically: true, encoding: .utf8)
        #expect(ConflictMarkers.present(in: file))
        try ">>>>>>>\r\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(ConflictMarkers.present(in: file))
        // A longer run is text, to git and to journal alike.
        try "<<<<<<<<<<\nnot a marker\n>>>>>>>>>>>> neither\n".write(
            to: file, atomically: true, encoding: .utf8)
        #expect(!ConflictMarkers.present(in: file))
        // The parser reports exactly the lines the sync looks for.
        let text = "---\ndate: 2026-11-20\n---\n<<<<<<< ours\na\n=======\nb\n>>>>>>> theirs\n<<<<<<<<\n"
        let entry = EntryParser.parse(path: "sessions/2026-11-20.md", kind: .session, bytes: Array(text.utf8))
        #expect(entry.diagnostics.filter { $0.rule == MergeConflictMarkersRule.id }.map(\.line) == [4, 8])
        #expect(ConflictMarkers.lines(in: Array(text.utf8)) == [4, 8])
    }

    @Test func secretsInURLsAreMasked() {
        #expect(redact("https://mara:t0ken@example.org/pair.git") == "https://mara:***@example.org/pair.git")
        #expect(redact("ssh://git@example.org:22/pair.git") == "ssh://git@example.org:22/pair.git")
        #expect(
            redact("failed for 'https://a:b@h/x' and https://c:d@h2")
                == "failed for 'https://a:***@h/x' and https://c:***@h2")
        #expect(redact("no url here") == "no url here")
    }

    @Test func aMissingPathIsUnreachableWhateverItsDigits() {
        let session = TransportSession(environment: [:])
        let missing = GitError(
            .other,
            "failed to resolve path '/tmp/journal-5CAB389E-0366-4CAD-AFD8-0C403F48852C/missing.git': "
                + "No such file or directory")
        let classified = session.classify(
            missing, remote: "origin", url: "file:///tmp/x/authentication/r.git")
        #expect(classified.kind == .unreachable)
        #expect(classified.message.hasPrefix("cannot reach the shared copy"))

        let refused = GitError(.other, "unexpected http status code: 403")
        #expect(session.classify(refused, remote: "origin", url: "https://h/r.git").kind == .authentication)
        let denied = GitError(.other, "ERROR: Permission denied (publickey).")
        #expect(session.classify(denied, remote: "origin", url: "ssh://h/r.git").kind == .authentication)
    }

    @Test func eachCredentialIsOfferedOnce() throws {
        let scratch = try Scratch()
        let ssh = scratch.folder.deletingLastPathComponent().appendingPathComponent(".ssh")
        try FileManager.default.createDirectory(at: ssh, withIntermediateDirectories: true)
        for name in ["id_ed25519", "id_rsa"] {
            try "not a key".write(to: ssh.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let session = TransportSession(environment: [
            "HOME": ssh.deletingLastPathComponent().path, "SSH_AUTH_SOCK": "/nonexistent/agent",
        ])
        var credential: OpaquePointer?
        let sshKey: UInt32 = 1 << 1
        // The agent, then each key once: asked again after that means every one was refused.
        for _ in 0..<3 {
            #expect(
                session.credential(&credential, url: "ssh://h/r.git", userFromURL: "git", allowed: sshKey)
                    == 0)
        }
        #expect(
            session.credential(&credential, url: "ssh://h/r.git", userFromURL: "git", allowed: sshKey) < 0)
        #expect(session.refusal != nil)

        let https = TransportSession(environment: [
            "JOURNAL_GIT_TOKEN": "t0ken", "JOURNAL_GIT_USERNAME": "mara",
        ])
        let plaintext: UInt32 = 1 << 0
        #expect(https.credential(&credential, url: "https://h/x", userFromURL: nil, allowed: plaintext) == 0)
        #expect(https.credential(&credential, url: "https://h/x", userFromURL: nil, allowed: plaintext) < 0)
        let error = https.classify(
            GitError(.other, "too many redirects or authentication replays"), remote: "origin",
            url: "https://mara:t0ken@h/x")
        #expect(error.kind == .authentication)
        #expect(!error.message.contains("t0ken"))

        let none = TransportSession(environment: [:])
        #expect(none.credential(&credential, url: "https://h/x", userFromURL: nil, allowed: plaintext) < 0)
        #expect(none.refusal?.contains("JOURNAL_GIT_TOKEN") == true)
    }
}

@Suite struct SSHConfigTests {
    static let config = """
        # A programme's host, by its alias
        Host journal-host other
          HostName 127.0.0.1
          Port 2222
          User ada
          IdentityFile ~/.ssh/pair_key
          IdentitiesOnly yes
        Host *.example.org !secret.example.org
          User git
          ProxyJump bastion
        Host *
          User fallback
          IdentityFile ~/.ssh/id_extra
          Port 22
        """

    @Test func theFirstValueWinsAndPatternsMatchAsSshReadsThem() {
        let config = SSHConfig(text: Self.config)
        let host = config.host("journal-host")
        #expect(host.hostName == "127.0.0.1")
        #expect(host.port == 2222)
        #expect(host.user == "ada")
        #expect(host.identityFiles == ["~/.ssh/pair_key", "~/.ssh/id_extra"])
        #expect(host.identitiesOnly)
        let hosted = config.host("git.example.org")
        #expect(hosted.user == "git")
        #expect(hosted.unsupported == ["proxyjump"])
        #expect(config.host("secret.example.org").user == "fallback")
        #expect(config.host("unknown").port == 22)
    }

    @Test func sshAddressesInBothForms() {
        #expect(SSHAddress("ssh://ada@host:2222/srv/pair.git")?.url == "ssh://ada@host:2222/srv/pair.git")
        #expect(SSHAddress("journal-host:pair.git")?.url == "ssh://journal-host/~/pair.git")
        #expect(SSHAddress("git@host:/srv/pair.git")?.url == "ssh://git@host/srv/pair.git")
        #expect(SSHAddress("https://host/pair.git") == nil)
        #expect(SSHAddress("/srv/pair.git") == nil)
        #expect(SSHAddress("./a:b") == nil)
    }
}

@Suite struct PlainWordsTests {
    @Test func libgit2sTerseTextsAreSaidPlainly() {
        let locked = GitError.plainWords(
            code: -14, detail: "failed to lock file '/j/.git/index.lock' for writing")
        #expect(locked.contains("(/j/.git/index.lock)") && locked.contains("another git program"))
        for detail in ["old reference value does not match", "current tip is not the first parent"] {
            #expect(GitError.plainWords(code: -15, detail: detail).contains("nothing was lost"))
        }
        let owner = GitError.plainWords(code: -36, detail: "config value 'safe.directory' was not found")
        #expect(owner.contains("git config --global --add safe.directory"))
        #expect(
            GitError.plainWords(code: -3, detail: "reference 'refs/remotes/origin/main' not found")
                == "git has no refs/remotes/origin/main here (a branch or remote branch that is not there yet)"
        )
        #expect(GitError.plainWords(code: -1, detail: "something else") == "something else")
    }
}

@Suite struct KnownHostsTests {
    func hex(_ bytes: some Sequence<UInt8>) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    @Test func shaOneAndItsHMACMatchTheStandardVectors() {
        #expect(hex(HMACSHA1.sha1(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(hex(HMACSHA1.sha1([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        let long = Array(String(repeating: "a", count: 1000).utf8)
        #expect(hex(HMACSHA1.sha1(long)) == "291e9a6c66994949b57ba5e650361e98fc36b1ba")
        // RFC 2202, test cases 1 and 2.
        #expect(
            hex(HMACSHA1.mac(key: Data(repeating: 0x0b, count: 20), message: Data("Hi There".utf8)))
                == "b617318655057264e28bc0b6fb378c8ef146be00")
        #expect(
            hex(HMACSHA1.mac(key: Data("Jefe".utf8), message: Data("what do ya want for nothing?".utf8)))
                == "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")
    }

    @Test func namesAsSshWritesThem() {
        #expect(KnownHosts.name(host: "h", port: nil) == "h")
        #expect(KnownHosts.name(host: "h", port: 22) == "h")
        #expect(KnownHosts.name(host: "127.0.0.1", port: 2222) == "[127.0.0.1]:2222")
        #expect(KnownHosts.names("a.example.org,*.example.net", "b.example.net"))
        #expect(!KnownHosts.names("a.example.org", "b.example.org"))
    }
}

@Suite struct TemporaryPackTests {
    @Test func whatAnOperationCutShortLeftIsRemovedAndNothingElse() throws {
        let scratch = try Scratch()
        let pack = scratch.folder.appendingPathComponent("objects/pack")
        try FileManager.default.createDirectory(at: pack, withIntermediateDirectories: true)
        let old = pack.appendingPathComponent("pack_git2_old")
        let new = pack.appendingPathComponent("pack_git2_new")
        let real = pack.appendingPathComponent("pack-1234.pack")
        for file in [old, new, real] { try Data("x".utf8).write(to: file) }
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: old.path)
        let session = TransportSession(environment: [:], gitDirectory: scratch.folder)
        session.removeTemporaryPacks(since: Date().addingTimeInterval(-60))
        #expect(!FileManager.default.fileExists(atPath: new.path))
        #expect(FileManager.default.fileExists(atPath: old.path))
        #expect(FileManager.default.fileExists(atPath: real.path))
    }
}

@Suite struct ConfigurationFilesAgainstAnyInputTests {
    static let pieces = [
        "Host", "host", "*", "?", "!", " ", "\t", "=", "\"", "HostName", "Port", "99999999999999999999",
        "User",
        "IdentityFile", "~/", "%d", "Match", "\n", "#", "@revoked", "|1|", "AAAA", "ssh-ed25519", "[h]:22",
        ",",
        "ssh://", "git@", ":", "/", "é",
    ]

    @Test func sshConfigKnownHostsAndAddressesTakeAnyText() throws {
        var state: UInt64 = 42
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        let scratch = try Scratch()
        let file = scratch.folder.appendingPathComponent("known_hosts")
        for _ in 0..<3_000 {
            let text = (0..<(next() % 30)).map { _ in Self.pieces[next() % Self.pieces.count] }.joined()
            _ = SSHConfig(text: text).host("h")
            _ = SSHAddress(text)?.url
            try text.write(to: file, atomically: true, encoding: .utf8)
            let known = KnownHosts(files: [file.path])
            _ = known.trusts(Data([1, 2, 3]), for: "h")
            _ = KnownHosts.names(text, "h")
        }
        #expect(SSHConfig(text: "Port 99999999999999999999").host("h").port == nil)
    }
}
