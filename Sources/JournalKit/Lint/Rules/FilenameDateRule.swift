/// `filename/date`: a dated file name that disagrees with the entry's `date`.
enum FilenameDateRule: LintRule {
    public static let description = RuleDescription(
        id: "filename/date", summary: "A dated file name disagrees with the entry's `date`.",
        severity: .warning,
        rationale: "The front matter's date is the one that counts; a file name that says otherwise misleads "
            + "whoever browses the folder. Rename the file or fix the date.",
        triggering: [RuleExample(["sessions/2026-11-20.md": "---\ndate: ↓2026-11-21\n---\n"])],
        nonTriggering: [RuleExample(["sessions/2026-11-20-kickoff.md": "---\ndate: 2026-11-20\n---\n"])])

    public static func check(_ context: LintContext) -> [Diagnostic] {
        context.journal.mentorships.flatMap(\.entries).compactMap { entry in
            guard entry.kind == .session || entry.kind == .reflection, let fileDate = entry.fileDate,
                let date = entry.date, fileDate != date
            else { return nil }
            return diagnostic(
                entry.path, entry.valuePosition("date"),
                "the file name says \(fileDate) but `date` is \(date); rename the file or fix the date")
        }
    }
}
