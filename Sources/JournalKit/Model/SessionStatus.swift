/// Whether a session took place, or is the meeting ahead; the first is the default (`planned`
/// for a session dated after today, see `Entry.isPlannedSession(asOf:)`).
public enum SessionStatus: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case held, cancelled, rescheduled, planned
    public var description: String { rawValue }
}
