import Foundation

/// What `~/.ssh/config` says about a host, for the parts libssh2 can honour: `HostName`,
/// `Port`, `User`, `IdentityFile` and `IdentitiesOnly`, with ssh's rules (the first value of a
/// keyword wins, `Host` patterns with `*`, `?` and `!`). What it cannot follow (`ProxyJump`,
/// `ProxyCommand`, `Match`, certificates) is named, so that journal can say so.
struct SSHConfig {
    /// The settings for one host.
    struct Host: Equatable {
        var hostName: String?
        var port: Int?
        var user: String?
        var identityFiles: [String] = []
        var identitiesOnly = false
        /// Keywords set for this host that journal's ssh cannot follow.
        var unsupported: [String] = []
    }

    private struct Block {
        var patterns: [String]
        var settings: [(String, String)] = []
    }

    private var blocks: [Block] = []

    /// `~/.ssh/config` under `home`, or nothing when there is none.
    init(home: URL?) {
        let text = home.flatMap {
            try? String(contentsOf: $0.appendingPathComponent(".ssh/config"), encoding: .utf8)
        }
        self.init(text: text ?? "")
    }

    init(text: String) {
        var current = Block(patterns: ["*"])
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let split =
                line.firstIndex(where: { $0 == " " || $0 == "\t" || $0 == "=" }) ?? line.endIndex
            let keyword = line[..<split].lowercased()
            var value = line[split...].drop { $0 == " " || $0 == "\t" || $0 == "=" }
                .trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            switch keyword {
            case "host":
                blocks.append(current)
                current = Block(patterns: value.split(separator: " ").map(String.init))
            case "match":
                // Conditions journal cannot evaluate: what follows applies to no host we know,
                // but is remembered as something we could not follow.
                blocks.append(current)
                current = Block(patterns: ["*"], settings: [("match", value)])
            default:
                current.settings.append((keyword, value))
            }
        }
        blocks.append(current)
    }

    /// Whether `host` matches one `Host` line's patterns: some pattern matches, none negated does.
    static func matches(_ patterns: [String], _ host: String) -> Bool {
        var matched = false
        for pattern in patterns {
            if pattern.hasPrefix("!") {
                if glob(String(pattern.dropFirst()), host) { return false }
            } else if glob(pattern, host) {
                matched = true
            }
        }
        return matched
    }

    /// `*` and `?` as ssh reads them, without case.
    static func glob(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.lowercased())
        let t = Array(text.lowercased())
        var memo: [Int: Bool] = [:]
        func match(_ i: Int, _ j: Int) -> Bool {
            if let known = memo[i * (t.count + 1) + j] { return known }
            let result: Bool
            if i == p.count {
                result = j == t.count
            } else if p[i] == "*" {
                result = match(i + 1, j) || (j < t.count && match(i, j + 1))
            } else if j < t.count, p[i] == "?" || p[i] == t[j] {
                result = match(i + 1, j + 1)
            } else {
                result = false
            }
            memo[i * (t.count + 1) + j] = result
            return result
        }
        return match(0, 0)
    }

    /// The settings for `alias`, as ssh would use them.
    func host(_ alias: String) -> Host {
        var host = Host()
        var seen: Set<String> = []
        for block in blocks where Self.matches(block.patterns, alias) {
            for (keyword, value) in block.settings {
                if keyword == "identityfile" {
                    host.identityFiles.append(value)
                    continue
                }
                if ["proxyjump", "proxycommand", "certificatefile", "match", "securitykeyprovider"].contains(
                    keyword)
                {
                    host.unsupported.append(keyword == "match" ? "Match" : keyword)
                }
                guard seen.insert(keyword).inserted else { continue }
                switch keyword {
                case "hostname": host.hostName = value
                case "port": host.port = Int(value)
                case "user": host.user = value
                case "identitiesonly": host.identitiesOnly = value.lowercased() == "yes"
                default: break
                }
            }
        }
        return host
    }
}

/// An ssh remote address, from `ssh://user@host:port/path` or `user@host:path`.
struct SSHAddress: Equatable {
    var user: String?
    var host: String
    var port: Int?
    /// The path as written (`/srv/pair.git`, `~/pair.git`, or relative to the home folder).
    var path: String

    init?(_ url: String) {
        for scheme in ["ssh://", "git+ssh://", "ssh+git://"] where url.hasPrefix(scheme) {
            guard let parts = URLComponents(string: "ssh://" + url.dropFirst(scheme.count)),
                let host = parts.host
            else { return nil }
            user = parts.user
            self.host = host
            port = parts.port
            path = parts.percentEncodedPath.removingPercentEncoding ?? parts.path
            return
        }
        // scp-like: a colon before any slash.
        guard !url.contains("://"), let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/") else {
            return nil
        }
        let authority = url[..<colon]
        if let at = authority.lastIndex(of: "@") {
            user = String(authority[..<at])
            host = String(authority[authority.index(after: at)...])
        } else {
            host = String(authority)
        }
        port = nil
        path = String(url[url.index(after: colon)...])
        guard !host.isEmpty else { return nil }
    }

    /// The address as libgit2 reads it, always in the `ssh://` form.
    var url: String {
        let place =
            path.hasPrefix("/") ? path : "/~/" + (path.hasPrefix("~/") ? String(path.dropFirst(2)) : path)
        let authority = (user.map { $0 + "@" } ?? "") + (host.contains(":") ? "[\(host)]" : host)
        return "ssh://" + authority + (port.map { ":\($0)" } ?? "") + place
    }
}
