/// `mentorship/nested`: a mentorship inside another.
enum MentorshipNestedRule: ReadingRule {
    public static let description = RuleDescription(
        id: "mentorship/nested", summary: "A mentorship folder sits inside another mentorship.",
        severity: .error,
        rationale: "Entries of the inner folder would belong to both pairs. Keep each mentorship in its own "
            + "folder beside the others.",
        triggering: [RuleExample(["sessions/old/agreement.md": "↓" + RuleExample.agreement])],
        nonTriggering: [RuleExample(["notes.md": "Free notes are fine anywhere.\n"])])
}
