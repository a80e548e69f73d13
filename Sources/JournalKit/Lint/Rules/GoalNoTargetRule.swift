/// `goal/no-target`: an active goal without a target date.
enum GoalNoTargetRule: LintRule {
    public static let description = RuleDescription(
        id: "goal/no-target", summary: "An active goal has no `target` date.", severity: .warning,
        rationale:
            "Realistic timelines keep a goal moving; without a target it can drift for months unnoticed.",
        triggering: [
            RuleExample([
                "goals/speaking.md": "↓---\ntitle: Speak at a conference\nmeasure: A talk accepted\n---\n"
            ])
        ],
        nonTriggering: [
            RuleExample([
                "goals/speaking.md":
                    "---\ntitle: Speak at a conference\ntarget: 2027-03-01\nmeasure: A talk accepted\n---\n"
            ])
        ])

    public static func check(_ context: LintContext) -> [Diagnostic] {
        activeGoals(context).compactMap { entry, goal in
            goal.target == nil
                ? diagnostic(entry.path, .fileStart, "the active goal `\(goal.id)` has no `target` date")
                : nil
        }
    }
}
