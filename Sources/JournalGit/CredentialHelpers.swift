import CGit2
import Foundation

/// Git's credential protocol (gitcredentials(7)): the helpers configured for a URL, asked in
/// git's order for a user name and password, then told whether they worked. Whatever the person
/// set up for `git pull` (`credential.helper store`, `cache`, `!gh auth git-credential`, the
/// credential manager, helpers per URL) serves `journal sync` too.
struct CredentialHelpers {
    /// A user name and password a helper gave, with what it was asked about.
    struct Answer {
        var username: String
        var password: String
        /// The attributes the helpers were asked with, for `approve` and `reject`.
        var request: [(String, String)]
    }

    /// The helper commands configured for the URL, in order (an empty value clears those before it).
    let helpers: [String]
    /// `credential.username` (or a URL-specific one), when set.
    let username: String?
    let useHTTPPath: Bool
    let environment: [String: String]

    /// The settings of `config` that apply to `url`.
    init(config: GitConfig?, url: String, environment: [String: String]) {
        self.environment = environment
        var helpers: [String] = []
        var username: String?
        var useHTTPPath = false
        for (name, value) in config?.entries(matching: "^credential\\.") ?? [] {
            // `credential.helper`, or `credential.<url>.helper` for a URL that matches.
            let lowered = name.lowercased()
            let key = String(lowered.split(separator: ".").last ?? "")
            let pattern = name.dropFirst("credential.".count).dropLast(key.count + 1)
            guard pattern.isEmpty || Self.matches(pattern: String(pattern), url: url) else { continue }
            switch key {
            case "helper":
                if value.isEmpty { helpers.removeAll() } else { helpers.append(value) }
            case "username": username = value
            case "usehttppath": useHTTPPath = ["true", "yes", "on", "1"].contains(value.lowercased())
            default: break
            }
        }
        self.helpers = helpers
        self.username = username
        self.useHTTPPath = useHTTPPath
    }

    /// Whether a `credential.<pattern>.*` setting applies to `url`: same scheme, host (a `*.`
    /// pattern takes any subdomain), port and user when the pattern names them, and a path that
    /// starts with the pattern's.
    static func matches(pattern: String, url: String) -> Bool {
        guard let want = URLComponents(string: pattern), let have = URLComponents(string: url),
            let scheme = want.scheme, scheme.lowercased() == have.scheme?.lowercased()
        else { return false }
        if let host = want.host?.lowercased(), !host.isEmpty {
            let actual = have.host?.lowercased() ?? ""
            if host.hasPrefix("*.") {
                guard actual.hasSuffix(host.dropFirst(1)) else { return false }
            } else if host != actual {
                return false
            }
        }
        if let port = want.port, port != have.port { return false }
        if let user = want.user, user != have.user { return false }
        let path = want.path.split(separator: "/")
        return path.isEmpty || Array(have.path.split(separator: "/").prefix(path.count)) == path
    }

    /// The attributes git sends a helper for `url`.
    func request(for url: String, username known: String?) -> [(String, String)] {
        guard let parts = URLComponents(string: url), let scheme = parts.scheme else { return [] }
        var attributes = [("protocol", scheme.lowercased())]
        if let host = parts.host { attributes.append(("host", host + (parts.port.map { ":\($0)" } ?? ""))) }
        if useHTTPPath {
            let path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
            if !path.isEmpty { attributes.append(("path", path)) }
        }
        if let user = known ?? username ?? parts.user { attributes.append(("username", user)) }
        return attributes
    }

    /// Asks the helpers in turn until one gives a user name and password (or says to stop).
    func fill(url: String, username known: String?) -> Answer? {
        let request = request(for: url, username: known)
        guard !request.isEmpty else { return nil }
        var attributes = request
        for helper in helpers {
            guard let output = readStore(helper, attributes) ?? run(helper, "get", attributes) else {
                continue
            }
            var found = Dictionary(attributes, uniquingKeysWith: { _, new in new })
            for line in output.split(separator: "\n") {
                guard let equals = line.firstIndex(of: "=") else { continue }
                found[String(line[..<equals])] = String(line[line.index(after: equals)...])
            }
            if let user = found["username"], let password = found["password"] {
                return Answer(username: user, password: password, request: request)
            }
            if ["1", "true"].contains(found["quit"] ?? "") { return nil }
            // A helper may give the user name alone: the next ones are asked with it.
            if let user = found["username"], !attributes.contains(where: { $0.0 == "username" }) {
                attributes.append(("username", user))
            }
        }
        return nil
    }

    /// Keeps a login that worked with the helpers configured for `url`; where there is none,
    /// in git's own `store` (the file ~/.git-credentials, readable by this user alone, and
    /// `credential.helper store` in ~/.gitconfig), which git and journal both read.
    func keep(url: String, username: String, password: String) {
        let request = request(for: url, username: nil)
        guard !request.isEmpty else { return }
        if !helpers.isEmpty {
            tell("approve", Answer(username: username, password: password, request: request))
            return
        }
        guard let home = environment["HOME"], home.hasPrefix("/"),
            var parts = URLComponents(string: url)
        else { return }
        parts.user = username
        parts.password = password
        parts.path = ""
        parts.query = nil
        guard let line = parts.string else { return }
        let file = URL(fileURLWithPath: home).appendingPathComponent(".git-credentials")
        var text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        text += line + "\n"
        guard
            FileManager.default.createFile(
                atPath: file.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        else { return }
        _ = chmod(file.path, 0o600)
        var pointer: OpaquePointer?
        if git_config_open_default(&pointer) == 0, let pointer {
            var global: OpaquePointer?
            if git_config_open_level(&global, pointer, GIT_CONFIG_LEVEL_GLOBAL) == 0, let global {
                git_config_set_string(global, "credential.helper", "store")
                git_config_free(global)
            }
            git_config_free(pointer)
        }
    }

    /// git's `store` helper, read here so that a computer without git still finds what it keeps:
    /// the first line of ~/.git-credentials (or the file `--file` names, or
    /// $XDG_CONFIG_HOME/git/credentials) for this protocol and host, and user when known.
    func readStore(_ helper: String, _ attributes: [(String, String)]) -> String? {
        let words = helper.split(separator: " ").map(String.init)
        guard words.first == "store" else { return nil }
        var files: [String] = []
        if let named = words.dropFirst().first(where: { $0.hasPrefix("--file=") }) {
            files = [String(named.dropFirst("--file=".count))]
        } else if let home = environment["HOME"] {
            files = [home + "/.git-credentials"]
            let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.config"
            files.append(config + "/git/credentials")
        }
        let want = Dictionary(attributes, uniquingKeysWith: { _, new in new })
        for file in files {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") {
                guard let parts = URLComponents(string: String(line)), let user = parts.user,
                    let password = parts.password, parts.scheme == want["protocol"],
                    (parts.host ?? "") + (parts.port.map { ":\($0)" } ?? "") == want["host"],
                    want["username"] == nil || want["username"] == user.removingPercentEncoding
                else { continue }
                return
                    "username=\(user.removingPercentEncoding ?? user)\npassword=\(password.removingPercentEncoding ?? password)\n"
            }
        }
        return ""
    }

    /// Tells every helper the answer worked (`approve`) or was refused (`reject`).
    func tell(_ action: String, _ answer: Answer) {
        let attributes =
            answer.request.filter { $0.0 != "username" }
            + [("username", answer.username), ("password", answer.password)]
        for helper in helpers { _ = run(helper, action, attributes) }
    }

    /// Runs one helper as git does: `!cmd` through the shell, an absolute path as it is, any
    /// other name as `git credential-NAME`; the attributes on its standard input. Nil when it
    /// could not run or failed. Nothing it reads or prints reaches our output.
    private func run(_ helper: String, _ action: String, _ attributes: [(String, String)]) -> String? {
        let command: String
        if helper.hasPrefix("!") {
            command = String(helper.dropFirst()) + " " + action
        } else if helper.hasPrefix("/") || helper.hasPrefix("~") {
            command = helper + " " + action
        } else {
            command = "git credential-" + helper + " " + action
        }
        let text = attributes.map { "\($0.0)=\($0.1)\n" }.joined() + "\n"
        let variables = environment.merging(["GIT_TERMINAL_PROMPT": "0"]) { _, new in new }
        guard let result = ExternalProgram.shell(command, input: Data(text.utf8), environment: variables),
            result.status == 0
        else { return nil }
        return String(decoding: result.output, as: UTF8.self)
    }
}

extension GitConfig {
    /// Every entry whose name matches `regex`, in the order git reads them (system, global,
    /// local; within a file as written), as (name, value).
    func entries(matching regex: String) -> [(String, String)] {
        var iterator: OpaquePointer?
        guard git_config_iterator_glob_new(&iterator, pointer, regex) == 0, let iterator else { return [] }
        defer { git_config_iterator_free(iterator) }
        var result: [(level: Int32, order: Int, name: String, value: String)] = []
        var entry: UnsafeMutablePointer<git_config_entry>?
        while git_config_next(&entry, iterator) == 0, let current = entry?.pointee {
            guard let name = current.name else { continue }
            result.append(
                (
                    current.level.rawValue, result.count, String(cString: name),
                    current.value.map { String(cString: $0) } ?? ""
                ))
        }
        return result.sorted { ($0.level, $0.order) < ($1.level, $1.order) }.map { ($0.name, $0.value) }
    }
}
