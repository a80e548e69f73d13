/// `front-matter/not-mapping`: front matter that is a list or a bare value.
enum FrontMatterNotMappingRule: ReadingRule {
    public static let description = RuleDescription(
        id: "front-matter/not-mapping", summary: "The front matter is not a mapping of keys to values.",
        severity: .error,
        rationale: "Fields are `key: value` lines; a list or a bare sentence between the fences has no keys.",
        triggering: [RuleExample(["sessions/2026-11-20.md": "---\n↓- date 2026-11-20\n---\n"])],
        nonTriggering: [RuleExample(["sessions/2026-11-20.md": "---\ndate: 2026-11-20\n---\n"])])
}
