/// `session/unrecorded`: a planned session's date has passed and it is still planned.
enum SessionUnrecordedRule: LintRule {
    public static let description = RuleDescription(
        id: "session/unrecorded", summary: "A planned session's date has passed and it is still `planned`.",
        severity: .warning,
        rationale: "A meeting written ahead of time is the meeting ahead until its day; after it, say what "
            + "happened: `status: held` with the notes, or `cancelled`, or `rescheduled` with `next:`.",
        triggering: [
            RuleExample(["sessions/2026-11-20.md": "---\ndate: 2026-11-20\nstatus: ↓planned\n---\n"])
        ],
        nonTriggering: [
            RuleExample([
                "sessions/2026-11-20.md": "---\ndate: 2026-11-20\nstatus: held\n---\n",
                "sessions/2026-11-25.md": "---\ndate: 2026-11-25\nstatus: planned\n---\n",
            ])
        ])

    public static func check(_ context: LintContext) -> [Diagnostic] {
        context.journal.mentorships.flatMap(\.sessions).compactMap { entry in
            guard entry.session?.status == .planned, let date = entry.date, date < context.today else {
                return nil
            }
            return diagnostic(
                entry.path, entry.valuePosition("status"),
                "the session planned for \(date) is still `planned`; if it took place set `status: held` and "
                    + "add the notes, else `cancelled`, or `rescheduled` with `next:` the new date")
        }
    }
}
