/// `milestone/after-target`: a milestone due after its goal's target.
enum MilestoneAfterTargetRule: LintRule {
    public static let description = RuleDescription(
        id: "milestone/after-target", summary: "A milestone is due after its goal's target date.",
        severity: .warning,
        rationale: "Either the milestone or the target is wrong; a plan that ends after its own deadline is "
            + "worth revisiting together.",
        triggering: [
            RuleExample([
                "goals/speaking.md":
                    "---\ntitle: Speak\ntarget: 2027-03-01\nmeasure: A talk\nmilestones:\n"
                    + "  - title: Rehearse\n    due: ↓2027-04-01\n---\n"
            ])
        ],
        nonTriggering: [
            RuleExample([
                "goals/speaking.md":
                    "---\ntitle: Speak\ntarget: 2027-03-01\nmeasure: A talk\nmilestones:\n"
                    + "  - title: Rehearse\n    due: 2027-02-01\n---\n"
            ])
        ])

    public static func check(_ context: LintContext) -> [Diagnostic] {
        context.journal.mentorships.flatMap(\.goals).flatMap { entry -> [Diagnostic] in
            guard let goal = entry.goal, let target = goal.target else { return [] }
            return goal.milestones.compactMap { milestone in
                guard let due = milestone.due, due > target else { return nil }
                return diagnostic(
                    entry.path, milestone.duePosition,
                    "the milestone “\(milestone.title)” is due \(due), after the goal's target \(target)")
            }
        }
    }
}
