/// A reference to a goal by id, with where it was written.
public struct GoalReference: Sendable, Hashable {
    /// The goal id as written.
    public var id: String
    /// Where it was written.
    public var position: SourcePosition
}
