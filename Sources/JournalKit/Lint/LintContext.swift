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
    /// Each mentorship's action items as of `today`, one per item across entries (by the
    /// mentorship's path): folded once for every rule that asks.
    public var actionItems: [String: [TrackedActionItem]]

    /// A context over a journal.
    public init(
        journal: Journal, today: CalendarDate,
        isTracked: @escaping @Sendable (String) -> Bool = { _ in false }
    ) {
        self.journal = journal
        self.today = today
        self.isTracked = isTracked
        self.readingDiagnostics = Dictionary(grouping: journal.allDiagnostics, by: \.rule)
        var items: [String: [TrackedActionItem]] = [:]
        for mentorship in journal.mentorships {
            items[mentorship.path] = ActionItemLedger.fold(
                mentorship.entries, asOf: today, agreement: mentorship.agreement)
        }
        self.actionItems = items
    }
}
