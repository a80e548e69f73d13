/// A milestone on the timeline.
public struct MilestoneEvent: Sendable, Equatable {
    /// The goal it belongs to.
    public var goalID: String
    /// The goal's title.
    public var goalTitle: String
    /// What the step is.
    public var title: String
    /// When it is due.
    public var due: CalendarDate?
    /// Whether it is done.
    public var done: Bool
    /// The day it was done, when the goal file says.
    public var doneOn: CalendarDate?
    /// Not done and due before the report's date.
    public var overdue = false
}
