import Foundation

/// What a rule may look at.
public struct LintContext: Sendable {
    /// The journal, parsed.
    public var journal: Journal
    /// The date overdue things are measured against.
    public var today: CalendarDate
    /// Whether git tracks a path relative to the journal root.
    public var isTracked: @Sendable (String) -> Bool
    /// Diagnostics found while reading, by rule id.
    public var readingDiagnostics: [String: [Diagnostic]]

    /// A context over a journal.
    public init(
        journal: Journal, today: CalendarDate,
        isTracked: @escaping @Sendable (String) -> Bool = { _ in false }
    ) {
        self.journal = journal
        self.today = today
        self.isTracked = isTracked
        self.readingDiagnostics = Dictionary(grouping: journal.allDiagnostics, by: \.rule)
    }
}
