/// `action/unknown-status`: a task mark other than space, x, X, /, - or >.
enum ActionUnknownStatusRule: ReadingRule {
    public static let description = RuleDescription(
        id: "action/unknown-status", summary: "A task mark other than `[ ]`, `[/]`, `[x]`, `[-]` or `[>]`.",
        severity: .warning,
        rationale: "journal counts an item with a mark it does not know as open, so it keeps coming back "
            + "on the agenda. Use `[ ]` open, `[/]` in progress, `[x]` done, `[-]` cancelled or `[>]` "
            + "moved to a later entry.",
        triggering: [
            RuleExample([
                "sessions/2026-11-20.md": "---\ndate: 2026-11-20\n---\n↓- [?] @mentee ask about the budget\n"
            ])
        ],
        nonTriggering: [
            RuleExample([
                "sessions/2026-11-20.md":
                    "---\ndate: 2026-11-20\n---\n- [/] @mentee draft the plan\n- [-] @mentor book a room\n"
                    + "- [>] @mentee ask about the budget\n"
            ])
        ])
}
