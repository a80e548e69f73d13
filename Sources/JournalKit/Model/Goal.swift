/// A goal of the mentee, with its milestones.
public struct Goal: Sendable, Equatable {
    /// The id (the file name stem unless `id:` says otherwise).
    public var id: String
    /// Where the id was written (the file start when it comes from the file name).
    public var idPosition: SourcePosition
    /// The goal's title.
    public var title: String
    /// Where the goal stands.
    public var status: GoalStatus = .active
    /// When the goal was set.
    public var created: CalendarDate?
    /// When it should be reached.
    public var target: CalendarDate?
    /// How success is measured.
    public var measure: String?
    /// Its milestones, in the order written.
    public var milestones: [Milestone] = []
}
