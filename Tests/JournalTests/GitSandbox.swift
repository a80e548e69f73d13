import Foundation
import TestSupport
import Testing

/// A temporary world for git tests: its own HOME and global git configuration, no ssh
/// agent, no credentials from the machine, nothing beyond 127.0.0.1.
final class GitSandbox {
    let root: URL
    let home: URL
    var environment: [String: String]

    init() throws {
        root = URL(fileURLWithPath: canonical(try temporaryFolder().path))
        home = root.appendingPathComponent("home")
        try FileManager.default.createDirectory(
            at: home.appendingPathComponent(".ssh"), withIntermediateDirectories: true)
        let gitconfig = home.appendingPathComponent(".gitconfig")
        try """
        [user]
        \tname = Mara Quinn
        \temail = mara@example.org
        [advice]
        \tdetachedHead = false
        """.write(to: gitconfig, atomically: true, encoding: .utf8)
        let inherited = ProcessInfo.processInfo.environment
        environment = [
            "PATH": inherited["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "HOME": home.path,
            "USER": inherited["USER"] ?? userName(),
            "GIT_CONFIG_GLOBAL": gitconfig.path,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_TERMINAL_PROMPT": "0",
            "GIT_CEILING_DIRECTORIES": root.path,
            "LANG": "C.UTF-8",
            "TMPDIR": inherited["TMPDIR"] ?? "/tmp",
        ]
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func url(_ name: String) -> URL { root.appendingPathComponent(name) }

    /// Runs a program to its end, killing it after `timeout` seconds.
    @discardableResult
    func run(
        _ executable: String, _ arguments: [String], in directory: URL? = nil, extra: [String: String] = [:],
        timeout: TimeInterval = 60
    ) throws -> ProgramRun {
        try runProgram(
            URL(fileURLWithPath: executable), arguments, in: directory ?? root,
            environment: environment.merging(extra) { $1 }, timeout: timeout)
    }

    /// Runs the real git CLI; a failure fails the test unless `allowFailure`.
    @discardableResult
    func git(_ arguments: [String], in directory: URL? = nil, allowFailure: Bool = false) throws -> ProgramRun
    {
        let result = try run("/usr/bin/git", arguments, in: directory)
        if !allowFailure {
            #expect(result.status == 0, "git \(arguments.joined(separator: " ")): \(result.stderr)")
        }
        return result
    }

    /// Runs the built `journal`.
    @discardableResult
    func journal(_ arguments: [String], in directory: URL, extra: [String: String] = [:]) throws -> ProgramRun
    {
        try run(try journalBinary().path, arguments, in: directory, extra: extra)
    }

    /// Starts `journal` without waiting for it.
    func startJournal(_ arguments: [String], in directory: URL) throws -> (Process, Pipe, Pipe) {
        try startProgram(try journalBinary(), arguments, in: directory, environment: environment)
    }

    /// Writes a file, creating its folders.
    func write(_ text: String, to path: String, in directory: URL) throws {
        let url = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func read(_ path: String, in directory: URL) -> String? {
        try? String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8)
    }

    /// A new work tree whose author is `name`, with `origin` pointing at `remote`.
    func person(_ folder: String, name: String, email: String, remote: String?) throws -> URL {
        let url = self.url(folder)
        try git(["init", "-q", "-b", "main", url.path])
        try git(["config", "user.name", name], in: url)
        try git(["config", "user.email", email], in: url)
        if let remote { try git(["remote", "add", "origin", remote], in: url) }
        return url
    }

    /// A bare shared copy (branch main) and Mara's journal pointing at it, with the agreement
    /// and `files` (path to text) written; sent there with `journal sync` when `sent`.
    func sharedJournal(files: [String: String] = [:], sent: Bool = true) throws -> (remote: URL, mentor: URL)
    {
        let remote = url("shared.git")
        try git(["init", "-q", "--bare", "-b", "main", remote.path])
        let mentor = try person("mara", name: "Mara Quinn", email: "mara@example.org", remote: remote.path)
        try write(agreementText, to: "agreement.md", in: mentor)
        for (path, text) in files { try write(text, to: path, in: mentor) }
        if sent {
            let run = try journal(["sync"], in: mentor)
            #expect(run.status == 0, "the first sync: \(run.stdout)\(run.stderr)")
        }
        return (remote, mentor)
    }

    /// Theo's copy of the shared copy at `remote`, made with `journal join`, his name set.
    func joinAsPartner(_ remote: URL) throws -> URL {
        let run = try journal(["join", remote.path, "theo"], in: root)
        #expect(run.status == 0, "journal join: \(run.stdout)\(run.stderr)")
        let mentee = url("theo")
        try git(["config", "user.name", "Theo Park"], in: mentee)
        try git(["config", "user.email", "theo@example.org"], in: mentee)
        return mentee
    }

    /// `git fsck` passes in each repository.
    func expectValid(_ repositories: [URL]) throws {
        for repository in repositories {
            let fsck = try git(["fsck", "--no-progress"], in: repository, allowFailure: true)
            #expect(
                fsck.status == 0, "git fsck in \(repository.lastPathComponent): \(fsck.stdout)\(fsck.stderr)")
        }
    }

    /// A TCP port on 127.0.0.1 that was free a moment ago.
    func freePort() -> UInt16 {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketFD, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketFD, $0, &length) }
        }
        return UInt16(bigEndian: address.sin_port)
    }

    /// Waits until something accepts connections on the port, for at most `timeout` seconds.
    func waitForListener(port: UInt16, timeout: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = port.bigEndian
            let connected = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            close(socketFD)
            if connected == 0 { return true }
            usleep(50_000)
        }
        return false
    }

    /// Starts a long-running server, its output in a log file; stopped by `stop`. Spawned
    /// directly rather than through Foundation's Process, which takes a server that closes its
    /// inherited descriptors (sshd does) for exited and then blocks waiting for it.
    func startServer(_ executable: String, _ arguments: [String], log: String) throws -> Server {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, url(log).path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Nothing else the test process holds open (the pipes of a git running on another
        // thread) goes to the server or its children: they would keep those pipes open for ever.
        // (glibc 2.34's posix_spawn_file_actions_addclosefrom_np, which Swift's Glibc does not show.)
        typealias CloseFrom =
            @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        if let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") {
            _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
        }
        // Its own process group, so that `stop` ends the children it starts too (fcgiwrap's).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard code == 0 else { throw ServerError.cannotStart(executable, code) }
        return Server(pid: pid)
    }

    /// Stops a server: SIGTERM, then SIGKILL after five seconds.
    /// A host on `port` that accepts every connection and then says nothing, as a server that
    /// stopped answering does.
    func startSilentServer(port: UInt16) throws -> Server {
        let script = """
            import socket, sys
            s = socket.socket()
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("127.0.0.1", int(sys.argv[1])))
            s.listen(5)
            held = []
            while True:
                held.append(s.accept()[0])
            """
        return try startServer("/usr/bin/python3", ["-c", script, String(port)], log: "silent.log")
    }

    func stop(_ server: Server) {
        guard !server.stopped else { return }
        server.stopped = true
        kill(-server.pid, SIGTERM)
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(5)
        while waitpid(server.pid, &status, WNOHANG) == 0 {
            if Date() > deadline {
                kill(-server.pid, SIGKILL)
                waitpid(server.pid, &status, 0)
                return
            }
            usleep(20_000)
        }
    }
}

/// A server process started by a test.
final class Server {
    let pid: pid_t
    var stopped = false
    init(pid: pid_t) { self.pid = pid }
}

enum ServerError: Error { case cannotStart(String, Int32) }

func canonical(_ path: String) -> String {
    guard let real = realpath(path, nil) else { return path }
    defer { free(real) }
    return String(cString: real)
}

func userName() -> String {
    guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return "root" }
    return String(cString: name)
}

/// The agreement of the test pair.
let agreementText = """
    ---
    mentor: Mara Quinn <mara@example.org>
    mentee: Theo Park <theo@example.org>
    started: 2026-11-01
    cadence: weekly
    duration: 45m
    channel: video call
    ---
    # Agreement

    We meet weekly.

    """

/// A goal whose title line both sides may edit.
let goalText = """
    ---
    title: Speak at a meetup
    target: 2027-03-01
    measure: a talk given to at least twenty people
    ---
    # Speak at a meetup

    """

/// A reflection, private or not.
func reflectionText(_ date: String, title: String, isPrivate: Bool = false, author: String = "mentee")
    -> String
{
    """
    ---
    date: \(date)
    author: \(author)
    \(isPrivate ? "private: true\n" : "")---
    # \(title)

    ## Questions
    - How do I open a talk?

    """
}
