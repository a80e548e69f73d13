/// Runs every rule over a journal and applies the configuration and inline disables.
public enum Linter {
    /// Every rule, in the order `docs/rules.md` lists them.
    public static let rules: [any LintRule.Type] = [
        FrontMatterMissingRule.self, FrontMatterUnterminatedRule.self, FrontMatterYAMLRule.self,
        FrontMatterNotMappingRule.self, FileEncodingRule.self, FieldMissingRule.self, FieldInvalidRule.self,
        FieldUnknownRule.self, TypeMismatchRule.self, GoalUnknownRule.self, GoalDuplicateIdRule.self,
        GoalNoMeasureRule.self, GoalNoTargetRule.self, MilestoneAfterTargetRule.self,
        MilestoneOverdueRule.self,
        ActionNoOwnerRule.self, ActionOverdueRule.self, SessionCadenceRule.self, MentorshipInactiveRule.self,
        FilenameDateRule.self, AgreementIncompleteRule.self, AgreementReviewDueRule.self,
        MergeConflictMarkersRule.self, PrivateTrackedRule.self, MentorshipNestedRule.self,
        EvaluationMissingRule.self, FileTooLargeRule.self, FileUnreadableRule.self, FileOutsideLinkRule.self,
        ConfigInvalidRule.self,
    ]

    /// Every rule id.
    public static let ruleIDs: [String] = rules.map { $0.description.id }

    /// The description of a rule id.
    public static func description(of id: String) -> RuleDescription? {
        rules.first { $0.description.id == id }?.description
    }

    /// All diagnostics of a journal, sorted by path, line and column.
    public static func run(
        _ context: LintContext, configuration: LintConfiguration = LintConfiguration(),
        only: Set<String>? = nil
    ) -> [Diagnostic] {
        var disabled: [String: Set<String>] = [:]
        for mentorship in context.journal.mentorships {
            for entry in mentorship.entries where !entry.disabledRules.isEmpty {
                disabled[entry.path] = entry.disabledRules
            }
        }
        var result = configuration.diagnostics
        for rule in rules {
            let id = rule.description.id
            if let only, !only.contains(id) { continue }
            var severity = rule.description.severity
            if let configured = configuration.severities[id] {
                guard let level = configured else { continue }
                severity = level
            }
            for var diagnostic in rule.check(context) {
                if let off = disabled[diagnostic.path], off.contains(id) || off.contains("all") { continue }
                diagnostic.severity = severity
                result.append(diagnostic)
            }
        }
        return Diagnostic.sorted(result)
    }
}
