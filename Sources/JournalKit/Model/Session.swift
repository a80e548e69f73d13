/// A meeting of the pair.
public struct Session: Sendable, Equatable {
    /// Whether it took place; only held sessions count as meetings.
    public var status: SessionStatus = .held
    /// Length in minutes.
    public var durationMinutes: Int?
    /// The goals discussed.
    public var goals: [GoalReference] = []
    /// The agenda, in order.
    public var agenda: [String] = []
    /// The next meeting, when agreed.
    public var next: CalendarDate?
    /// When it starts, when not the agreement's `time`.
    public var time: MeetingTime?

    /// Whether the session counts as a meeting.
    public var isHeld: Bool { status == .held }
}
