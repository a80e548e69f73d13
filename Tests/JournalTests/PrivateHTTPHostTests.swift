import Foundation
import TestSupport
import Testing

/// A private smart-HTTP git host as the hosted ones are: nginx in front of fcgiwrap and
/// git-http-backend, asking for a login on every request. Started by the test on 127.0.0.1, with
/// its configuration in the sandbox, and stopped by it.
final class PrivateHTTPHost {
    static let nginx = "/usr/sbin/nginx"
    static let fcgiwrap = "/usr/sbin/fcgiwrap"
    static let backend = "/usr/lib/git-core/git-http-backend"
    static var available: Bool {
        [nginx, fcgiwrap, backend].allSatisfy(FileManager.default.isExecutableFile(atPath:))
    }

    let box: GitSandbox
    let port: UInt16
    let folder: URL
    private var servers: [Server] = []

    let tls: Bool
    /// The certificate authority the host's certificate comes from, when it speaks TLS.
    var authority: URL { folder.appendingPathComponent("ca.pem") }

    /// Serves the bare repositories under `repos/` to `user` with `password`, over TLS with a
    /// certificate of an authority made here when `tls`.
    /// `names` are the certificate's subject alternative names.
    init(
        _ box: GitSandbox, user: String, password: String, tls: Bool = false, maxBody: String = "0",
        names: String = "DNS:localhost,IP:127.0.0.1"
    ) throws {
        self.box = box
        self.tls = tls
        folder = box.url("http-host")
        port = box.freePort()
        for name in ["repos", "temp"] {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        if tls { try makeCertificates(names: names) }
        try "\(user):{PLAIN}\(password)\n".write(
            to: folder.appendingPathComponent("htpasswd"), atomically: true, encoding: .utf8)
        let socket = folder.appendingPathComponent("fcgi.sock").path
        let dir = folder.path
        let asRoot = getuid() == 0 ? "user root;\n" : ""
        try """
        \(asRoot)worker_processes 1;
        daemon off;
        pid \(dir)/nginx.pid;
        error_log \(dir)/error.log;
        events { worker_connections 64; }
        http {
          access_log \(dir)/access.log;
          client_body_temp_path \(dir)/temp/body;
          fastcgi_temp_path \(dir)/temp/fastcgi;
          proxy_temp_path \(dir)/temp/proxy;
          uwsgi_temp_path \(dir)/temp/uwsgi;
          scgi_temp_path \(dir)/temp/scgi;
          server {
            listen 127.0.0.1:\(port)\(tls ? " ssl" : "");
            \(tls ? "ssl_certificate \(dir)/server.pem; ssl_certificate_key \(dir)/server.key;" : "")
            location / {
              auth_basic "journal test host";
              auth_basic_user_file \(dir)/htpasswd;
              client_max_body_size \(maxBody);
              include /etc/nginx/fastcgi_params;
              fastcgi_param SCRIPT_FILENAME \(Self.backend);
              fastcgi_param GIT_PROJECT_ROOT \(dir)/repos;
              fastcgi_param GIT_HTTP_EXPORT_ALL "";
              fastcgi_param PATH_INFO $uri;
              fastcgi_param REMOTE_USER $remote_user;
              fastcgi_pass unix:\(socket);
            }
          }
        }
        """.write(to: folder.appendingPathComponent("nginx.conf"), atomically: true, encoding: .utf8)
        servers.append(
            try box.startServer(Self.fcgiwrap, ["-c", "4", "-s", "unix:" + socket], log: "fcgiwrap.log"))
        servers.append(
            try box.startServer(
                Self.nginx, ["-p", dir, "-c", folder.appendingPathComponent("nginx.conf").path],
                log: "nginx.log"))
    }

    func stop() { servers.forEach(box.stop) }

    /// A certificate authority, and a certificate for `localhost` it signed.
    private func makeCertificates(names: String) throws {
        let dir = folder.path
        try "subjectAltName=\(names)\nbasicConstraints=CA:FALSE\n".write(
            to: folder.appendingPathComponent("ext.cnf"), atomically: true, encoding: .utf8)
        for arguments in [
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "\(dir)/ca.key", "-out",
                "\(dir)/ca.pem",
                "-days", "2", "-subj", "/CN=journal test authority",
            ],
            [
                "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "\(dir)/server.key", "-out",
                "\(dir)/server.csr",
                "-subj", "/CN=localhost",
            ],
            [
                "x509", "-req", "-in", "\(dir)/server.csr", "-CA", "\(dir)/ca.pem", "-CAkey", "\(dir)/ca.key",
                "-CAcreateserial", "-out", "\(dir)/server.pem", "-days", "2", "-extfile", "\(dir)/ext.cnf",
            ],
        ] {
            let run = try box.run("/usr/bin/openssl", arguments)
            #expect(run.status == 0, "openssl: \(run.stderr)")
        }
    }

    /// A new bare repository on the host, and its URL.
    func repository(_ name: String) throws -> String {
        try box.git([
            "init", "-q", "--bare", "-b", "main", folder.appendingPathComponent("repos/\(name)").path,
        ])
        return tls ? "https://localhost:\(port)/\(name)" : "http://127.0.0.1:\(port)/\(name)"
    }

    /// A new repository on the host holding a journal (its agreement), pushed there with git as
    /// the partner who made it would have; its URL.
    func seededRepository(_ name: String) throws -> String {
        let url = try repository(name)
        let seed = try box.person("seed", name: "Mara Quinn", email: "mara@example.org", remote: nil)
        try box.write(agreementText, to: "agreement.md", in: seed)
        try box.git(["add", "-A"], in: seed)
        try box.git(["commit", "-qm", "Start"], in: seed)
        try box.git(["push", "-q", folder.appendingPathComponent("repos/\(name)").path, "main"], in: seed)
        return url
    }

    /// What a person does once for git: `credential.helper store`, holding `user` and `password`
    /// for this host (as one `git` that asked would have kept them). Returns the store's file.
    @discardableResult
    func storeCredentials(user: String, password: String) throws -> URL {
        let store = box.url("home/.git-credentials")
        let address =
            tls
            ? "https://\(user):\(password)@localhost:\(port)" : "http://\(user):\(password)@127.0.0.1:\(port)"
        try (address + "\n").write(to: store, atomically: true, encoding: .utf8)
        try box.git(["config", "--global", "credential.helper", "store --file=\(store.path)"])
        return store
    }

    /// How many requests the host refused for want of a login, and how many it served.
    func requests() -> (refused: Int, served: Int) {
        let log = box.read("http-host/access.log", in: box.root) ?? ""
        let lines = log.split(separator: "\n")
        return (lines.filter { $0.contains("\" 401 ") }.count, lines.filter { $0.contains("\" 200 ") }.count)
    }
}

/// `journal sync` against a private HTTP host that asks for a login on every request, with the
/// credentials git's own helpers hold; every result checked with the git CLI.
@Suite(.serialized) struct PrivateHTTPHostTests {
    func journalFolder(_ box: GitSandbox, remote url: String) throws -> URL {
        let folder = try box.person("mentor", name: "Mara Quinn", email: "mara@example.org", remote: url)
        try box.write(agreementText, to: "agreement.md", in: folder)
        try box.write(goalText, to: "goals/speaking.md", in: folder)
        return folder
    }

    @Test(.enabled(if: PrivateHTTPHost.available))
    func gitsCredentialHelpersServeFetchAndPush() throws {
        let box = try GitSandbox()
        let host = try PrivateHTTPHost(box, user: "mara", password: "s3cret-token")
        defer { host.stop() }
        #expect(box.waitForListener(port: host.port), "\(box.read("nginx.log", in: box.root) ?? "")")
        let url = try host.repository("pair.git")
        try host.storeCredentials(user: "mara", password: "s3cret-token")
        let mentor = try journalFolder(box, remote: url)

        var run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(!run.stdout.contains("s3cret") && !run.stderr.contains("s3cret"))
        let remote = box.url("http-host/repos/pair.git")
        #expect(
            try box.git(["log", "--format=%s", "main"], in: remote).stdout
                == "Add agreement; add goal speaking\n")
        // Every request was asked for a login, and answered.
        #expect(host.requests().refused > 0)

        // The mentee clones with the git CLI through the same helper, and sends a reflection.
        try box.git(["clone", "-q", url, box.url("mentee").path])
        let mentee = box.url("mentee")
        try box.write(
            reflectionText("2026-11-22", title: "Over HTTP"), to: "reflections/2026-11-22.md", in: mentee)
        try box.git(["add", "-A"], in: mentee)
        try box.git(["commit", "-qm", "Reflection"], in: mentee)
        try box.git(["push", "-q"], in: mentee)
        try box.write(
            reflectionText("2026-11-23", title: "Mine", author: "mentor"), to: "reflections/2026-11-23.md",
            in: mentor)
        run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(box.read("reflections/2026-11-22.md", in: mentor) != nil)
        #expect(
            try box.git(["ls-remote", url, "refs/heads/main"], in: mentee).stdout.hasPrefix(
                try box.git(["rev-parse", "HEAD"], in: mentor).stdout.trimmingCharacters(
                    in: .whitespacesAndNewlines)))
        try box.expectValid([mentor, mentee, remote])
    }

    @Test(.enabled(if: PrivateHTTPHost.available))
    func aHelperPerURLAndARefusalThatIsToldToTheHelper() throws {
        let box = try GitSandbox()
        let host = try PrivateHTTPHost(box, user: "mara", password: "right")
        defer { host.stop() }
        #expect(box.waitForListener(port: host.port))
        let url = try host.repository("pair.git")
        // A helper for this host only, written as `!command` (as `gh auth git-credential` is),
        // that records what git's protocol tells it.
        let script = box.url("helper.sh")
        let said = box.url("helper-said.txt")
        try """
        #!/bin/sh
        echo "$1" >> '\(said.path)'
        cat > /dev/null
        if [ "$1" = get ]; then printf 'username=mara\\npassword=%s\\n' "$(cat '\(box.url("password").path)')"; fi
        """.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        try box.git([
            "config", "--global", "credential.http://127.0.0.1:\(host.port).helper", "!\(script.path)",
        ])
        try box.git(["config", "--global", "credential.https://elsewhere.example.helper", "!false"])
        try "wrong".write(to: box.url("password"), atomically: true, encoding: .utf8)
        let mentor = try journalFolder(box, remote: url)

        var run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 4, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("refused the user name and password from git's credential helper"))
        #expect(!run.stderr.contains("wrong"))
        #expect(box.read("helper-said.txt", in: box.root)?.contains("reject") == true)
        // Committed here all the same, nothing on the host.
        #expect(
            try box.git(["log", "--format=%s"], in: mentor).stdout == "Add agreement; add goal speaking\n")
        #expect(try box.git(["ls-remote", url], in: mentor, allowFailure: true).stdout.isEmpty)

        try "right".write(to: box.url("password"), atomically: true, encoding: .utf8)
        try "".write(to: said, atomically: true, encoding: .utf8)
        run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let told = box.read("helper-said.txt", in: box.root) ?? ""
        #expect(told.contains("get") && told.contains("approve") && !told.contains("reject"), "\(told)")
        #expect(
            try box.git(["log", "--format=%s", "main"], in: box.url("http-host/repos/pair.git")).stdout
                == "Add agreement; add goal speaking\n")
    }

    @Test(
        .enabled(
            if: PrivateHTTPHost.available && FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl"))
    )
    func aCompanysCertificateAuthorityIsTrustedAsGitTrustsIt() throws {
        let box = try GitSandbox()
        let host = try PrivateHTTPHost(box, user: "mara", password: "s3cret", tls: true)
        defer { host.stop() }
        #expect(box.waitForListener(port: host.port), "\(box.read("nginx.log", in: box.root) ?? "")")
        let url = try host.repository("pair.git")
        try host.storeCredentials(user: "mara", password: "s3cret")
        let mentor = try journalFolder(box, remote: url)
        // An authority nobody told journal about: refused, and said so.
        var run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 4, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("could not be verified"), "\(run.stderr)")
        // Trusted as git is told to trust it.
        try box.git(["config", "--global", "http.sslCAInfo", host.authority.path])
        run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(!run.stderr.contains("not checked"))
        let listed = try box.run(
            "/usr/bin/git", ["ls-remote", url], in: mentor, extra: ["GIT_SSL_CAINFO": host.authority.path])
        #expect(listed.stdout.contains("refs/heads/main"), "\(listed.stderr)")
        // A programme of two pairs on that host reads both through the same trust and login.
        let second = try host.repository("second.git")
        try box.git(
            ["push", "-q", host.folder.appendingPathComponent("repos/second.git").path, "main"], in: mentor)
        let office = box.url("office")
        try FileManager.default.createDirectory(at: office, withIntermediateDirectories: true)
        for (address, name) in [(url, "First"), (second, "Second")] {
            #expect(try box.journal(["programme", "add", address, "--name", name], in: office).status == 0)
        }
        run = try box.journal(
            ["programme", "report", "--format", "json"], in: office,
            extra: ["JOURNAL_CACHE_DIR": box.url("cache").path])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let programme = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let pairs = programme?["pairs"] as? [[String: Any]] ?? []
        #expect(
            pairs.count == 2 && pairs.allSatisfy { $0["problem"] is NSNull && $0["commit"] is String },
            "\(pairs)")

        // Or not checked at all, when git is told so: it works, and says what that means.
        try box.git(["config", "--global", "--unset", "http.sslCAInfo"])
        try box.git(["config", "--global", "http.sslVerify", "false"])
        try box.write(
            reflectionText("2026-11-23", title: "Unchecked", author: "mentor"),
            to: "reflections/2026-11-23.md", in: mentor)
        run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("was not checked (http.sslVerify is false)"), "\(run.stderr)")
        try box.expectValid([mentor, box.url("http-host/repos/pair.git")])
    }

    @Test(.enabled(if: PrivateHTTPHost.available))
    func theOptInMovesOnlyTheFetchAndPushToGit() throws {
        let box = try GitSandbox()
        let host = try PrivateHTTPHost(box, user: "mara", password: "s3cret")
        defer { host.stop() }
        #expect(box.waitForListener(port: host.port))
        let url = try host.repository("pair.git")
        let store = try host.storeCredentials(user: "mara", password: "s3cret")
        let mentor = try journalFolder(box, remote: url)
        try box.write("sync:\n  transport: git\n", to: ".journal.yml", in: mentor)
        var run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let pushed = try box.git(["log", "--format=%s", "main"], in: box.url("http-host/repos/pair.git"))
            .stdout
        #expect(pushed.contains("agreement") && pushed.contains("goal speaking"), "\(pushed)")
        // The host saw git itself, and never libgit2.
        let log = box.read("http-host/access.log", in: box.root) ?? ""
        #expect(log.contains("\"git/2.") && !log.contains("libgit2"), "\(log)")
        // A wrong password, through git too: exit 4, said plainly, nothing printed of it.
        try "http://mara:wrong@127.0.0.1:\(host.port)\n".write(to: store, atomically: true, encoding: .utf8)
        try box.write(goalText + "More.\n", to: "goals/speaking.md", in: mentor)
        run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 4, "\(run.stdout)\(run.stderr)")
        #expect(
            run.stderr.contains("authentication refused") && !run.stderr.contains("wrong"), "\(run.stderr)")
        // A value journal does not know is a lint problem, not a guess.
        try box.write("sync:\n  transport: carrier-pigeon\n", to: ".journal.yml", in: mentor)
        #expect(
            try box.journal(["lint"], in: mentor).stdout.contains(
                "`sync.transport` should be `git` or `libgit2`"))
    }

    @Test(.enabled(if: PrivateHTTPHost.available))
    func aHostThatHangsUpDuringTheUploadIsAnErrorNotASilentEnd() throws {
        let box = try GitSandbox()
        // The host takes 1 KB at most, and closes the connection on a larger push.
        let host = try PrivateHTTPHost(box, user: "mara", password: "s3cret", maxBody: "1k")
        defer { host.stop() }
        #expect(box.waitForListener(port: host.port))
        let url = try host.repository("pair.git")
        try host.storeCredentials(user: "mara", password: "s3cret")
        let mentor = try journalFolder(box, remote: url)
        // Words no compression shrinks much: a pack far above 1 KB.
        var random = SeededRandom(state: 7)
        let words = (0..<40_000).map { _ in String(UnicodeScalar(UInt8(97 + random.below(26)))) }.joined()
        try box.write(
            reflectionText("2026-11-22", title: "Long") + words + "\n", to: "reflections/2026-11-22.md",
            in: mentor)
        let run = try box.journal(["sync"], in: mentor)
        #expect(run.status != 141 && run.status != 0, "\(run.status)")
        #expect(run.stderr.hasPrefix("journal: "), "\(run.stderr)")
        #expect(box.read("reflections/2026-11-22.md", in: mentor)?.hasSuffix(words + "\n") == true)
        #expect(try box.git(["status", "--porcelain"], in: mentor).stdout == "")
    }

    @Test(.enabled(if: PrivateHTTPHost.available))
    func noCredentialsAtAllSaysHowToSetThemUp() throws {
        let box = try GitSandbox()
        let host = try PrivateHTTPHost(box, user: "mara", password: "right")
        defer { host.stop() }
        #expect(box.waitForListener(port: host.port))
        let mentor = try journalFolder(box, remote: try host.repository("pair.git"))
        let run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 4, "\(run.stdout)\(run.stderr)")
        // Without a terminal: what to do, in words a person can follow without git.
        #expect(run.stderr.contains("run the same journal command once in a terminal"), "\(run.stderr)")
        #expect(run.stderr.contains("JOURNAL_GIT_TOKEN"))
        #expect(run.stderr.contains("Your changes are saved on this computer"))
    }
}

/// A proxy git is told about is the one journal goes through.
@Suite struct ProxyTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")))
    func theProxyGitIsToldAboutIsUsed() throws {
        let box = try GitSandbox()
        let port = box.freePort()
        // A proxy that writes down what it was asked for, and refuses it.
        let script = """
            import socket, sys
            s = socket.socket()
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("127.0.0.1", int(sys.argv[1])))
            s.listen(5)
            while True:
                c = s.accept()[0]
                try:
                    line = c.recv(65536).split(b"\\r\\n")[0]
                    if line:
                        with open(sys.argv[2], "ab") as f:
                            f.write(line + b"\\n")
                        c.sendall(b"HTTP/1.1 502 Bad Gateway\\r\\nContent-Length: 0\\r\\nConnection: close\\r\\n\\r\\n")
                except OSError:
                    pass
                c.close()
            """
        let asked = box.url("proxy-asked.txt")
        let proxy = try box.startServer(
            "/usr/bin/python3", ["-c", script, String(port), asked.path], log: "proxy.log")
        defer { box.stop(proxy) }
        #expect(box.waitForListener(port: port))
        // A host that does not exist: only the proxy can be asked for it.
        let folder = try box.person(
            "mentor", name: "Mara Quinn", email: "mara@example.org",
            remote: "https://journal.invalid/pair.git")
        try box.write(agreementText, to: "agreement.md", in: folder)
        try box.git(["config", "http.proxy", "http://127.0.0.1:\(port)"], in: folder)
        var run = try box.journal(["sync"], in: folder)
        #expect(run.status == 4, "\(run.stdout)\(run.stderr)")
        var requests = box.read("proxy-asked.txt", in: box.root) ?? ""
        #expect(requests.contains("CONNECT journal.invalid:443"), "the proxy was not asked: \(requests)")
        // From the environment as well, and not for a host no_proxy names.
        try box.git(["config", "--unset", "http.proxy"], in: folder)
        try "".write(to: asked, atomically: true, encoding: .utf8)
        run = try box.journal(["sync"], in: folder, extra: ["https_proxy": "http://127.0.0.1:\(port)"])
        #expect(run.status == 4)
        requests = box.read("proxy-asked.txt", in: box.root) ?? ""
        #expect(requests.contains("CONNECT journal.invalid:443"), "\(requests)")
        try "".write(to: asked, atomically: true, encoding: .utf8)
        run = try box.journal(
            ["sync"], in: folder,
            extra: ["https_proxy": "http://127.0.0.1:\(port)", "no_proxy": "localhost,.invalid"])
        #expect(run.status == 4)
        #expect((box.read("proxy-asked.txt", in: box.root) ?? "").isEmpty)
        // A programme's fetches go through the same proxy, and the pair says why it failed.
        let office = box.url("office")
        try FileManager.default.createDirectory(at: office, withIntermediateDirectories: true)
        #expect(
            try box.journal(["programme", "add", "https://journal.invalid/pair.git"], in: office).status == 0)
        run = try box.journal(
            ["programme", "report", "--format", "json"], in: office,
            extra: ["https_proxy": "http://127.0.0.1:\(port)", "JOURNAL_CACHE_DIR": box.url("cache").path])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        requests = box.read("proxy-asked.txt", in: box.root) ?? ""
        #expect(
            requests.contains("CONNECT journal.invalid:443"),
            "the programme did not ask the proxy: \(requests)")
        let pairs = (try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])?[
            "pairs"]
        let problem = ((pairs as? [[String: Any]])?.first?["problem"] as? String) ?? ""
        #expect(!problem.isEmpty, "an unreachable pair says why")
    }
}

/// A host on the pair's own network, addressed by IP, with a certificate that lists that IP:
/// accepted (libgit2's TLS library never compares an IP with a certificate's IP names, so
/// journal does); a certificate for another address, or from an authority nobody trusts, is
/// still refused.
@Suite(.serialized) struct AddressedByIPTests {
    func sync(_ names: String, trust: Bool) throws -> (ProgramRun, remoteLog: String) {
        let box = try GitSandbox()
        let host = try PrivateHTTPHost(box, user: "mara", password: "s3cret", tls: true, names: names)
        defer { host.stop() }
        #expect(box.waitForListener(port: host.port))
        _ = try host.repository("pair.git")
        let url = "https://127.0.0.1:\(host.port)/pair.git"
        let mentor = try box.person("mentor", name: "Mara Quinn", email: "mara@example.org", remote: url)
        try box.write(agreementText, to: "agreement.md", in: mentor)
        var extra = ["JOURNAL_GIT_TOKEN": "s3cret", "JOURNAL_GIT_USERNAME": "mara"]
        if trust { extra["GIT_SSL_CAINFO"] = host.authority.path }
        let run = try box.journal(["sync"], in: mentor, extra: extra)
        let log = try box.git(
            ["log", "--format=%s", "main"], in: host.folder.appendingPathComponent("repos/pair.git"),
            allowFailure: true)
        return (run, log.stdout)
    }

    @Test(.enabled(if: PrivateHTTPHost.available))
    func aCertificateThatNamesTheAddressIsAccepted() throws {
        let (run, log) = try sync("DNS:localhost,IP:127.0.0.1", trust: true)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(log.contains("Add agreement"), "\(log)")
    }

    @Test(.enabled(if: PrivateHTTPHost.available))
    func aCertificateForAnotherAddressIsRefused() throws {
        let (run, log) = try sync("DNS:localhost,IP:127.0.0.2", trust: true)
        #expect(run.status == 4, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("could not be verified"), "\(run.stderr)")
        #expect(log.isEmpty)
    }

    @Test(.enabled(if: PrivateHTTPHost.available))
    func anAuthorityNobodyTrustsIsRefusedEvenWithTheRightAddress() throws {
        let (run, log) = try sync("DNS:localhost,IP:127.0.0.1", trust: false)
        #expect(run.status == 4, "\(run.stdout)\(run.stderr)")
        #expect(log.isEmpty)
    }
}
