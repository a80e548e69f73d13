/// Every dated event of one mentorship: what the timeline and the confidence chart are drawn from.
public struct MentorshipHistory: Sendable, Equatable {
    /// When the agreement says the mentorship started.
    public var started: CalendarDate?
    /// When the agreement says it ends.
    public var ends: CalendarDate?
    /// Every dated session (held, cancelled, rescheduled), oldest first.
    public var sessions: [SessionEvent] = []
    /// Every dated reflection, oldest first (private ones only with `--include-private`).
    public var reflections: [ReflectionEvent] = []
    /// Every milestone of every goal, in goal order then as written.
    public var milestones: [MilestoneEvent] = []
    /// The date the events are measured against: the report's "today".
    public var asOf = CalendarDate(dayNumber: 0)

    /// Creates an empty history.
    public init(
        started: CalendarDate? = nil, ends: CalendarDate? = nil, sessions: [SessionEvent] = [],
        reflections: [ReflectionEvent] = [], milestones: [MilestoneEvent] = []
    ) {
        self.started = started
        self.ends = ends
        self.sessions = sessions
        self.reflections = reflections
        self.milestones = milestones
    }
}
