import Foundation

/// `agreement/review-due`: the agreement's review date has passed.
enum AgreementReviewDueRule: LintRule {
    public static let description = RuleDescription(
        id: "agreement/review-due", summary: "The agreement's `review` date has passed.", severity: .warning,
        rationale:
            "Goals, cadence and expectations change; revisit the agreement together, then set the next "
            + "review date.",
        triggering: [
            RuleExample([
                "agreement.md": RuleExample.agreement.replacingOccurrences(
                    of: "cadence:", with: "review: ↓2026-11-24\ncadence:")
            ])
        ],
        nonTriggering: [
            RuleExample([
                "agreement.md": RuleExample.agreement.replacingOccurrences(
                    of: "cadence:", with: "review: 2026-11-25\ncadence:")
            ])
        ])

    public static func check(_ context: LintContext) -> [Diagnostic] {
        context.journal.mentorships.compactMap { mentorship in
            guard let entry = mentorship.agreementEntry, let review = mentorship.agreement.review,
                review < context.today,
                [.active, .paused, .proposed].contains(mentorship.agreement.status)
            else { return nil }
            return diagnostic(
                entry.path, entry.valuePosition("review"),
                "the agreement was due for review on \(review); revisit it together and set the next date")
        }
    }
}
