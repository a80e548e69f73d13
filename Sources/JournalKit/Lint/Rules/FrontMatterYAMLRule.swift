/// `front-matter/yaml`: front matter that is not valid YAML.
enum FrontMatterYAMLRule: ReadingRule {
    public static let description = RuleDescription(
        id: "front-matter/yaml", summary: "The front matter is not valid YAML.", severity: .error,
        rationale: "A YAML mistake hides every field of the entry; the diagnostic points at the place YAML "
            + "stopped making sense (tabs used for indentation are a common cause).",
        triggering: [
            RuleExample([
                "sessions/2026-11-20.md": "---\ndate: 2026-11-20\nagenda:\n↓\t- Plan December\n---\n"
            ])
        ],
        nonTriggering: [
            RuleExample(["sessions/2026-11-20.md": "---\ndate: 2026-11-20\nagenda:\n  - Plan December\n---\n"]
            )
        ])
}
