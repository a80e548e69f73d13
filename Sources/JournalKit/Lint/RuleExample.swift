import Foundation

/// A small journal used to show (and test) when a rule fires: files relative to the
/// mentorship, with `↓` marking each place a diagnostic is expected and `<byte FF>` standing
/// for a raw byte that is not UTF-8.
public struct RuleExample: Sendable, Equatable {
    /// File contents by path; an `agreement.md` is added when the example has none.
    public var files: [String: String]
    /// The date the example is checked against.
    public var today: CalendarDate
    /// Paths (relative to the mentorship) that git tracks, for rules that ask git.
    public var tracked: Set<String>

    /// An example checked on 2026-11-25 unless said otherwise.
    public init(_ files: [String: String], today: String = "2026-11-25", tracked: Set<String> = []) {
        self.files = files
        self.today = CalendarDate(today) ?? CalendarDate(dayNumber: 0)
        self.tracked = tracked
    }

    /// The bytes of a file's content: markers removed, `<byte XX>` turned into that byte.
    public static func bytes(of content: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var rest = Substring(content.replacingOccurrences(of: "↓", with: ""))
        while let open = rest.range(of: "<byte ") {
            bytes += Array(rest[..<open.lowerBound].utf8)
            let hex = rest[open.upperBound...].prefix(2)
            if let value = UInt8(hex, radix: 16), rest[open.upperBound...].dropFirst(2).first == ">" {
                bytes.append(value)
                rest = rest[open.upperBound...].dropFirst(3)
            } else {
                bytes += Array("<byte ".utf8)
                rest = rest[open.upperBound...]
            }
        }
        return bytes + Array(rest.utf8)
    }

    /// A valid agreement for examples that are about other files.
    public static let agreement = """
        ---
        mentor: Grace Hopper <grace@example.org>
        mentee: Ada Lovelace <ada@example.org>
        started: 2026-11-20
        cadence: biweekly
        duration: 1h
        channel: video call
        ---
        """
}
