/// `action/due-unreadable`: a due phrase that is not a calendar date.
enum ActionDueUnreadableRule: ReadingRule {
    public static let description = RuleDescription(
        id: "action/due-unreadable", summary: "A due phrase that is not a calendar date (`due tomorrow`).",
        severity: .warning,
        rationale: "“Tomorrow” and “Friday” change meaning the day after they are written; the item would "
            + "never be overdue. Write the day itself: `(due 2026-11-27)`.",
        triggering: [
            RuleExample([
                "sessions/2026-11-20.md":
                    "---\ndate: 2026-11-20\n---\n↓- [ ] @mentee send the draft due tomorrow\n"
            ])
        ],
        nonTriggering: [
            RuleExample([
                "sessions/2026-11-20.md":
                    "---\ndate: 2026-11-20\n---\n- [ ] @mentee send the draft due 2026-11-21\n"
                    + "- [ ] @mentor say what is due to change [due:: 2026-11-27]\n"
            ])
        ])
}
