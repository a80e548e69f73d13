import Foundation

/// `journal programme report`: the coordinator's view of many pairs, each read from its own
/// repository. Metrics only (the overview of each pair's mentorships, and totals), because that
/// is what a programme promises its pairs; the pairs' own reports only with `--details`.
public struct ProgrammeReport: Sendable {
    /// One pair: where it was read from, and its overview rows (one per mentorship).
    public struct Pair: Sendable, Codable {
        public var pair: ProgrammePair
        public var commit: String?
        public var committedOn: CalendarDate?
        /// Why it could not be read; then it has no rows.
        public var problem: String?
        public var rows: [OverviewRow]
        /// Meetings held in the 30 and 90 days up to today.
        public var sessionsLast30: Int
        public var sessionsLast90: Int
        public var goalsAchieved: Int
        public var evaluations: Int

        /// The most pressing attention of its mentorships (at-risk when it could not be read).
        public var attention: Attention { problem != nil ? .atRisk : rows.map(\.attention).max() ?? .ok }
    }

    /// Sums over pairs: the whole programme (`cohort` nil) or one cohort.
    public struct Totals: Sendable {
        public var cohort: String?
        public var pairs: Int
        public var unreadable: Int
        public var attention: [Attention: Int]
        public var sessionsLast30: Int
        public var sessionsLast90: Int
        public var goalsAchieved: Int
        public var evaluations: Int
    }

    public var today: CalendarDate
    /// Whether each repository was read as it stood on `today` (`--today`), not at its tip.
    public var asOf: Bool
    /// The pairs, the most pressing first.
    public var pairs: [Pair]
    /// The programme's totals, then each cohort's (when cohorts are given).
    public var totals: [Totals]

    /// One pair's facts from its journal as read (nil: it could not be read, with `problem`).
    public static func pair(
        _ programmePair: ProgrammePair, commit: String?, committedOn: CalendarDate?, problem: String?,
        journal: Journal?,
        diagnostics: [Diagnostic], today: CalendarDate
    ) -> Pair {
        var pair = Pair(
            pair: programmePair, commit: commit, committedOn: committedOn, problem: problem,
            rows: [], sessionsLast30: 0, sessionsLast90: 0, goalsAchieved: 0, evaluations: 0)
        guard let journal, problem == nil else { return pair }
        if journal.mentorships.isEmpty {
            pair.problem =
                "no mentorship found (no agreement.md)"
                + (programmePair.folder == nil
                    ? "; is the journal in a folder of the repository? give `folder:`" : "")
        }
        let report = ReportBuilder.build(
            journal.mentorships, diagnostics: diagnostics, options: ReportOptions(today: today))
        pair.rows = report.overview
        for mentorship in journal.mentorships {
            for entry in mentorship.entries where !entry.isPrivate {
                if entry.isHeldSession(asOf: today), let date = entry.date {
                    let days = date.days(to: today)
                    if days < 30 { pair.sessionsLast30 += 1 }
                    if days < 90 { pair.sessionsLast90 += 1 }
                }
                if entry.goal?.status == .achieved { pair.goalsAchieved += 1 }
                if entry.kind == .evaluation { pair.evaluations += 1 }
            }
        }
        return pair
    }

    /// The report of these pairs: the most pressing first, with the totals.
    public static func build(_ pairs: [Pair], today: CalendarDate, asOf: Bool) -> ProgrammeReport {
        var pairs = pairs
        pairs.sort { a, b in
            if a.attention != b.attention { return a.attention > b.attention }
            let (x, y) = (a.rows.map(\.daysOverdue).max() ?? 0, b.rows.map(\.daysOverdue).max() ?? 0)
            if x != y { return x > y }
            return a.pair.displayName < b.pair.displayName
        }
        func totals(_ cohort: String?, _ members: [Pair]) -> Totals {
            var attention: [Attention: Int] = [:]
            for pair in members where pair.problem == nil { attention[pair.attention, default: 0] += 1 }
            return Totals(
                cohort: cohort, pairs: members.count, unreadable: members.filter { $0.problem != nil }.count,
                attention: attention, sessionsLast30: members.map(\.sessionsLast30).reduce(0, +),
                sessionsLast90: members.map(\.sessionsLast90).reduce(0, +),
                goalsAchieved: members.map(\.goalsAchieved).reduce(0, +),
                evaluations: members.map(\.evaluations).reduce(0, +))
        }
        var all = [totals(nil, pairs)]
        let cohorts = Set(pairs.compactMap(\.pair.cohort)).sorted()
        if !cohorts.isEmpty {
            all += cohorts.map { cohort in totals(cohort, pairs.filter { $0.pair.cohort == cohort }) }
            let none = pairs.filter { $0.pair.cohort == nil }
            if !none.isEmpty { all.append(totals("(no cohort)", none)) }
        }
        return ProgrammeReport(today: today, asOf: asOf, pairs: pairs, totals: all)
    }
}
