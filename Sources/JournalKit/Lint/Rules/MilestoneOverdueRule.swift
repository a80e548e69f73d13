/// `milestone/overdue`: an undone milestone of an active goal past its due date.
enum MilestoneOverdueRule: LintRule {
    public static let description = RuleDescription(
        id: "milestone/overdue", summary: "An undone milestone of an active goal is past its due date.",
        severity: .warning,
        rationale:
            "A missed milestone is a conversation to have, not a failure: re-plan it, split it, or mark "
            + "it done if it is.",
        triggering: [
            RuleExample([
                "goals/speaking.md":
                    "---\ntitle: Speak\ntarget: 2027-03-01\nmeasure: A talk\nmilestones:\n"
                    + "  - title: Outline\n    due: ↓2026-11-20\n---\n"
            ])
        ],
        nonTriggering: [
            RuleExample([
                "goals/speaking.md":
                    "---\ntitle: Speak\ntarget: 2027-03-01\nmeasure: A talk\nmilestones:\n"
                    + "  - title: Outline\n    due: 2026-11-20\n    done: 2026-11-19\n"
                    + "  - title: Rehearse\n    due: 2026-11-25\n---\n"
            ]),
            RuleExample([
                "agreement.md": RuleExample.agreement.replacingOccurrences(
                    of: "cadence:", with: "status: completed\ncadence:"),
                "goals/speaking.md":
                    "---\ntitle: Speak\ntarget: 2027-03-01\nmeasure: A talk\nmilestones:\n"
                    + "  - title: Outline\n    due: 2026-11-20\n---\n",
            ]),
        ])

    public static func check(_ context: LintContext) -> [Diagnostic] {
        // A mentorship that is over has nothing overdue: what was not done was left open.
        context.journal.mentorships.filter { !$0.agreement.status.isOver }.flatMap(\.goals).flatMap { entry in
            guard let goal = entry.goal, goal.status == .active else { return [Diagnostic]() }
            return goal.milestones.compactMap { milestone in
                guard !milestone.done, let due = milestone.due, due < context.today else { return nil }
                return diagnostic(
                    entry.path, milestone.duePosition,
                    "the milestone “\(milestone.title)” was due \(due) (\(DayCount.ago(due.days(to: context.today))))"
                )
            }
        }
    }
}
