import Foundation

/// `journal calendar`: the dates of mentorships as iCalendar (RFC 5545) events a person imports
/// or subscribes to. The facts are the report's (the meeting ahead, the open action items and
/// their due dates) and the journal's own (planned sessions, open milestones, the agreement's
/// review and end). Every event is all-day: journal knows days, not hours.
public struct CalendarFeed: Sendable {
    public struct Event: Sendable, Equatable {
        /// Stays the same across runs and edits of the same thing, so that a subscribed calendar
        /// updates the event rather than adding another.
        public var uid: String
        public var day: CalendarDate
        public var summary: String
        public var description: String
        /// What the event says, for telling when it changed (SEQUENCE, LAST-MODIFIED).
        public var content: String { "\(day)\n\(summary)\n\(description)" }
    }

    public var events: [Event]

    /// The events of `report`'s mentorships (as built with or without private entries).
    public static func build(_ report: Report, mentorships: [Mentorship], includePrivate: Bool)
        -> CalendarFeed
    {
        var events: [Event] = []
        func uid(_ parts: String...) -> String {
            // The same parts give the same id, in every run and on every machine.
            return "\(StableHash.hex(parts.joined(separator: "\u{1F}")))@journal"
        }
        let reported = Dictionary(
            report.mentorships.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for mentorship in mentorships {
            guard let facts = reported[mentorship.path] else { continue }
            let pair = facts.pair
            let minutes = mentorship.agreement.durationMinutes
            var plannedPaths: Set<String> = []
            for entry in mentorship.sessions where entry.isPlannedSession(asOf: report.today) {
                guard includePrivate || !entry.isPrivate, let date = entry.date, let session = entry.session
                else { continue }
                plannedPaths.insert(entry.path)
                let length = session.durationMinutes ?? minutes
                events.append(
                    Event(
                        uid: uid(mentorship.id, "session", entry.path), day: date,
                        summary: "Mentoring: \(pair)",
                        description: describe(agenda: session.agenda, minutes: length, from: entry.path)))
            }
            if let ahead = facts.meetingAhead, !(ahead.path.map(plannedPaths.contains) ?? false),
                includePrivate || !ahead.isPrivate
            {
                let why = ahead.source == .agreed ? "as agreed" : "due by the cadence"
                events.append(
                    Event(
                        uid: uid(mentorship.id, "next meeting"), day: ahead.date,
                        summary: "Mentoring: \(pair) (next meeting, \(why))",
                        description: describe(agenda: ahead.agenda, minutes: minutes, from: ahead.path)))
            }
            for goal in mentorship.goals {
                guard let content = goal.goal else { continue }
                for milestone in content.milestones where !milestone.done {
                    guard let due = milestone.due else { continue }
                    events.append(
                        Event(
                            uid: uid(mentorship.id, "milestone", content.id, milestone.title), day: due,
                            summary: "Milestone due: \(milestone.title)",
                            description: "Goal: \(content.title) (\(pair))."))
                }
            }
            for item in facts.actionItems where !item.leftOpen {
                guard let due = item.due, includePrivate || !item.isPrivate else { continue }
                let owner = item.owner.map { "@\($0): " } ?? ""
                events.append(
                    Event(
                        uid: uid(mentorship.id, "action", ActionItem.identity(ofWritten: item.text)),
                        day: due,
                        summary: "\(owner)\(item.text)",
                        description: "Action item of \(pair), from \(item.path)."))
            }
            let agreement = mentorship.agreement
            if let review = agreement.review {
                events.append(
                    Event(
                        uid: uid(mentorship.id, "review"), day: review,
                        summary: "Review the mentoring agreement: \(pair)",
                        description:
                            "Look back at the agreement together (\(mentorship.relative("agreement.md")))."))
            }
            if let ends = agreement.ends {
                events.append(
                    Event(
                        uid: uid(mentorship.id, "ends"), day: ends, summary: "The mentorship of \(pair) ends",
                        description: "The end agreed in \(mentorship.relative("agreement.md"))."))
            }
        }
        return CalendarFeed(events: events.sorted { ($0.day, $0.uid) < ($1.day, $1.uid) })
    }

    private static func describe(agenda: [String], minutes: Int?, from path: String?) -> String {
        var lines: [String] = []
        if let minutes { lines.append("About \(minutes) minutes.") }
        if !agenda.isEmpty { lines.append("Agenda:\n" + agenda.map { "- \($0)" }.joined(separator: "\n")) }
        if let path { lines.append("Notes: \(path)") }
        return lines.joined(separator: "\n")
    }
}

/// Writes a feed as an iCalendar file: CRLF line ends, text escaped, lines folded at 75
/// octets without splitting a character. `changes` gives each event's SEQUENCE and the moment
/// it last changed (kept between runs by the caller).
public enum ICalendarWriter {
    public static func write(
        _ feed: CalendarFeed, name: String, changes: [String: (sequence: Int, modified: Date)]
    ) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//journal//mentoring journal//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + escape(name),
        ]
        for event in feed.events {
            let change = changes[event.uid] ?? (0, Date(timeIntervalSince1970: 0))
            let stamp = timestamp(change.modified)
            lines += [
                "BEGIN:VEVENT", "UID:" + event.uid, "DTSTAMP:" + stamp, "LAST-MODIFIED:" + stamp,
                "SEQUENCE:\(change.sequence)", "DTSTART;VALUE=DATE:" + compact(event.day),
                "DTEND;VALUE=DATE:" + compact(event.day.adding(days: 1)), "SUMMARY:" + escape(event.summary),
                "DESCRIPTION:" + escape(event.description), "TRANSP:TRANSPARENT", "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func compact(_ day: CalendarDate) -> String {
        day.description.replacingOccurrences(of: "-", with: "")
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }

    /// RFC 5545 TEXT: backslash, semicolon and comma escaped, line breaks as `\n`, no control
    /// character left.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default:
                if scalar.properties.generalCategory == .control {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// A content line folded at 75 octets: a CRLF and a space before each continuation, never
    /// inside a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        var parts: [String] = []
        var current = ""
        var octets = 0
        for character in line {
            let size = character.utf8.count
            let limit = parts.isEmpty ? 75 : 74
            if octets + size > limit {
                parts.append(current)
                current = ""
                octets = 0
            }
            current.append(character)
            octets += size
        }
        parts.append(current)
        return parts.joined(separator: "\r\n ")
    }
}
