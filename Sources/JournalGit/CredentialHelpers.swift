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
            guard let output = run(helper, "get", attributes) else { continue }
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
