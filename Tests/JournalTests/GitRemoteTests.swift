import Foundation
import Testing

/// `journal sync` over git:// and ssh:// against servers started on 127.0.0.1 by the test,
/// and against remotes that cannot be reached.
@Suite(.serialized) struct GitRemoteTests {
    static let gitDaemon = "/usr/lib/git-core/git-daemon"
    static let sshd = "/usr/sbin/sshd"

    /// A journal with an agreement and a goal, and a remote named origin at `url`.
    func journalFolder(_ box: GitSandbox, remote url: String) throws -> URL {
        let folder = try box.person("mentor", name: "Mara Quinn", email: "mara@example.org", remote: url)
        try box.write(agreementText, to: "agreement.md", in: folder)
        try box.write(goalText, to: "goals/speaking.md", in: folder)
        return folder
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: gitDaemon)))
    func syncOverGitProtocol() throws {
        let box = try GitSandbox()
        let remote = box.url("served/pair.git")
        try box.git(["init", "-q", "--bare", "-b", "main", remote.path])
        let port = box.freePort()
        let daemon = try box.startServer(
            Self.gitDaemon,
            [
                "--reuseaddr", "--listen=127.0.0.1", "--port=\(port)",
                "--base-path=\(box.url("served").path)",
                "--export-all", "--enable=receive-pack", box.url("served").path,
            ], log: "daemon.log")
        defer { box.stop(daemon) }
        #expect(
            box.waitForListener(port: port),
            "git daemon did not start: \(box.read("daemon.log", in: box.root) ?? "")")
        let url = "git://127.0.0.1:\(port)/pair.git"
        let mentor = try journalFolder(box, remote: url)

        var run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(
            try box.git(["log", "--format=%s", "main"], in: remote).stdout
                == "Add agreement; add goal speaking\n")

        // The mentee clones over git:// with the git CLI and sends a reflection back.
        try box.git(["clone", "-q", url, box.url("mentee").path])
        let mentee = box.url("mentee")
        try box.git(["config", "user.name", "Theo Park"], in: mentee)
        try box.write(
            reflectionText("2026-11-22", title: "Week"), to: "reflections/2026-11-22.md", in: mentee)
        run = try box.journal(["sync"], in: mentee)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(box.read("reflections/2026-11-22.md", in: mentor) != nil)

        // The server goes away: exit 4, the new entry committed here and on disk.
        box.stop(daemon)
        try box.write(
            reflectionText("2026-11-24", title: "Offline", author: "mentor"), to: "reflections/2026-11-24.md",
            in: mentor)
        run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 4, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("cannot reach"))
        #expect(!run.timedOut)
        #expect(box.read("reflections/2026-11-24.md", in: mentor) != nil)
        #expect(
            try box.git(["log", "-1", "--format=%s"], in: mentor).stdout == "Add reflection 2026-11-24\n")
        #expect(try box.git(["status", "--porcelain"], in: mentor).stdout == "")
        try box.expectValid([mentor, mentee, remote])
    }

    @Test func unreachableRemoteExitsFourAndLosesNothing() throws {
        let box = try GitSandbox()
        for url in [
            box.url("no-such-remote.git").path, "file://" + box.url("missing.git").path,
            "git://127.0.0.1:\(box.freePort())/none.git",
        ] {
            let mentor = try journalFolder(box, remote: url)
            let run = try box.journal(["sync"], in: mentor)
            #expect(run.status == 4, "\(url): \(run.stdout)\(run.stderr)")
            #expect(run.stderr.contains("cannot reach the shared copy"))
            // A folder that is not there is named as such, not as an "unsupported URL protocol".
            if !url.hasPrefix("git://") {
                #expect(run.stderr.contains("does not exist on this computer"), "\(run.stderr)")
                #expect(!run.stderr.contains("unsupported URL protocol"))
            }
            #expect(!run.timedOut)
            #expect(box.read("agreement.md", in: mentor) == agreementText)
            #expect(
                try box.git(["log", "--format=%s"], in: mentor).stdout == "Add agreement; add goal speaking\n"
            )
            try box.expectValid([mentor])
            try FileManager.default.removeItem(at: mentor)
        }
    }

    @Test func unknownRemoteNameIsExplained() throws {
        let box = try GitSandbox()
        let mentor = try journalFolder(box, remote: nil ?? box.url("r.git").path)
        let run = try box.journal(["sync", "--remote", "upstream"], in: mentor)
        #expect(run.status == 1)
        #expect(run.stderr.contains("no shared copy named `upstream`"), "\(run.stderr)")
        #expect(run.stderr.contains("journal sync --remote URL"))
    }

    @Test func httpsWithoutATokenIsRefusedWithoutPrintingSecrets() throws {
        // A server on 127.0.0.1 that answers every request with 401, as a host that wants a token.
        let box = try GitSandbox()
        let port = box.freePort()
        let script = """
            import http.server, sys
            class H(http.server.BaseHTTPRequestHandler):
                def do_GET(self):
                    self.send_response(401)
                    self.send_header('WWW-Authenticate', 'Basic realm="git"')
                    self.send_header('Content-Length', '0')
                    self.end_headers()
                do_POST = do_GET
                def log_message(self, *args): pass
            http.server.HTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()
            """
        try script.write(to: box.url("server.py"), atomically: true, encoding: .utf8)
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { return }
        let server = try box.startServer(
            "/usr/bin/python3", [box.url("server.py").path, "\(port)"], log: "http.log")
        defer { box.stop(server) }
        #expect(box.waitForListener(port: port))
        // http:// to stay on 127.0.0.1 without a certificate; https:// takes the same credential path.
        let mentor = try journalFolder(box, remote: "http://127.0.0.1:\(port)/pair.git")
        var run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 4, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("authentication refused"))
        #expect(run.stderr.contains("JOURNAL_GIT_TOKEN"))
        run = try box.journal(
            ["sync"], in: mentor,
            extra: ["JOURNAL_GIT_USERNAME": "mara", "JOURNAL_GIT_TOKEN": "s3cr3t-t0ken"])
        #expect(run.status == 4, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("authentication refused"))
        #expect(!run.stderr.contains("s3cr3t-t0ken") && !run.stdout.contains("s3cr3t-t0ken"))
        #expect(!run.timedOut)
    }

    /// An sshd of the test's own on 127.0.0.1, accepting the keys in `authorized_keys`, and
    /// listed in `~/.ssh/known_hosts`.
    func startSSHD(_ box: GitSandbox) throws -> (Server, UInt16) {
        let ssh = box.home.appendingPathComponent(".ssh")
        try box.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", box.url("host_key").path])
        if getuid() == 0 && !FileManager.default.fileExists(atPath: "/run/sshd") {
            // sshd running as root insists on its privilege separation folder.
            try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        }
        let port = box.freePort()
        let config = """
            Port \(port)
            ListenAddress 127.0.0.1
            HostKey \(box.url("host_key").path)
            PidFile \(box.url("sshd.pid").path)
            AuthorizedKeysFile \(box.url("authorized_keys").path)
            StrictModes no
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PubkeyAuthentication yes
            UsePAM no
            PermitRootLogin prohibit-password
            """
        try config.write(to: box.url("sshd_config"), atomically: true, encoding: .utf8)
        let server = try box.startServer(
            Self.sshd, ["-D", "-e", "-f", box.url("sshd_config").path], log: "sshd.log")
        #expect(
            box.waitForListener(port: port), "sshd did not start: \(box.read("sshd.log", in: box.root) ?? "")"
        )
        let hostKey = (box.read("host_key.pub", in: box.root) ?? "").split(separator: " ").prefix(2).joined(
            separator: " ")
        try "[127.0.0.1]:\(port) \(hostKey)\n".write(
            to: ssh.appendingPathComponent("known_hosts"), atomically: true, encoding: .utf8)
        return (server, port)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: sshd), "openssh-server is not installed"))
    func aHostAliasOfSshConfigWithItsOwnKey() throws {
        let box = try GitSandbox()
        let ssh = box.home.appendingPathComponent(".ssh")
        // An ecdsa key under a name of its own, named by the alias; a decoy default key the
        // server does not know, which IdentitiesOnly keeps out.
        try box.run(
            "/usr/bin/ssh-keygen",
            ["-q", "-t", "ecdsa", "-N", "", "-f", ssh.appendingPathComponent("pair_key").path])
        try box.run(
            "/usr/bin/ssh-keygen",
            ["-q", "-t", "ed25519", "-N", "", "-f", ssh.appendingPathComponent("id_ed25519").path])
        try FileManager.default.copyItem(
            at: ssh.appendingPathComponent("pair_key.pub"), to: box.url("authorized_keys"))
        let (server, port) = try startSSHD(box)
        defer { box.stop(server) }
        try """
        Host journal-host
          HostName 127.0.0.1
          Port \(port)
          User \(userName())
          IdentityFile ~/.ssh/pair_key
          IdentitiesOnly yes
        """.write(to: ssh.appendingPathComponent("config"), atomically: true, encoding: .utf8)
        let remote = box.url("pair.git")
        try box.git(["init", "-q", "--bare", "-b", "main", remote.path])
        let mentor = try journalFolder(box, remote: "journal-host:\(remote.path)")
        var run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)\n\(box.read("sshd.log", in: box.root) ?? "")")
        #expect(
            try box.git(["log", "--format=%s", "main"], in: remote).stdout
                == "Add agreement; add goal speaking\n")
        // The remote keeps its alias in the configuration: nothing was rewritten there.
        #expect(
            try box.git(["remote", "get-url", "origin"], in: mentor).stdout == "journal-host:\(remote.path)\n"
        )

        // A programme reads the same repository through the same alias and key, twice (the
        // second run finds nothing new), and its commit is the remote's.
        let office = box.url("office")
        try FileManager.default.createDirectory(at: office, withIntermediateDirectories: true)
        let cache = ["JOURNAL_CACHE_DIR": box.url("cache").path]
        #expect(
            try box.journal(
                ["programme", "add", "journal-host:\(remote.path)", "--name", "Pair"], in: office
            )
            .status == 0)
        let tip = try box.git(["rev-parse", "main"], in: remote).stdout
        for _ in 0..<2 {
            run = try box.journal(["programme", "report", "--format", "json"], in: office, extra: cache)
            #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
            let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            let pair = (report?["pairs"] as? [[String: Any]])?.first ?? [:]
            #expect(pair["problem"] is NSNull, "\(pair["problem"] ?? "")")
            #expect("\(pair["commit"] ?? "")\n" == tip)
        }

        // The key gets a passphrase, and no agent holds it: said so, with what to do.
        try box.run(
            "/usr/bin/ssh-keygen",
            ["-q", "-p", "-P", "", "-N", "a passphrase", "-f", ssh.appendingPathComponent("pair_key").path])
        try box.write(goalText + "Edited.\n", to: "goals/speaking.md", in: mentor)
        run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 4, "\(run.stdout)\(run.stderr)")
        #expect(
            run.stderr.contains("passphrase") && run.stderr.contains("ssh-add ~/.ssh/pair_key"),
            "\(run.stderr)")
        try box.expectValid([mentor, remote])
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: sshd), "openssh-server is not installed"))
    func syncOverSSH() throws {
        let box = try GitSandbox()
        let keygen = "/usr/bin/ssh-keygen"
        let ssh = box.home.appendingPathComponent(".ssh")
        try box.run(
            keygen,
            [
                "-q", "-t", "ed25519", "-N", "", "-C", "journal-test", "-f",
                ssh.appendingPathComponent("id_ed25519").path,
            ])
        try FileManager.default.copyItem(
            at: ssh.appendingPathComponent("id_ed25519.pub"), to: box.url("authorized_keys"))
        let (server, port) = try startSSHD(box)
        defer { box.stop(server) }
        try FileManager.default.copyItem(
            at: ssh.appendingPathComponent("known_hosts"), to: ssh.appendingPathComponent("known_hosts.saved")
        )
        let remote = box.url("pair.git")
        try box.git(["init", "-q", "--bare", "-b", "main", remote.path])
        let url = "ssh://\(userName())@127.0.0.1:\(port)\(remote.path)"
        let mentor = try journalFolder(box, remote: url)
        var run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)\n\(box.read("sshd.log", in: box.root) ?? "")")
        #expect(
            try box.git(["log", "--format=%s", "main"], in: remote).stdout
                == "Add agreement; add goal speaking\n")

        // Changes made on the remote's side arrive over ssh too.
        try box.git(["clone", "-q", remote.path, box.url("mentee").path])
        let mentee = box.url("mentee")
        try box.write(
            reflectionText("2026-11-22", title: "Week"), to: "reflections/2026-11-22.md", in: mentee)
        #expect(try box.journal(["sync"], in: mentee).status == 0)
        run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(box.read("reflections/2026-11-22.md", in: mentor) != nil)

        // A key the server does not know: refused, exit 4, nothing lost, no endless retry.
        for suffix in ["", ".pub"] {
            try FileManager.default.copyItem(
                at: ssh.appendingPathComponent("id_ed25519" + suffix),
                to: ssh.appendingPathComponent("trusted" + suffix))
        }
        try FileManager.default.removeItem(at: ssh.appendingPathComponent("id_ed25519"))
        try FileManager.default.removeItem(at: ssh.appendingPathComponent("id_ed25519.pub"))
        try box.run(
            keygen, ["-q", "-t", "ed25519", "-N", "", "-f", ssh.appendingPathComponent("id_ed25519").path])
        try box.write(goalText + "Edited.\n", to: "goals/speaking.md", in: mentor)
        run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 4, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("authentication refused"))
        #expect(!run.timedOut)
        #expect(box.read("goals/speaking.md", in: mentor) == goalText + "Edited.\n")

        // An unknown host key is not trusted.
        try "".write(to: ssh.appendingPathComponent("known_hosts"), atomically: true, encoding: .utf8)
        run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 4, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("known_hosts"))

        // A key known_hosts marks @revoked is refused, even when it is also listed as trusted.
        let listed = box.read("home/.ssh/known_hosts.saved", in: box.root) ?? ""
        try "@revoked \(listed)\(listed)".write(
            to: ssh.appendingPathComponent("known_hosts"), atomically: true, encoding: .utf8)
        run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 4, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("@revoked"), "\(run.stderr)")
        // Marker lines for other hosts do not stop a trusted one, listed by a hashed name (as
        // ssh's HashKnownHosts writes it) too.
        try listed.write(to: ssh.appendingPathComponent("hashed_hosts"), atomically: true, encoding: .utf8)
        try box.run("/usr/bin/ssh-keygen", ["-H", "-f", ssh.appendingPathComponent("hashed_hosts").path])
        let hashed = box.read("home/.ssh/hashed_hosts", in: box.root) ?? ""
        #expect(hashed.hasPrefix("|1|"), "\(hashed)")
        try
            "@revoked otherhost ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOtherKeyOtherKeyOtherKeyOtherKeyOtherKey\n\(hashed)"
            .write(to: ssh.appendingPathComponent("known_hosts"), atomically: true, encoding: .utf8)
        for suffix in ["", ".pub"] {
            try FileManager.default.removeItem(at: ssh.appendingPathComponent("id_ed25519" + suffix))
            try FileManager.default.copyItem(
                at: ssh.appendingPathComponent("trusted" + suffix),
                to: ssh.appendingPathComponent("id_ed25519" + suffix))
        }
        run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        try box.expectValid([mentor, mentee, remote])
    }
}

/// A push race made certain: the server's pre-receive hook waits, so two syncs started
/// together both push onto the same old tip and one is refused by the server.
@Suite struct GitPushRaceTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: GitRemoteTests.gitDaemon)))
    func refusedPushIsFetchedMergedAndRetried() throws {
        let box = try GitSandbox()
        let remote = box.url("served/pair.git")
        try box.git(["init", "-q", "--bare", "-b", "main", remote.path])
        let port = box.freePort()
        let daemon = try box.startServer(
            GitRemoteTests.gitDaemon,
            [
                "--reuseaddr", "--listen=127.0.0.1", "--port=\(port)",
                "--base-path=\(box.url("served").path)",
                "--export-all", "--enable=receive-pack", box.url("served").path,
            ], log: "daemon.log")
        defer { box.stop(daemon) }
        #expect(box.waitForListener(port: port))
        let url = "git://127.0.0.1:\(port)/pair.git"
        let mentor = try box.person("mentor", name: "Mara Quinn", email: "mara@example.org", remote: url)
        try box.write(agreementText, to: "agreement.md", in: mentor)
        #expect(try box.journal(["sync"], in: mentor).status == 0)
        try box.git(["clone", "-q", url, box.url("mentee").path])
        let mentee = box.url("mentee")
        try box.git(["config", "user.name", "Theo Park"], in: mentee)
        #expect(try box.journal(["sync"], in: mentee).status == 0)

        let hook = remote.appendingPathComponent("hooks/pre-receive")
        try "#!/bin/sh\ncat >/dev/null\nsleep 2\n".write(to: hook, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
        try box.write("---\ndate: 2026-11-25\n---\n# S\n", to: "sessions/2026-11-25.md", in: mentor)
        try box.write(reflectionText("2026-11-24", title: "R"), to: "reflections/2026-11-24.md", in: mentee)
        let first = try box.startJournal(["sync"], in: mentor)
        let second = try box.startJournal(["sync"], in: mentee)
        var outputs: [String] = []
        for (process, out, err) in [first, second] {
            let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(output)\(errors)")
            outputs.append(output)
        }
        #expect(outputs.contains { $0.contains("your partner sent changes meanwhile") }, "\(outputs)")
        let files = try box.git(["ls-tree", "-r", "--name-only", "main"], in: remote).stdout
        #expect(files.contains("sessions/2026-11-25.md"))
        #expect(files.contains("reflections/2026-11-24.md"))
        try FileManager.default.removeItem(at: hook)
        #expect(try box.journal(["sync"], in: mentor).status == 0)
        #expect(try box.journal(["sync"], in: mentee).status == 0)
        for person in [mentor, mentee] {
            #expect(box.read("sessions/2026-11-25.md", in: person) != nil)
            #expect(box.read("reflections/2026-11-24.md", in: person) != nil)
        }
        try box.expectValid([mentor, mentee, remote])
    }
}
