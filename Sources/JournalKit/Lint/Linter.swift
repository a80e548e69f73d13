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
        ConfigInvalidRule.self, SessionUnrecordedRule.self, ActionUnknownStatusRule.self,
        ActionDueUnreadableRule.self, MentorshipPastEndRule.self, DateFutureRule.self,
    ]

    /// Every rule id.
    public static let ruleIDs: [String] = rules.map { $0.description.id }

    /// The description of a rule id.
    public static func description(of id: String) -> RuleDescription? {
        rules.first { $0.description.id == id }?.description
    }

    /// All diagnostics of a journal, sorted by path, line and column.
    public static func run(
        _ context: LintContext, configuration: JournalSettings = JournalSettings(),
        only: Set<String>? = nil
    ) -> [Diagnostic] {
        var disabledByPath: [String: Set<String>] = [:]
        for mentorship in context.journal.mentorships {
            for entry in mentorship.entries where !entry.disabledRules.isEmpty {
                disabledByPath[entry.path] = entry.disabledRules
            }
        }
        let disabled = disabledByPath
        // Rules are independent of one another: run them across the cores, each into its own
        // slot, and join the slots in rule order so the output never depends on scheduling.
        let selected = rules.compactMap { rule -> (rule: any LintRule.Type, severity: Severity)? in
            let id = rule.description.id
            if let only, !only.contains(id) { return nil }
            guard let configured = configuration.severities[id] else {
                return (rule, rule.description.severity)
            }
            return configured.map { (rule, $0) }
        }
        let found = concurrentMap(selected.count) { index -> [Diagnostic] in
            let (rule, severity) = selected[index]
            let id = rule.description.id
            var kept: [Diagnostic] = []
            for var diagnostic in rule.check(context) {
                if let off = disabled[diagnostic.path], off.contains(id) || off.contains("all") {
                    continue
                }
                diagnostic.severity = severity
                kept.append(diagnostic)
            }
            return kept
        }
        // A file holding conflict markers draws only what concerns reading it: what would follow
        // from half-merged text (unknown goals, missing fields) is not said until it is resolved.
        let conflicted = Set(
            context.journal.mentorships.flatMap(\.entries).filter(\.hasConflictMarkers).map(\.path))
        var result = configuration.diagnostics
        for diagnostics in found {
            result +=
                conflicted.isEmpty
                ? diagnostics
                : diagnostics.filter { diagnostic in
                    !conflicted.contains(diagnostic.path) || Self.concernsReading(diagnostic.rule)
                }
        }
        return Diagnostic.sorted(result)
    }

    /// Whether a rule is about reading a file at all: conflict markers, and the problems that
    /// leave an entry unread (`Entry.unreadableRules`).
    static func concernsReading(_ rule: String) -> Bool {
        rule == MergeConflictMarkersRule.id || Entry.unreadableRules.contains(rule)
    }
}
