/// Where a goal stands; the first is the default.
public enum GoalStatus: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case active, proposed, achieved, paused, dropped
    public var description: String { rawValue }
}
