/// `merge/conflict-markers`: a merge left unresolved.
public enum MergeConflictMarkersRule: ReadingRule {
    public static let description = RuleDescription(
        id: "merge/conflict-markers", summary: "Unresolved `<<<<<<<` / `>>>>>>>` lines from a merge.",
        severity: .error,
        rationale:
            "When both of you changed the same lines, `journal sync` writes both versions between these "
            + "markers. Keep the words you want, delete the marker lines, and sync again.",
        triggering: [
            RuleExample([
                "sessions/2026-11-20.md":
                    "---\ndate: 2026-11-20\n---\n↓<<<<<<< mine\nWe agreed on Tuesday.\n=======\n"
                    + "We agreed on Thursday.\n↓>>>>>>> theirs\n"
            ])
        ],
        nonTriggering: [
            RuleExample(["sessions/2026-11-20.md": "---\ndate: 2026-11-20\n---\nWe agreed on Thursday.\n"])
        ]
    )
}
