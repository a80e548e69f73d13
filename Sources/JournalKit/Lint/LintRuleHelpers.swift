import Foundation

/// The active goals of every mentorship, with their entries.
func activeGoals(_ context: LintContext) -> [(Entry, Goal)] {
    context.journal.mentorships.flatMap(\.goals).compactMap { entry in
        guard let goal = entry.goal, goal.status == .active else { return nil }
        return (entry, goal)
    }
}
