/// `goal/unknown`: a goal reference that names no goal of the mentorship.
public enum GoalUnknownRule: LintRule {
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

/// `goal/duplicate-id`: two goals share an id.
public enum GoalDuplicateIdRule: LintRule {
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

/// `goal/no-measure`: an active goal without a measure of success.
public enum GoalNoMeasureRule: LintRule {
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

/// `goal/no-target`: an active goal without a target date.
public enum GoalNoTargetRule: LintRule {
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

/// `milestone/after-target`: a milestone due after its goal's target.
public enum MilestoneAfterTargetRule: LintRule {
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

/// `milestone/overdue`: an undone milestone of an active goal past its due date.
public enum MilestoneOverdueRule: LintRule {
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
            ])
        ])

    public static func check(_ context: LintContext) -> [Diagnostic] {
        activeGoals(context).flatMap { entry, goal in
            goal.milestones.compactMap { milestone in
                guard !milestone.done, let due = milestone.due, due < context.today else { return nil }
                return diagnostic(
                    entry.path, milestone.duePosition,
                    "the milestone “\(milestone.title)” was due \(due) (\(due.days(to: context.today)) days ago)"
                )
            }
        }
    }
}

/// The active goals of every mentorship, with their entries.
func activeGoals(_ context: LintContext) -> [(Entry, Goal)] {
    context.journal.mentorships.flatMap(\.goals).compactMap { entry in
        guard let goal = entry.goal, goal.status == "active" else { return nil }
        return (entry, goal)
    }
}
