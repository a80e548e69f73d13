/// `action/no-owner`: an open action item that names nobody.
enum ActionNoOwnerRule: LintRule {
    public static let description = RuleDescription(
        id: "action/no-owner",
        summary: "An open action item names no owner (`@handle`, `@mentor`, `@mentee`).",
        severity: .warning,
        rationale:
            "An action point without an owner is everybody's and so nobody's; name who follows through.",
        triggering: [
            RuleExample([
                "sessions/2026-11-20.md": "---\ndate: 2026-11-20\n---\n↓- [ ] book a room (due 2026-12-01)\n"
            ])
        ],
        nonTriggering: [
            RuleExample([
                "sessions/2026-11-20.md":
                    "---\ndate: 2026-11-20\n---\n- [ ] @mentee book a room\n- [x] tidy the notes\n"
            ])
        ])

    public static func check(_ context: LintContext) -> [Diagnostic] {
        context.journal.mentorships.flatMap { mentorship in
            (context.actionItems[mentorship.path] ?? []).compactMap { tracked in
                let item = tracked.item
                guard tracked.isOpen, item.owner == nil else { return nil }
                return diagnostic(
                    item.path, SourcePosition(line: item.line, column: item.column),
                    "the action item “\(item.text)” names no owner; add @mentor, @mentee or a @handle")
            }
        }
    }
}
