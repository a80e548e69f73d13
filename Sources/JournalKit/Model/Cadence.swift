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
    /// Whether a gap between meetings is longer than the cadence allows: by half of it again
    /// (`session/cadence`, and the timeline's red stretches, both ask here).
    public func isTooLong(gap days: Int) -> Bool { days * 2 > self.days * 3 }

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
