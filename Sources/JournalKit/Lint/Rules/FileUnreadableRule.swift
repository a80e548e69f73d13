/// `file/unreadable`: a file that cannot be opened.
public enum FileUnreadableRule: ReadingRule {
    public static let description = RuleDescription(
        id: "file/unreadable", summary: "An entry cannot be read (permissions).", severity: .error,
        rationale: "An entry journal cannot open is missing from every report; fix its permissions.",
        triggering: [],
        nonTriggering: [RuleExample(["sessions/2026-11-20.md": "---\ndate: 2026-11-20\n---\n"])])
}
