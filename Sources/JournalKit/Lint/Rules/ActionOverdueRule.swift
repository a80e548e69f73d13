/// `action/overdue`: an open action item past its due date.
enum ActionOverdueRule: LintRule {
    public static let description = RuleDescription(
        id: "action/overdue", summary: "An open action item is past its due date.", severity: .warning,
        rationale: "Following through on action points is what turns meetings into progress; an overdue one "
            + "belongs on the next agenda (tick it when it is done).",
        triggering: [
            RuleExample([
                "sessions/2026-11-20.md":
                    "---\ndate: 2026-11-20\n---\n↓- [ ] @mentee send the draft 📅 2026-11-22\n"
            ])
        ],
        nonTriggering: [
            RuleExample([
                "sessions/2026-11-20.md":
                    "---\ndate: 2026-11-20\n---\n- [x] @mentee send the draft (due 2026-11-22)\n"
                    + "- [ ] @mentor read it due: 2026-11-25\n"
            ]),
            RuleExample([
                "sessions/2026-11-10.md":
                    "---\ndate: 2026-11-10\n---\n- [ ] @mentee send the draft (due 2026-11-12)\n",
                "sessions/2026-11-20.md":
                    "---\ndate: 2026-11-20\n---\n- [x] @mentee Send the  draft (due 2026-11-12)\n",
            ]),
        ])

    public static func check(_ context: LintContext) -> [Diagnostic] {
        // One item across entries (a copy in later notes is the same item): only its latest
        // occurrence is flagged. A completed or ended pair leaves its items open, not overdue.
        context.journal.mentorships.flatMap { mentorship -> [Diagnostic] in
            guard !mentorship.agreement.status.isOver else { return [] }
            return (context.actionItems[mentorship.path] ?? []).compactMap { tracked in
                let item = tracked.item
                guard tracked.isOpen, let due = item.due, due < context.today else { return nil }
                return diagnostic(
                    item.path, SourcePosition(line: item.line, column: item.column),
                    "the action item “\(item.text)” was due \(due) (\(DayCount.ago(due.days(to: context.today))))"
                )
            }
        }
    }
}
