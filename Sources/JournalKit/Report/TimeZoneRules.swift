import Foundation

/// The VTIMEZONE of an IANA zone as this computer's time zone data has it, over the years a
/// feed's events fall in: one STANDARD or DAYLIGHT part per change of offset, so that any
/// calendar places a meeting at its local time on either side of a clock change.
enum TimeZoneRules {
    static func component(_ identifier: String, from first: CalendarDate, to last: CalendarDate) -> [String] {
        guard let zone = TimeZone(identifier: identifier) else { return [] }
        let seconds = { (day: CalendarDate) in TimeInterval(day.dayNumber * 86_400) }
        // From the January before the first event to the January after the last.
        let startYear = Int(first.description.prefix(4)) ?? 1970
        let endYear = (Int(last.description.prefix(4)) ?? startYear) + 1
        let start = Date(timeIntervalSince1970: seconds(CalendarDate("\(startYear)-01-01") ?? first))
        let end = Date(timeIntervalSince1970: seconds(CalendarDate("\(endYear)-12-31") ?? last))
        var lines = ["BEGIN:VTIMEZONE", "TZID:" + identifier]
        var moment = start
        var parts = 0
        while parts < 200, let change = zone.nextDaylightSavingTimeTransition(after: moment), change <= end {
            let before = zone.secondsFromGMT(for: change.addingTimeInterval(-1))
            let after = zone.secondsFromGMT(for: change)
            let kind = zone.isDaylightSavingTime(for: change) ? "DAYLIGHT" : "STANDARD"
            lines += [
                "BEGIN:" + kind, "DTSTART:" + local(change.addingTimeInterval(TimeInterval(before))),
                "TZOFFSETFROM:" + offset(before), "TZOFFSETTO:" + offset(after),
            ]
            if let name = zone.abbreviation(for: change), !name.hasPrefix("GMT") {
                lines.append("TZNAME:" + name)
            }
            lines.append("END:" + kind)
            moment = change
            parts += 1
        }
        if parts == 0 {
            // No change of clocks in those years: one offset throughout.
            let fixed = zone.secondsFromGMT(for: start)
            lines += [
                "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:" + offset(fixed),
                "TZOFFSETTO:" + offset(fixed),
            ]
            if let name = zone.abbreviation(for: start), !name.hasPrefix("GMT") {
                lines.append("TZNAME:" + name)
            }
            lines.append("END:STANDARD")
        }
        lines.append("END:VTIMEZONE")
        return lines
    }

    /// `+0100`, `-0430`.
    static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        let hours = minutes / 60
        let rest = minutes % 60
        return sign + (hours < 10 ? "0" : "") + "\(hours)" + (rest < 10 ? "0" : "") + "\(rest)"
    }

    /// A moment as wall-clock time with no zone (`20261025T030000`), the moment already shifted.
    static func local(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss"
        return formatter.string(from: date)
    }
}
