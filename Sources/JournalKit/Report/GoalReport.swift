/// How one goal stands.
public struct GoalReport: Sendable, Equatable {
    /// The goal id.
    public var id: String
    /// The goal's title.
    public var title: String
    /// Its status.
    public var status: GoalStatus
    /// Its target date.
    public var target: CalendarDate?
    /// Milestones done.
    public var milestonesDone: Int
    /// All milestones.
    public var milestonesTotal: Int
    /// The undone milestone with the earliest due date.
    public var nextMilestone: MilestoneReport?
    /// Undone milestones due before today.
    public var overdueMilestones: [MilestoneReport]
    /// The latest session or reflection naming the goal.
    public var lastActivity: CalendarDate?
    /// An active goal with no overdue milestone and no target passed.
    public var onTrack: Bool = false
}
