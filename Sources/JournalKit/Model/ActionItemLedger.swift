/// One action item as the journal knows it across entries: the contract's "one item, many
/// entries", decided here for the report, the lint rules and `journal new session`.
public struct TrackedActionItem: Sendable, Equatable {
    /// The latest occurrence (by entry date, then path, then line), with the due date it
    /// carries or, when it gives none, the most recent earlier one's.
    public var item: ActionItem
    /// The date of the first entry the item appeared in.
    public var firstSeen: CalendarDate?
    /// How many entries (and places) it appears in.
    public var occurrences: Int
    /// Whether every entry it appears in is private.
    public var isPrivate: Bool

    /// Whether it still waits to be done: its latest occurrence's mark decides.
    public var isOpen: Bool { item.isOpen }
}

/// Folds the action items of entries into one item per identity.
public enum ActionItemLedger {
    /// The items of `entries` written on or before `today` (all of them when nil), one per
    /// identity, in the order of their first occurrence. A meeting written ahead is the meeting
    /// ahead, but what its notes tick has not happened yet.
    /// With `agreement`, an owner named by role, handle or first name is one person.
    public static func fold(_ entries: [Entry], asOf today: CalendarDate?, agreement: Agreement?)
        -> [TrackedActionItem]
    {
        let dated =
            entries
            .filter { entry in
                guard !entry.actionItems.isEmpty else { return false }
                guard let today, let date = entry.date else { return true }
                return date <= today
            }
            .sorted { ($0.date?.dayNumber ?? Int.min, $0.path) < ($1.date?.dayNumber ?? Int.min, $1.path) }
        var position: [String: Int] = [:]
        var tracked: [TrackedActionItem] = []
        // Owners repeat across items: each name is turned into its person once.
        var people: [String: String] = [:]
        func person(_ owner: String?) -> String? {
            guard let owner, let agreement else { return owner }
            if let known = people[owner] { return known }
            let side = agreement.side(owner) ?? owner
            people[owner] = side
            return side
        }
        for entry in dated {
            // The reader gives an entry's items in document order.
            for item in entry.actionItems {
                let key = item.identity(ownedBy: person(item.owner))
                if let index = position[key] {
                    // In place: a copy of the element per occurrence would cost the square of
                    // an item copied into many entries.
                    let due = tracked[index].item.due
                    tracked[index].item = item
                    if item.due == nil { tracked[index].item.due = due }
                    tracked[index].occurrences += 1
                    tracked[index].isPrivate = tracked[index].isPrivate && entry.isPrivate
                } else {
                    position[key] = tracked.count
                    tracked.append(
                        TrackedActionItem(
                            item: item, firstSeen: entry.date, occurrences: 1, isPrivate: entry.isPrivate
                        ))
                }
            }
        }
        return tracked
    }
}
