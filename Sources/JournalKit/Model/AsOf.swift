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

/// "Today" for one run (format.md, "A mentorship's life and today"): `--today`, else
/// `JOURNAL_TODAY`, else the local date, and whether a day was given (a programme report is
/// then read as the repositories stood that day). Resolved here once for every command.
public struct RunDay: Sendable, Equatable {
    public var date: CalendarDate
    /// Whether the day was given (`--today` or `JOURNAL_TODAY`) rather than the clock's.
    public var isGiven: Bool

    public init(date: CalendarDate, isGiven: Bool) {
        self.date = date
        self.isGiven = isGiven
    }

    /// The day, or what is wrong with the one given.
    public static func resolve(option: String?, environment: [String: String]) -> Result<RunDay, RunDayError>
    {
        if let option {
            guard let date = CalendarDate(option) else {
                return .failure(RunDayError(message: "--today wants a real date YYYY-MM-DD, not `\(option)`"))
            }
            return .success(RunDay(date: date, isGiven: true))
        }
        if let variable = environment["JOURNAL_TODAY"], !variable.isEmpty {
            guard let date = CalendarDate(variable) else {
                return .failure(
                    RunDayError(message: "JOURNAL_TODAY wants a real date YYYY-MM-DD, not `\(variable)`"))
            }
            return .success(RunDay(date: date, isGiven: true))
        }
        return .success(RunDay(date: CalendarDate.today(), isGiven: false))
    }
}

/// A day given that is no calendar date.
public struct RunDayError: Error, Sendable, Equatable {
    public var message: String
}
