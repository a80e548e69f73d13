import Foundation

/// How often a pair meets: `weekly`, `biweekly`, `monthly`, or `every N days|weeks|months`.
public struct Cadence: Sendable, Hashable, CustomStringConvertible {
    /// The unit a cadence counts in.
    public enum Unit: String, Sendable, Hashable {
        case days, weeks, months
    }
    /// How many units lie between two meetings.
    public let count: Int
    /// The unit of `count`.
    public let unit: Unit

    /// Creates a cadence of `count` units (count at least 1).
    public init?(count: Int, unit: Unit) {
        guard count >= 1, count <= 3650 else { return nil }
        self.count = count
        self.unit = unit
    }

    /// Parses the forms format.md lists, case-insensitively; nil for anything else.
    public init?(_ text: String) {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
        switch words.count {
        case 1 where words[0] == "weekly": self.init(count: 1, unit: .weeks)
        case 1 where words[0] == "biweekly": self.init(count: 2, unit: .weeks)
        case 1 where words[0] == "monthly": self.init(count: 1, unit: .months)
        case 3 where words[0] == "every":
            guard let count = Int(words[1]) else { return nil }
            let unitWord = words[2].hasSuffix("s") ? String(words[2]) : words[2] + "s"
            guard let unit = Unit(rawValue: unitWord) else { return nil }
            self.init(count: count, unit: unit)
        default: return nil
        }
    }

    /// Length in days, as cli.md defines it (a month counts 30 days).
    public var days: Int {
        switch unit {
        case .days: return count
        case .weeks: return count * 7
        case .months: return count * 30
        }
    }

    /// The day a meeting is next due after `date` (calendar months for monthly cadences).
    public func next(after date: CalendarDate) -> CalendarDate {
        unit == .months ? date.adding(months: count) : date.adding(days: days)
    }

    /// The canonical spelling (`weekly`, `every 3 weeks`, ...).
    public var description: String {
        switch (count, unit) {
        case (1, .weeks): return "weekly"
        case (2, .weeks): return "biweekly"
        case (1, .months): return "monthly"
        case (1, _): return "every 1 \(unit.rawValue.dropLast())"
        default: return "every \(count) \(unit.rawValue)"
        }
    }
}

/// Parses a meeting length: `45m`, `1h`, `1h30m` or a bare number of minutes.
enum MeetingDuration {
    /// Minutes in `text`, or nil when it is not one of the accepted forms.
    public static func minutes(_ text: String) -> Int? {
        // Durations are ASCII (`1h30m`, `45m`, `90`), so they are read as bytes; only text with
        // other characters goes through Unicode-aware trimming first (a no-break space around
        // `1h` is still a duration, anything else that is not ASCII is not).
        let isASCII: (String) -> Bool = { $0.utf8.allSatisfy { $0 < 0x80 } }
        let candidate = isASCII(text) ? text : text.trimmingCharacters(in: .whitespaces)
        guard isASCII(candidate) else { return nil }
        return minutes(ascii: Array(candidate.utf8))
    }

    private static func minutes(ascii: [UInt8]) -> Int? {
        var bytes = ascii[...]
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        guard !bytes.isEmpty, bytes.count <= 12 else { return nil }
        if let bare = Int(String(decoding: bytes, as: UTF8.self)) { return bare > 0 ? bare : nil }
        var total = 0
        var number: Int?
        var sawHours = false
        var sawMinutes = false
        var sawUnit = false
        for byte in bytes {
            // Only A-Z fold to lower case; any other byte keeps its value.
            switch (0x41...0x5A).contains(byte) ? byte | 0x20 : byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                number = (number ?? 0) * 10 + Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "h") where !sawHours && !sawMinutes && number != nil:
                total += (number ?? 0) * 60
                sawHours = true
                sawUnit = true
                number = nil
            case UInt8(ascii: "m") where !sawMinutes && number != nil:
                total += number ?? 0
                sawMinutes = true
                sawUnit = true
                number = nil
            default:
                return nil
            }
        }
        guard sawUnit, number == nil, total > 0 else { return nil }
        return total
    }
}
