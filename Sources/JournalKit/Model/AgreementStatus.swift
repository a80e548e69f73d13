/// Where a mentorship stands (`status` of the agreement); the first is the default.
public enum AgreementStatus: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case active, proposed, paused, completed, ended
    public var description: String { rawValue }
}
