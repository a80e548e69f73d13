/// `goal/unknown`: a goal reference that names no goal of the mentorship.
enum GoalUnknownRule: LintRule {
    public static let description = RuleDescription(
        id: "goal/unknown", summary: "A goal reference names no goal of the mentorship.", severity: .error,
        rationale: "A session or reflection that names a goal that does not exist counts for no goal, so the "
            + "goal looks idle in the report. Usually a typo: the message suggests the closest id.",
        triggering: [
            RuleExample([
                "goals/first-patch.md": "---\ntitle: Land a first patch\n---\n",
                "sessions/2026-11-20.md": "---\ndate: 2026-11-20\ngoals: [↓first-pach]\n---\n",
            ])
        ],
        nonTriggering: [
            RuleExample([
                "goals/first-patch.md": "---\ntitle: Land a first patch\n---\n",
                "sessions/2026-11-20.md": "---\ndate: 2026-11-20\ngoals: [first-patch]\n---\n",
            ])
        ])

    public static func check(_ context: LintContext) -> [Diagnostic] {
        context.journal.mentorships.flatMap { mentorship -> [Diagnostic] in
            let known = Set(mentorship.goals.compactMap { $0.goal?.id })
            let sortedKnown = known.sorted()
            // A goal file holding conflict markers may be the one named: nothing is said about
            // references until it is resolved.
            guard !mentorship.goals.contains(where: \.hasConflictMarkers) else { return [] }
            return mentorship.entries.flatMap { entry in
                entry.goalReferences.filter { !known.contains($0.id) }.map { reference in
                    var message = "no goal `\(reference.id)` in this mentorship"
                    if let suggestion = EditDistance.closest(to: reference.id, among: sortedKnown, within: 2)
                    {
                        message += "; did you mean `\(suggestion)`?"
                    } else if !sortedKnown.isEmpty {
                        message += " (its goals: \(sortedKnown.joined(separator: ", ")))"
                    }
                    return diagnostic(entry.path, reference.position, message)
                }
            }
        }
    }
}
