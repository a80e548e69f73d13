/// "Today" as an as-of date (format.md, "A mentorship's life and today"): what an entry is on
/// a given day. Every fact of the report and every rule that measures time asks here.
extension Entry {
    /// Whether the entry is a meeting agreed but not yet held on `today`: `status: planned`, or
    /// a session dated after today that was neither cancelled nor moved.
    public func isPlannedSession(asOf today: CalendarDate) -> Bool {
        guard let session else { return false }
        switch session.status {
        case .planned: return true
        case .held: return date.map { $0 > today } ?? false
        case .cancelled, .rescheduled: return false
        }
    }

    /// Whether the entry is a meeting held on or before `today`.
    public func isHeldSession(asOf today: CalendarDate) -> Bool {
        guard let session, session.status == .held, let date else { return false }
        return date <= today
    }

    /// Whether the entry is a fact on `today`: undated, dated on or before it, or the meeting
    /// ahead. A reflection or a cancellation dated later has not happened yet.
    public func isFact(asOf today: CalendarDate) -> Bool {
        guard let date else { return true }
        return date <= today || isPlannedSession(asOf: today)
    }
}
