import Foundation

/// `evaluation/missing`: a completed mentorship without an evaluation from each party.
enum EvaluationMissingRule: LintRule {
    public static let description = RuleDescription(
        id: "evaluation/missing", summary: "A completed mentorship lacks an evaluation from a party.",
        severity: .info,
        rationale:
            "Closing well means both of you look back: what you set out to do, what happened, what you "
            + "learned, and what comes next.",
        triggering: [
            RuleExample([
                "agreement.md": RuleExample.agreement.replacingOccurrences(
                    of: "cadence:", with: "status: ↓completed\ncadence:"),
                "evaluations/ada.md": "---\nauthor: mentee\ndate: 2026-11-24\n---\n",
            ])
        ],
        nonTriggering: [
            RuleExample([
                "agreement.md": RuleExample.agreement.replacingOccurrences(
                    of: "cadence:", with: "status: completed\ncadence:"),
                "evaluations/ada.md": "---\nauthor: mentee\ndate: 2026-11-24\n---\n",
                "evaluations/grace.md": "---\nauthor: grace\ndate: 2026-11-24\n---\n",
            ])
        ])

    public static func check(_ context: LintContext) -> [Diagnostic] {
        context.journal.mentorships.flatMap { mentorship -> [Diagnostic] in
            let agreement = mentorship.agreement
            guard agreement.status == .completed, let entry = mentorship.agreementEntry else { return [] }
            let authors = Set(
                mentorship.evaluations.compactMap { evaluation -> String? in
                    guard case .evaluation(let value) = evaluation.content else { return nil }
                    return value.author?.lowercased()
                })
            var result: [Diagnostic] = []
            for (role, person) in [(Role.mentor, agreement.mentor), (Role.mentee, agreement.mentee)] {
                let names = [role.rawValue, person?.handle?.lowercased()].compactMap { $0 }
                if authors.isDisjoint(with: names) {
                    // The file `journal new evaluation` writes for that person.
                    result.append(
                        diagnostic(
                            entry.path, entry.valuePosition("status"),
                            "the mentorship is completed but the \(role.rawValue) has not written an evaluation: "
                                + "`journal new evaluation` writes evaluations/\(role.rawValue).md"))
                }
            }
            return result
        }
    }
}
