import Foundation

/// `session/cadence`: the pair is not meeting as often as agreed.
enum SessionCadenceRule: LintRule {
    public static let description = RuleDescription(
        id: "session/cadence",
        summary:
            "A gap between held sessions, or since the last one, exceeds the cadence by half of it, with no meeting agreed ahead.",
        severity: .warning,
        rationale:
            "Regular meetings are what keep a mentorship alive. A gap of one and a half times the agreed "
            + "cadence is the moment to schedule the next session, or to agree a new cadence.",
        triggering: [
            RuleExample([
                "sessions/2026-10-01.md": "---\ndate: 2026-10-01\n---\n",
                "sessions/2026-11-03.md": "---\ndate: ↓2026-11-03\n---\n",
            ])
        ],
        nonTriggering: [
            RuleExample([
                "sessions/2026-11-03.md": "---\ndate: 2026-11-03\n---\n",
                "sessions/2026-11-17.md": "---\ndate: 2026-11-17\n---\n",
                "sessions/2026-11-24.md": "---\ndate: 2026-11-24\nstatus: cancelled\n---\n",
            ]),
            RuleExample([
                "sessions/2026-10-12.md": "---\ndate: 2026-10-12\nnext: 2026-12-01\n---\n"
            ]),
        ])

    public static func check(_ context: LintContext) -> [Diagnostic] {
        context.journal.mentorships.flatMap { mentorship -> [Diagnostic] in
            let agreement = mentorship.agreement
            guard agreement.status == .active, let cadence = agreement.cadence,
                let agreementEntry = mentorship.agreementEntry
            else { return [] }
            let held = mentorship.sessions.filter { entry in
                entry.session?.isHeld == true && entry.date.map { $0 <= context.today } == true
            }.sorted { ($0.date?.dayNumber ?? 0, $0.path) < ($1.date?.dayNumber ?? 0, $1.path) }
            var result: [Diagnostic] = []
            for (earlier, later) in zip(held, held.dropFirst()) {
                guard let from = earlier.date, let to = later.date, cadence.isTooLong(gap: from.days(to: to))
                else {
                    continue
                }
                result.append(
                    diagnostic(
                        later.path, later.valuePosition("date"),
                        "\(from.days(to: to)) days between the sessions of \(from) and \(to); "
                            + "the cadence is \(cadence) (\(cadence.days) days)"))
            }
            // A meeting agreed for today or later (a planned session, a `next:` date): the pair
            // has already done what this warning would ask.
            let ahead = ReportBuilder.meetingAhead(
                mentorship.entries.filter { !$0.hasConflictMarkers }, cadence: cadence, today: context.today)
            if let ahead, ahead.source != .cadence, ahead.date >= context.today { return result }
            if let last = held.last, let date = last.date {
                let gap = date.days(to: context.today)
                if cadence.isTooLong(gap: gap) {
                    result.append(
                        diagnostic(
                            last.path, last.valuePosition("date"),
                            "\(gap) days since the last session (\(date)); the cadence is \(cadence): "
                                + "time to meet, or to agree a new cadence"))
                }
            } else if let started = agreement.started, cadence.isTooLong(gap: started.days(to: context.today))
            {
                result.append(
                    diagnostic(
                        agreementEntry.path, agreementEntry.valuePosition("started"),
                        "no session held in the \(started.days(to: context.today)) days since the mentorship "
                            + "started; the cadence is \(cadence)"))
            }
            return result
        }
    }
}
