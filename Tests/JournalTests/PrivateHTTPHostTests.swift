import Foundation
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

    /// Serves the bare repositories under `repos/` to `user` with `password`.
    init(_ box: GitSandbox, user: String, password: String) throws {
        self.box = box
        folder = box.url("http-host")
        port = box.freePort()
        for name in ["repos", "temp"] {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
        }
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
            listen 127.0.0.1:\(port);
            location / {
              auth_basic "journal test host";
              auth_basic_user_file \(dir)/htpasswd;
              client_max_body_size 0;
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

    /// A new bare repository on the host, and its URL.
    func repository(_ name: String) throws -> String {
        try box.git([
            "init", "-q", "--bare", "-b", "main", folder.appendingPathComponent("repos/\(name)").path,
        ])
        return "http://127.0.0.1:\(port)/\(name)"
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
        // What a person does once for git: the store helper, filled by one `git` that asked.
        let store = box.url("home/.git-credentials")
        try "http://mara:s3cret-token@127.0.0.1:\(host.port)\n".write(
            to: store, atomically: true, encoding: .utf8)
        try box.git(["config", "--global", "credential.helper", "store --file=\(store.path)"])
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

    @Test(.enabled(if: PrivateHTTPHost.available))
    func noCredentialsAtAllSaysHowToSetThemUp() throws {
        let box = try GitSandbox()
        let host = try PrivateHTTPHost(box, user: "mara", password: "right")
        defer { host.stop() }
        #expect(box.waitForListener(port: host.port))
        let mentor = try journalFolder(box, remote: try host.repository("pair.git"))
        let run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 4, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("credential.helper"), "\(run.stderr)")
    }
}
