/// `front-matter/unterminated`: front matter that is never closed.
enum FrontMatterUnterminatedRule: ReadingRule {
    public static let description = RuleDescription(
        id: "front-matter/unterminated", summary: "The front matter has no closing `---` line.",
        severity: .error,
        rationale:
            "Everything after an unclosed `---` would be read as YAML; the entry's text cannot be told "
            + "apart from its fields.",
        triggering: [RuleExample(["sessions/2026-11-20.md": "↓---\ndate: 2026-11-20\n# Notes\n"])],
        nonTriggering: [RuleExample(["sessions/2026-11-20.md": "---\ndate: 2026-11-20\n...\n# Notes\n"])])
}
