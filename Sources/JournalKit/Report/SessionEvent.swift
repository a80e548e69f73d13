/// A session on the timeline.
public struct SessionEvent: Sendable, Equatable {
    /// Its date.
    public var date: CalendarDate
    /// Whether it took place.
    public var status: SessionStatus
    /// The file, relative to the journal root.
    public var path: String
    /// A session written ahead: held status, dated after the report's date.
    public var planned = false
}
