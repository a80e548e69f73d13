/// When a calendar reminds: before each meeting, and on the day something is due. Set under
/// `calendar:` in `.journal.yml` or in the person's own settings (`remind_before_meetings: 1h`
/// or `off`; `remind_on_due_days: "09:00"` or `off`); the journal's file says first.
public struct CalendarReminders: Sendable, Equatable {
    /// Minutes before a meeting starts (for a meeting with no time, before its day); nil: none.
    public var beforeMeetings: Int? = 60
    /// The time of day on a due day (and on a meeting's day with no time); nil: none.
    public var onDueDays: MeetingTime? = MeetingTime(hour: 9, minute: 0)

    public init() {}

    /// The reminders a person gets: the defaults, what their own settings say, then what the
    /// journal's `.journal.yml` says (the journal's file says first, as for every setting).
    public static func resolved(journal: JournalSettings, person: UserSettings) -> CalendarReminders {
        var reminders = CalendarReminders()
        for mapping in [person.calendar, journal.calendar].compactMap({ $0 }) {
            reminders = read(mapping, over: reminders, problem: { _, _ in })
        }
        return reminders
    }

    /// What a `calendar:` mapping sets, each problem given to `problem` with its position.
    /// Keys it does not set stay as `base` has them.
    static func read(
        _ mapping: YAMLValue, over base: CalendarReminders, problem: (SourcePosition, String) -> Void
    ) -> CalendarReminders {
        var reminders = base
        guard let pairs = mapping.pairs else {
            problem(
                mapping.position,
                "`calendar` should be a mapping with `remind_before_meetings:` or `remind_on_due_days:`")
            return reminders
        }
        for pair in pairs {
            guard let key = pair.key.text else { continue }
            let text = pair.value.text?.trimmingCharacters(in: .whitespaces) ?? ""
            switch key {
            case "remind_before_meetings":
                if text.lowercased() == "off" || text.lowercased() == "false" {
                    reminders.beforeMeetings = nil
                } else if let minutes = MeetingDuration.minutes(text) {
                    reminders.beforeMeetings = minutes
                } else {
                    problem(
                        pair.value.position,
                        "`remind_before_meetings` should be a duration such as 30m or 1h, or off")
                }
            case "remind_on_due_days":
                if text.lowercased() == "off" || text.lowercased() == "false" {
                    reminders.onDueDays = nil
                } else if let time = MeetingTime(text) {
                    reminders.onDueDays = time
                } else {
                    problem(
                        pair.value.position, "`remind_on_due_days` should be a time such as \"09:00\", or off"
                    )
                }
            default:
                problem(
                    pair.key.position,
                    "unknown key `\(key)` in `calendar`, which knows `remind_before_meetings`, `remind_on_due_days`"
                )
            }
        }
        return reminders
    }
}
