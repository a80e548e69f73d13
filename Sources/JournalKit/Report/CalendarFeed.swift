import Foundation

/// `journal calendar`: the dates of mentorships as iCalendar (RFC 5545) events a person imports
/// or subscribes to. The facts are the report's (the meeting ahead, the open action items and
/// their due dates) and the journal's own (planned sessions, open milestones, the agreement's
/// review and end). A meeting with a known time (the session's `time`, else the agreement's)
/// starts then, in the agreement's `timezone`, and lasts the session's or agreement's
/// `duration`; the rest are all-day. Everything in an event comes from the files alone, so
/// every computer writes the same feed for the same files.
public struct CalendarFeed: Sendable {
    public struct Event: Sendable, Equatable, Codable {
        /// Stays the same across runs and edits of the same thing, so that a subscribed calendar
        /// updates the event rather than adding another.
        public var uid: String
        public var day: CalendarDate
        public var summary: String
        public var description: String
        /// The start, for a meeting at a known time.
        public var time: MeetingTime?
        /// The IANA zone of `time`; nil: the reader's local time.
        public var zone: String?
        /// How long a timed meeting lasts.
        public var minutes: Int?
        /// A meeting called off: calendars that have it mark it cancelled.
        public var cancelled = false
        /// Whether it is a meeting (reminded before it) rather than something due (on the day).
        public var isMeeting = false
        /// The latest date the event rests on (its day, the entries it comes from): SEQUENCE
        /// and LAST-MODIFIED come from it, so they are the same on every computer and rise when
        /// a later entry changes the event.
        public var revision: CalendarDate

        public init(
            uid: String, day: CalendarDate, summary: String, description: String,
            revision: CalendarDate? = nil
        ) {
            self.uid = uid
            self.day = day
            self.summary = summary
            self.description = description
            self.revision = max(day, revision ?? day)
        }
    }

    public var events: [Event]
    /// The reminders each event carries.
    public var reminders = CalendarReminders()

    /// The events of `report`'s mentorships (as built with or without private entries).
    public static func build(
        _ report: Report, mentorships: [Mentorship], includePrivate: Bool,
        reminders: CalendarReminders = CalendarReminders()
    ) -> CalendarFeed {
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
            let agreement = mentorship.agreement
            let minutes = agreement.durationMinutes
            func meeting(_ event: inout Event, time: MeetingTime?, minutes: Int?) {
                event.isMeeting = true
                event.time = time ?? agreement.time
                event.zone = event.time == nil ? nil : agreement.timezone
                event.minutes = event.time == nil ? nil : (minutes ?? agreement.durationMinutes ?? 60)
            }
            var plannedPaths: Set<String> = []
            for entry in mentorship.sessions {
                guard includePrivate || !entry.isPrivate, let date = entry.date, let session = entry.session
                else { continue }
                let planned = entry.isPlannedSession(asOf: report.today)
                // A meeting called off ahead: the event its planned version made, cancelled.
                let calledOff =
                    date >= report.today && (session.status == .cancelled || session.status == .rescheduled)
                guard planned || calledOff else { continue }
                // The meeting ahead that a planned session is needs no event of its own; the one a
                // cancellation's `next:` agrees does.
                if planned { plannedPaths.insert(entry.path) }
                let length = session.durationMinutes ?? minutes
                var event = Event(
                    uid: uid(mentorship.id, "session", entry.path), day: date,
                    summary: "Mentoring: \(pair)" + (calledOff ? " (\(session.status.rawValue))" : ""),
                    description: calledOff
                        ? "This meeting is \(session.status.rawValue)"
                            + (session.next.map { "; the next one is agreed for \($0)." } ?? ".")
                            + "\nNotes: \(entry.path)"
                        : describe(agenda: session.agenda, minutes: length, from: entry.path))
                meeting(&event, time: session.time, minutes: length)
                event.cancelled = calledOff
                events.append(event)
            }
            if let ahead = facts.meetingAhead, !(ahead.path.map(plannedPaths.contains) ?? false),
                includePrivate || !ahead.isPrivate
            {
                let why = ahead.source == .agreed ? "as agreed" : "due by the cadence"
                let from = mentorship.entries.first { $0.path == ahead.path }
                var event = Event(
                    uid: uid(mentorship.id, "next meeting"), day: ahead.date,
                    summary: "Mentoring: \(pair) (next meeting, \(why))",
                    description: describe(agenda: ahead.agenda, minutes: minutes, from: ahead.path),
                    revision: max(from?.date ?? ahead.date, facts.lastSession ?? ahead.date))
                meeting(&event, time: nil, minutes: minutes)
                events.append(event)
            }
            for goal in mentorship.goals where goal.goal?.status == .active || goal.goal?.status == .proposed
            {
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
            let byPath = Dictionary(
                mentorship.entries.map { ($0.path, $0.date) }, uniquingKeysWith: { first, _ in first })
            for item in facts.actionItems where !item.leftOpen {
                guard let due = item.due, includePrivate || !item.isPrivate else { continue }
                let written = ActionItemText.owner(in: item.text)
                let owner = item.owner.map { name(of: $0, in: agreement) }
                let words = ActionItem.withoutMention(of: written, in: item.text)
                events.append(
                    Event(
                        uid: uid(mentorship.id, "action", item.owner ?? "", ActionItem.foldedText(words)),
                        day: due,
                        summary: owner.map { "\($0): \(words)" } ?? words,
                        description: "Action item of \(pair), from \(item.path).",
                        revision: byPath[item.path] ?? nil))
            }
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
        return CalendarFeed(
            events: events.sorted { ($0.day, $0.uid) < ($1.day, $1.uid) }, reminders: reminders)
    }

    /// A person as a calendar title names them: the first name of one of the pair, else the
    /// handle as written.
    static func name(of owner: String, in agreement: Agreement) -> String {
        let person: Person? =
            switch Role(rawValue: owner) {
            case .mentor?: agreement.mentor
            case .mentee?: agreement.mentee
            case nil: nil
            }
        let first = person?.name?.split(whereSeparator: { $0.isWhitespace }).first.map(String.init)
        if let first, !first.isEmpty { return first }
        let handle = person?.handle ?? owner
        return handle.prefix(1).uppercased() + handle.dropFirst()
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
/// octets without splitting a character; a VTIMEZONE for each zone a meeting is in, and an
/// alarm on each event as the feed's reminders say. `withdrawn` are events an earlier feed
/// had that this one does not: each is sent once more, cancelled, so that a calendar that
/// imports the file again drops it.
public enum ICalendarWriter {
    public static func write(_ feed: CalendarFeed, name: String, withdrawn: [CalendarFeed.Event] = [])
        -> String
    {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//journal//mentoring journal//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + escape(name),
        ]
        var gone = withdrawn
        for index in gone.indices {
            gone[index].cancelled = true
            gone[index].revision = gone[index].revision.adding(days: 1)
        }
        let events = feed.events + gone
        let zones = Set(events.compactMap { $0.time == nil ? nil : $0.zone }).sorted()
        for zone in zones {
            let days = events.filter { $0.zone == zone }.map(\.day)
            if let first = days.min(), let last = days.max() {
                lines += TimeZoneRules.component(zone, from: first, to: last)
            }
        }
        for event in events {
            let stamp = timestamp(event.revision)
            lines += [
                "BEGIN:VEVENT", "UID:" + event.uid, "DTSTAMP:" + stamp, "LAST-MODIFIED:" + stamp,
                "SEQUENCE:\(sequence(event.revision))",
            ]
            if let time = event.time {
                let zone = event.zone.map { ";TZID=" + $0 } ?? ""
                let start = event.day.dayNumber * 1440 + time.hour * 60 + time.minute
                let end = start + (event.minutes ?? 60)
                lines += ["DTSTART\(zone):" + local(start), "DTEND\(zone):" + local(end)]
            } else {
                lines += [
                    "DTSTART;VALUE=DATE:" + compact(event.day),
                    "DTEND;VALUE=DATE:" + compact(event.day.adding(days: 1)),
                ]
            }
            lines += [
                "SUMMARY:" + escape(event.summary), "DESCRIPTION:" + escape(event.description),
                "STATUS:" + (event.cancelled ? "CANCELLED" : "CONFIRMED"),
                "TRANSP:"
                    + (event.isMeeting && event.time != nil && !event.cancelled ? "OPAQUE" : "TRANSPARENT"),
            ]
            if !event.cancelled, let trigger = trigger(event, feed.reminders) {
                lines += [
                    "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + escape(event.summary),
                    "TRIGGER;RELATED=START:" + trigger, "END:VALARM",
                ]
            }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// When the alarm goes, relative to the event's start: before a timed meeting, at the
    /// reminder time on the day of anything else (an all-day event starts at midnight).
    static func trigger(_ event: CalendarFeed.Event, _ reminders: CalendarReminders) -> String? {
        if event.isMeeting, event.time != nil {
            return reminders.beforeMeetings.map { "-PT\($0)M" }
        }
        guard let at = reminders.onDueDays else { return nil }
        return "PT\(at.hour)H\(at.minute)M"
    }

    /// SEQUENCE: days from 2000-01-01 to the event's revision (never below 0).
    static func sequence(_ revision: CalendarDate) -> Int {
        max(0, revision.dayNumber - (CalendarDate("2000-01-01")?.dayNumber ?? 0))
    }

    /// A local date and time (`20261020T170000`) from minutes counted from day 0.
    static func local(_ minutes: Int) -> String {
        let day = CalendarDate(dayNumber: minutes / 1440)
        let inDay = minutes % 1440
        let hour = inDay / 60
        let minute = inDay % 60
        return compact(day) + "T" + (hour < 10 ? "0" : "") + "\(hour)" + (minute < 10 ? "0" : "")
            + "\(minute)00"
    }

    static func compact(_ day: CalendarDate) -> String {
        day.description.replacingOccurrences(of: "-", with: "")
    }

    /// Midnight UTC of a day, as DTSTAMP and LAST-MODIFIED write it.
    static func timestamp(_ day: CalendarDate) -> String { compact(day) + "T000000Z" }

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
