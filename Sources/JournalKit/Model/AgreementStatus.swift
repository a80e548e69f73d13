/// Where a mentorship stands (`status` of the agreement); the first is the default.
public enum AgreementStatus: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case active, proposed, paused, completed, ended
    public var description: String { rawValue }

    /// Whether the pair is expected to meet now: true when active; false when proposed or paused
    /// (nothing about meetings is overdue); nil when completed or ended (no next meeting at all).
    public var expectsMeetings: Bool? {
        switch self {
        case .active: true
        case .proposed, .paused: false
        case .completed, .ended: nil
        }
    }

    /// Whether the mentorship is over: completed or ended.
    public var isOver: Bool { self == .completed || self == .ended }
}
