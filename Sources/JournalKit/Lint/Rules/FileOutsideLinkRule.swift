/// `file/outside-link`: a symbolic link that leads out of the journal.
enum FileOutsideLinkRule: ReadingRule {
    public static let description = RuleDescription(
        id: "file/outside-link", summary: "A symbolic link leads out of the journal; it is not read.",
        severity: .error,
        rationale: "Following it could read (and later commit) a file that is not part of the journal.",
        triggering: [],
        nonTriggering: [RuleExample(["sessions/2026-11-20.md": "---\ndate: 2026-11-20\n---\n"])])
}
