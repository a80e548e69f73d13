/// `front-matter/missing`: an entry without front matter.
enum FrontMatterMissingRule: ReadingRule {
    public static let description = RuleDescription(
        id: "front-matter/missing", summary: "An entry has no front matter.", severity: .error,
        rationale: "Without front matter journal cannot tell when a session happened or which goal a "
            + "reflection is about, so the entry silently drops out of every report.",
        triggering: [RuleExample(["sessions/2026-11-20.md": "↓# Notes from our call\n"])],
        nonTriggering: [RuleExample(["sessions/2026-11-20.md": "---\ndate: 2026-11-20\n---\n# Notes\n"])],
        fix:
            "adds the `---` lines around a leading block of `key: value` lines that reads as this kind of entry's front matter."
    )
}
