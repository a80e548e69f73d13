import Foundation

/// The time of day a meeting starts, `HH:MM` on a 24-hour clock (format.md: agreement and
/// session `time`), in the agreement's `timezone` when it gives one.
public struct MeetingTime: Sendable, Hashable, Codable, CustomStringConvertible {
    public var hour: Int
    public var minute: Int

    /// Reads `17:00`, `9:30` or `09:30`; nil for anything else (`5pm`, `25:00`, `17.00`).
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(
            separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour),
            (0..<60).contains(minute)
        else { return nil }
        self.hour = hour
        self.minute = minute
    }

    public init(hour: Int, minute: Int) {
        self.hour = hour
        self.minute = minute
    }

    /// `17:00`.
    public var description: String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    /// Whether `name` is a time zone this computer knows by its IANA name (`Europe/Berlin`).
    public static func isKnownZone(_ name: String) -> Bool {
        // Abbreviations (`CET`, `EST`) name no place and change meaning; IANA names have a `/`.
        guard name.contains("/") || name == "UTC" else { return false }
        return TimeZone(identifier: name) != nil
    }
}
