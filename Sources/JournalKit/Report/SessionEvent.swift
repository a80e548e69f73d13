/// A session on the timeline.
public struct SessionEvent: Sendable, Equatable {
    /// Its date.
    public var date: CalendarDate
    /// Whether it took place.
    public var status: SessionStatus
    /// The file, relative to the journal root.
    public var path: String
    /// A meeting ahead: `status: planned`, or dated after the report's date (not cancelled).
    public var planned = false
    /// Where a rescheduled or cancelled meeting moved to, or the next meeting agreed.
    public var next: CalendarDate?
}
