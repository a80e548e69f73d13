/// Checks that need a whole mentorship: goal references and goal ids.
public enum CrossFileChecks {
    /// Diagnostics for unknown goal references and duplicate goal ids in `mentorship`.
    public static func run(_ mentorship: Mentorship) -> [Diagnostic] {
        var result: [Diagnostic] = []
        var seen: [String: String] = [:]
        for entry in mentorship.goals {
            guard let goal = entry.goal else { continue }
            if let first = seen[goal.id] {
                result.append(
                    Diagnostic(
                        rule: "goal/duplicate-id", severity: .error, path: entry.path, at: goal.idPosition,
                        message:
                            "the goal id `\(goal.id)` is already used by \(first); give each goal its own id")
                )
            } else {
                seen[goal.id] = entry.path
            }
        }
        let known = Array(seen.keys).sorted()
        for entry in mentorship.entries {
            for reference in entry.goalReferences where seen[reference.id] == nil {
                var message = "no goal `\(reference.id)` in this mentorship"
                if let suggestion = EditDistance.closest(to: reference.id, among: known, within: 2) {
                    message += "; did you mean `\(suggestion)`?"
                } else if !known.isEmpty {
                    message += " (goals: \(known.joined(separator: ", ")))"
                }
                result.append(
                    Diagnostic(
                        rule: "goal/unknown", severity: .error, path: entry.path, at: reference.position,
                        message: message))
            }
        }
        return result
    }

    /// Every diagnostic of a journal: what reading found plus the cross-file checks.
    public static func diagnostics(of journal: Journal) -> [Diagnostic] {
        Diagnostic.sorted(journal.allDiagnostics + journal.mentorships.flatMap(run))
    }
}
