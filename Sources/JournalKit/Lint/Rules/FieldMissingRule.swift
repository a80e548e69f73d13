/// `field/missing`: a required key is absent.
enum FieldMissingRule: ReadingRule {
    public static let description = RuleDescription(
        id: "field/missing", summary: "A required key is absent.", severity: .error,
        rationale: "Required keys carry the facts a report is built from: a session's date, a goal's title, "
            + "the agreement's people and cadence.",
        triggering: [RuleExample(["sessions/2026-11-20.md": "↓---\nduration: 45m\n---\n"])],
        nonTriggering: [
            RuleExample(["sessions/2026-11-20.md": "---\ndate: 2026-11-20\nduration: 45m\n---\n"])
        ],
        fix:
            "adds `date:` to a session or reflection whose file name starts with the date, right after the opening `---`."
    )
}
