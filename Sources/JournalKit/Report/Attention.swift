/// How much a pair needs a coordinator's attention (the overview's `attention`).
public enum Attention: String, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible
{
    case ok
    case watch
    case atRisk = "at-risk"

    public var description: String { rawValue }

    private var rank: Int {
        switch self {
        case .ok: 0
        case .watch: 1
        case .atRisk: 2
        }
    }

    public static func < (lhs: Attention, rhs: Attention) -> Bool { lhs.rank < rhs.rank }
}

/// The order of a report's mentorships.
public enum ReportSort: String, Sendable, Hashable, CaseIterable {
    /// At-risk first, then watch, then ok; within each, the longest overdue first, then by id.
    case attention
    /// By id.
    case name
}
