/// `file/too-large`: a file too large to be an entry.
enum FileTooLargeRule: ReadingRule {
    public static let description = RuleDescription(
        id: "file/too-large", summary: "An entry is larger than 1 MB and is not read.", severity: .error,
        rationale: "No mentoring note is that long (a megabyte is a long novel); such a file is most likely "
            + "something pasted by mistake, and reading it would slow every command down. The file is left "
            + "as it is; a private one stays private.",
        triggering: [],
        nonTriggering: [RuleExample(["sessions/2026-11-20.md": "---\ndate: 2026-11-20\n---\n"])])
}
