import Foundation

/// `agreement/incomplete`: the agreement does not say how long or how the pair meets.
enum AgreementIncompleteRule: LintRule {
    public static let description = RuleDescription(
        id: "agreement/incomplete", summary: "The agreement lacks `duration` or `channel`.",
        severity: .warning,
        rationale:
            "Agreeing early how long meetings last and how you talk between them avoids the most common "
            + "misunderstandings of a mentorship.",
        triggering: [
            RuleExample([
                "agreement.md":
                    "↓---\nmentor: Grace Hopper <grace@example.org>\nmentee: Ada Lovelace <ada@example.org>\n"
                    + "started: 2026-11-20\ncadence: biweekly\n---\n"
            ])
        ],
        nonTriggering: [RuleExample(["agreement.md": RuleExample.agreement])])

    public static func check(_ context: LintContext) -> [Diagnostic] {
        context.journal.mentorships.compactMap { mentorship in
            guard let entry = mentorship.agreementEntry, entry.agreement != nil else { return nil }
            let missing = ["duration", "channel"].filter { entry.fields[$0] == nil }
            guard !missing.isEmpty else { return nil }
            let keys = missing.map { "`\($0)`" }.joined(separator: " and ")
            return diagnostic(
                entry.path, .fileStart,
                "the agreement does not say \(keys): agree how long you meet and how you keep in touch")
        }
    }
}
