/// A step towards a goal.
public struct Milestone: Sendable, Equatable {
    /// What the step is.
    public var title: String
    /// When it is due.
    public var due: CalendarDate?
    /// Whether it is done (`done: true` or a date).
    public var done: Bool
    /// The day it was done, when `done` was a date.
    public var doneOn: CalendarDate?
    /// Where the milestone starts in the file.
    public var position: SourcePosition
    /// Where its `due` value is written (the milestone's start when it has none).
    public var duePosition: SourcePosition
}
