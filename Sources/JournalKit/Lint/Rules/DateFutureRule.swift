/// `date/future`: a reflection or evaluation, or a held session, dated after today.
enum DateFutureRule: LintRule {
    public static let description = RuleDescription(
        id: "date/future", summary: "A reflection or evaluation, or a held session, is dated after today.",
        severity: .warning,
        rationale: "What is dated after today is not yet a fact: the report leaves it out until that day. "
            + "It is usually a mistyped date; a meeting ahead is `status: planned`.",
        triggering: [
            RuleExample(["reflections/2027-11-22.md": "---\ndate: ↓2027-11-22\n---\n"]),
            RuleExample(["sessions/2026-11-30.md": "---\ndate: 2026-11-30\nstatus: ↓held\n---\n"]),
        ],
        nonTriggering: [
            RuleExample([
                "reflections/2026-11-22.md": "---\ndate: 2026-11-22\n---\n",
                "sessions/2026-11-30.md": "---\ndate: 2026-11-30\nstatus: planned\n---\n",
                "sessions/2026-12-14.md": "---\ndate: 2026-12-14\n---\n",
            ])
        ])

    public static func check(_ context: LintContext) -> [Diagnostic] {
        context.journal.mentorships.flatMap(\.entries).compactMap { entry in
            guard let date = entry.date, date > context.today else { return nil }
            let days = context.today.days(to: date)
            switch entry.kind {
            case .reflection, .evaluation:
                return diagnostic(
                    entry.path, entry.valuePosition("date"),
                    "this \(entry.kind.rawValue) is dated \(date), \(DayCount.ahead(days)); the report leaves it "
                        + "out until then. Fix the date if it is a typo")
            case .session where entry.session?.status == .held && entry.fields["status"] != nil:
                return diagnostic(
                    entry.path, entry.valuePosition("status"),
                    "this session is marked held but is dated \(date), \(DayCount.ahead(days)); a meeting "
                        + "ahead is `status: planned`")
            default:
                return nil
            }
        }
    }
}
