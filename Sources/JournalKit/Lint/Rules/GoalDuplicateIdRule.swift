/// `goal/duplicate-id`: two goals share an id.
enum GoalDuplicateIdRule: LintRule {
    public static let description = RuleDescription(
        id: "goal/duplicate-id", summary: "Two goals share an id.", severity: .error,
        rationale:
            "Sessions and reflections name goals by id; with two goals behind one id, progress would be "
            + "credited to the wrong one.",
        triggering: [
            RuleExample([
                "goals/patch.md": "↓---\ntitle: Land a first patch\n---\n",
                "goals/patch-again.md": "---\nid: ↓patch\ntitle: Another patch\n---\n",
            ])
        ],
        nonTriggering: [RuleExample(["goals/patch.md": "---\ntitle: Land a first patch\n---\n"])])

    public static func check(_ context: LintContext) -> [Diagnostic] {
        context.journal.mentorships.flatMap { mentorship -> [Diagnostic] in
            let goals = mentorship.goals.compactMap { entry in entry.goal.map { (entry, $0) } }
            let byId = Dictionary(grouping: goals, by: { $0.1.id })
            return goals.compactMap { entry, goal in
                let others = (byId[goal.id] ?? []).map(\.0.path).filter { $0 != entry.path }
                guard !others.isEmpty else { return nil }
                return diagnostic(
                    entry.path, goal.idPosition,
                    "the goal id `\(goal.id)` is also used by \(others.joined(separator: ", ")); "
                        + "give each goal its own id")
            }
        }
    }
}
