/// `goal/no-measure`: an active goal without a measure of success.
enum GoalNoMeasureRule: LintRule {
    public static let description = RuleDescription(
        id: "goal/no-measure", summary: "An active goal has no `measure` (how success is recognised).",
        severity: .warning,
        rationale: "A goal without a measure cannot be finished: agreeing how you will know it is reached is "
            + "part of setting it.",
        triggering: [
            RuleExample(["goals/speaking.md": "↓---\ntitle: Speak at a conference\ntarget: 2027-03-01\n---\n"]
            )
        ],
        nonTriggering: [
            RuleExample([
                "goals/speaking.md":
                    "---\ntitle: Speak at a conference\ntarget: 2027-03-01\nmeasure: A talk accepted\n---\n",
                "goals/old.md": "---\ntitle: Old idea\nstatus: dropped\n---\n",
            ])
        ])

    public static func check(_ context: LintContext) -> [Diagnostic] {
        activeGoals(context).compactMap { entry, goal in
            goal.measure == nil
                ? diagnostic(
                    entry.path, .fileStart,
                    "the active goal `\(goal.id)` has no `measure`: how will you know it is reached?")
                : nil
        }
    }
}
