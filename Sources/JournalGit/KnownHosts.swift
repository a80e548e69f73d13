import Foundation

/// The host keys ssh trusts (`~/.ssh/known_hosts`, `/etc/ssh/ssh_known_hosts`), read as ssh reads
/// them: host patterns or hashed names (`|1|salt|hash`, HMAC-SHA1), and `@revoked` keys. libssh2
/// cannot read a file with `@` marker lines (libgit2 then fails on the whole file), so journal
/// checks such files itself.
struct KnownHosts {
    struct Line {
        var marker: String?
        var hosts: String
        var key: Data
    }

    let lines: [Line]
    /// Whether some line carries a marker (`@revoked`, `@cert-authority`).
    let hasMarkers: Bool

    init(files: [String]) {
        var lines: [Line] = []
        var markers = false
        for file in files {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
            for raw in text.split(whereSeparator: { $0.isNewline }) {
                let line = raw.trimmingCharacters(in: .whitespaces)
                guard !line.isEmpty, !line.hasPrefix("#") else { continue }
                var fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
                var marker: String?
                if fields.first?.hasPrefix("@") == true {
                    marker = fields.removeFirst()
                    markers = true
                }
                guard fields.count >= 3, let key = Data(base64Encoded: fields[2]) else { continue }
                lines.append(Line(marker: marker, hosts: fields[0], key: key))
            }
        }
        self.lines = lines
        hasMarkers = markers
    }

    /// The name ssh looks up: `host`, or `[host]:port` for another port than 22.
    static func name(host: String, port: Int?) -> String {
        guard let port, port != 22 else { return host }
        return "[\(host)]:\(port)"
    }

    /// Whether one line's hosts field names `name`.
    static func names(_ hosts: String, _ name: String) -> Bool {
        if hosts.hasPrefix("|1|") {
            let parts = hosts.split(separator: "|")
            guard parts.count == 3, let salt = Data(base64Encoded: String(parts[1])),
                let hash = Data(base64Encoded: String(parts[2]))
            else { return false }
            return HMACSHA1.mac(key: salt, message: Data(name.utf8)) == hash
        }
        return SSHConfig.matches(hosts.split(separator: ",").map(String.init), name)
    }

    /// Whether `key` is marked `@revoked` (for any host, as ssh treats it).
    func isRevoked(_ key: Data) -> Bool {
        lines.contains { $0.marker == "@revoked" && $0.key == key }
    }

    /// Whether a plain line lists `key` for `name`.
    func trusts(_ key: Data, for name: String) -> Bool {
        lines.contains { $0.marker == nil && $0.key == key && Self.names($0.hosts, name) }
    }
}

/// HMAC-SHA1 (RFC 2104 over FIPS 180-4), for hashed known_hosts names only.
enum HMACSHA1 {
    static func mac(key: Data, message: Data) -> Data {
        var key = key.count > 64 ? sha1([UInt8](key)) : [UInt8](key)
        key += [UInt8](repeating: 0, count: 64 - key.count)
        let inner = sha1(key.map { $0 ^ 0x36 } + [UInt8](message))
        return Data(sha1(key.map { $0 ^ 0x5C } + inner))
    }

    static func sha1(_ message: [UInt8]) -> [UInt8] {
        var h: [UInt32] = [0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0]
        var data = message + [0x80]
        while data.count % 64 != 56 { data.append(0) }
        let bits = UInt64(message.count) * 8
        for shift in stride(from: 56, through: 0, by: -8) {
            data.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift)))
        }
        var w = [UInt32](repeating: 0, count: 80)
        for chunk in stride(from: 0, to: data.count, by: 64) {
            for i in 0..<16 {
                let b = chunk + i * 4
                w[i] =
                    UInt32(data[b]) << 24 | UInt32(data[b + 1]) << 16 | UInt32(data[b + 2]) << 8
                    | UInt32(data[b + 3])
            }
            for i in 16..<80 {
                let x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]
                w[i] = x << 1 | x >> 31
            }
            var (a, b, c, d, e) = (h[0], h[1], h[2], h[3], h[4])
            for i in 0..<80 {
                let (f, k): (UInt32, UInt32)
                switch i {
                case 0..<20: (f, k) = ((b & c) | (~b & d), 0x5A82_7999)
                case 20..<40: (f, k) = (b ^ c ^ d, 0x6ED9_EBA1)
                case 40..<60: (f, k) = ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC)
                default: (f, k) = (b ^ c ^ d, 0xCA62_C1D6)
                }
                let temp = (a << 5 | a >> 27) &+ f &+ e &+ k &+ w[i]
                (e, d, c, b, a) = (d, c, b << 30 | b >> 2, a, temp)
            }
            h[0] &+= a
            h[1] &+= b
            h[2] &+= c
            h[3] &+= d
            h[4] &+= e
        }
        return h.flatMap { value in (0..<4).map { UInt8(truncatingIfNeeded: value >> UInt32(24 - $0 * 8)) } }
    }
}
