/// `field/invalid`: a value of the wrong type or form.
enum FieldInvalidRule: ReadingRule {
    public static let description = RuleDescription(
        id: "field/invalid",
        summary: "A value has the wrong type or form (date, status, duration, cadence, person).",
        severity: .error,
        rationale: "A date that does not exist, a misspelt status or an unreadable duration would be ignored "
            + "silently; the report would then be wrong without saying so.",
        triggering: [
            RuleExample(["sessions/2026-11-20.md": "---\ndate: ↓2026-02-30\nstatus: ↓postponed\n---\n"])
        ],
        nonTriggering: [
            RuleExample(["sessions/2026-11-20.md": "---\ndate: 2026-11-20\nstatus: cancelled\n---\n"])
        ])
}
