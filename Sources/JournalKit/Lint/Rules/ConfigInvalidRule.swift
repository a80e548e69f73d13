import Foundation

/// `config/invalid`: a mistake in `.journal.yml`.
enum ConfigInvalidRule: LintRule {
    public static let description = RuleDescription(
        id: "config/invalid",
        summary: "`.journal.yml` names an unknown rule or an unknown severity, or is not valid YAML.",
        severity: .error,
        rationale: "A misspelt rule id would silently leave the rule as it was; the message suggests the "
            + "closest id.",
        triggering: [], nonTriggering: [])

    public static func check(_ context: LintContext) -> [Diagnostic] { [] }
}
