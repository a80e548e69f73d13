/// Whether a session took place; the first is the default.
public enum SessionStatus: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case held, cancelled, rescheduled
    public var description: String { rawValue }
}
