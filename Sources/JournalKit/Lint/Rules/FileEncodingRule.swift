/// `file/encoding`: a file that is not UTF-8.
enum FileEncodingRule: ReadingRule {
    public static let description = RuleDescription(
        id: "file/encoding", summary: "The file is not valid UTF-8.", severity: .error,
        rationale: "Journals are shared between machines and editors; only UTF-8 reads the same everywhere. "
            + "The diagnostic points at the first byte that is not UTF-8.",
        triggering: [RuleExample(["sessions/2026-11-20.md": "---\ndate: 2026-11-20\n---\nCaf↓<byte FF>\n"])],
        nonTriggering: [RuleExample(["sessions/2026-11-20.md": "---\ndate: 2026-11-20\n---\nCafé\n"])])
}
