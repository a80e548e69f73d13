/// `field/unknown`: a key that looks like a misspelt known key.
enum FieldUnknownRule: ReadingRule {
    public static let description = RuleDescription(
        id: "field/unknown", summary: "An unknown key is within two edits of a known one (a likely typo).",
        severity: .warning,
        rationale: "A misspelt key is ignored, so the agenda or the goals it was meant to record disappear. "
            + "Keys far from every known key are left alone: they are your own additions. `--fix` renames it.",
        triggering: [
            RuleExample(["sessions/2026-11-20.md": "---\ndate: 2026-11-20\n↓agneda: [Plan]\n---\n"])
        ],
        nonTriggering: [
            RuleExample(["sessions/2026-11-20.md": "---\ndate: 2026-11-20\nagenda: [Plan]\nmood: calm\n---\n"]
            )
        ],
        fix:
            "renames the key to the known key it is one or two edits away from (`agneda` to `agenda`), on its own line and column, unless that key is already there or the rename would bring a new problem."
    )
}
