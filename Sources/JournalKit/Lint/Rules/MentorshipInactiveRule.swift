import Foundation

/// `mentorship/inactive`: an active mentorship with nothing written for 90 days.
enum MentorshipInactiveRule: LintRule {
    public static let description = RuleDescription(
        id: "mentorship/inactive",
        summary: "An active mentorship has no entry dated, and did not start, in the last 90 days.",
        severity: .warning,
        rationale: "Three quiet months usually mean the mentorship has ended or paused without anyone saying "
            + "so; set its status, or pick it up again.",
        triggering: [
            RuleExample([
                "agreement.md": RuleExample.agreement.replacingOccurrences(
                    of: "2026-11-20", with: "2026-01-10"
                )
                .replacingOccurrences(of: "---\nmentor", with: "↓---\nmentor"),
                "sessions/2026-02-01.md": "---\ndate: 2026-02-01\n---\n",
            ])
        ],
        nonTriggering: [
            RuleExample([
                "agreement.md": RuleExample.agreement.replacingOccurrences(
                    of: "2026-11-20", with: "2026-01-10"),
                "reflections/2026-10-01.md": "---\ndate: 2026-10-01\n---\n",
            ])
        ])

    public static func check(_ context: LintContext) -> [Diagnostic] {
        context.journal.mentorships.compactMap { mentorship in
            guard mentorship.agreement.status == .active, let entry = mentorship.agreementEntry else {
                return nil
            }
            var latest = mentorship.agreement.started
            for other in mentorship.entries {
                for date in [other.date, other.goal?.created].compactMap({ $0 }) where date <= context.today {
                    if latest.map({ $0 < date }) ?? true { latest = date }
                }
            }
            guard let latest, latest.days(to: context.today) > 90 else { return nil }
            return diagnostic(
                entry.path, .fileStart,
                "nothing written since \(latest) (\(latest.days(to: context.today)) days); "
                    + "if the mentorship has paused or ended, say so in `status`")
        }
    }
}
