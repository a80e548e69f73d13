/// `private/tracked`: a private entry that git tracks.
public enum PrivateTrackedRule: LintRule {
    public static let description = RuleDescription(
        id: "private/tracked", summary: "A private entry is tracked by git.", severity: .error,
        rationale:
            "A private reflection is meant to stay on its author's machine; once tracked, the next push "
            + "shares it. Stop tracking it with `git rm --cached PATH` (the file stays on disk).",
        triggering: [
            RuleExample(
                ["reflections/2026-11-20.md": "↓---\ndate: 2026-11-20\nprivate: true\n---\n"],
                tracked: ["reflections/2026-11-20.md"])
        ],
        nonTriggering: [
            RuleExample(["reflections/2026-11-20.md": "---\ndate: 2026-11-20\nprivate: true\n---\n"])
        ])

    public static func check(_ context: LintContext) -> [Diagnostic] {
        context.journal.mentorships.flatMap(\.entries).compactMap { entry in
            guard entry.isPrivate, context.isTracked(entry.path) else { return nil }
            if let reason = entry.privacy.reason {
                return diagnostic(
                    entry.path, .fileStart,
                    "git tracks this entry, but whether it is private is unclear (\(reason)); "
                        + "journal commits none of its changes until it is decided")
            }
            return diagnostic(
                entry.path, .fileStart,
                "this private entry is tracked by git and would be shared; run `git rm --cached \(entry.path)`"
            )
        }
    }
}
