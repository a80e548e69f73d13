/// `type/mismatch`: `type:` disagrees with the folder.
enum TypeMismatchRule: ReadingRule {
    public static let description = RuleDescription(
        id: "type/mismatch", summary: "`type:` disagrees with the folder the entry is in.", severity: .error,
        rationale:
            "The folder decides what an entry is; a different `type:` usually means the file was saved "
            + "in the wrong folder.",
        triggering: [
            RuleExample(["sessions/2026-11-20.md": "---\ntype: ↓reflection\ndate: 2026-11-20\n---\n"])
        ],
        nonTriggering: [
            RuleExample(["sessions/2026-11-20.md": "---\ntype: session\ndate: 2026-11-20\n---\n"])
        ])
}
