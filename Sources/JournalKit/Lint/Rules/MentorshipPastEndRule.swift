/// `mentorship/past-end`: an active agreement's `ends` date has passed.
enum MentorshipPastEndRule: LintRule {
    public static let description = RuleDescription(
        id: "mentorship/past-end", summary: "An active agreement's `ends` date has passed.",
        severity: .warning,
        rationale: "The agreed end is the moment to close well (evaluations, a last reflection) or to agree "
            + "to go on: set `status: completed`, or move `ends`.",
        triggering: [
            RuleExample([
                "agreement.md": RuleExample.agreement.replacingOccurrences(
                    of: "cadence:", with: "ends: ↓2026-11-24\ncadence:")
            ])
        ],
        nonTriggering: [
            RuleExample([
                "agreement.md": RuleExample.agreement.replacingOccurrences(
                    of: "cadence:", with: "ends: 2026-11-25\ncadence:")
            ]),
            RuleExample([
                "agreement.md": RuleExample.agreement.replacingOccurrences(
                    of: "cadence:", with: "status: completed\nends: 2026-11-24\ncadence:")
            ]),
        ])

    public static func check(_ context: LintContext) -> [Diagnostic] {
        context.journal.mentorships.compactMap { mentorship in
            let agreement = mentorship.agreement
            guard agreement.status == .active, let entry = mentorship.agreementEntry,
                let ends = agreement.ends,
                ends < context.today
            else { return nil }
            return diagnostic(
                entry.path, entry.valuePosition("ends"),
                "the mentorship was agreed to end on \(ends) and is still `active`; set `status: completed` "
                    + "(and write the evaluations), or move `ends` if you go on")
        }
    }
}
