/// The meeting ahead (cli.md's `next_session`): when, how the builder knows it, and its agreed agenda.
public struct MeetingAhead: Sendable, Equatable {
    /// How the date is known.
    public enum Source: String, Sendable, Equatable {
        /// A session written ahead (`status: planned`, or dated after today).
        case planned
        /// The `next:` a session gave (a rescheduled or cancelled meeting's is where it moved).
        case agreed
        /// The last held session plus the cadence.
        case cadence
    }

    /// The day of the meeting.
    public var date: CalendarDate
    /// How the date is known.
    public var source: Source
    /// The planned session's file, or the session that gave the date; nil for the cadence.
    public var path: String?
    /// The agenda agreed for it (a planned session's `agenda`).
    public var agenda: [String]
    /// Whether it comes from a private entry (only with `--include-private`).
    public var isPrivate: Bool
    /// Where it stands against the report's date.
    public var timing: NextSession
}
