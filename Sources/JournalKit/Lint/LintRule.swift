import Foundation

/// One lint rule: a static description and a check over the whole journal.
public protocol LintRule: Sendable {
    /// The rule's description.
    static var description: RuleDescription { get }
    /// The rule's diagnostics, at the rule's default severity.
    static func check(_ context: LintContext) -> [Diagnostic]
}

extension LintRule {
    /// The rule's stable id (`field/invalid`): what code names a rule by, never a string literal.
    public static var id: String { description.id }

    /// A diagnostic of this rule.
    static func diagnostic(_ path: String, _ position: SourcePosition, _ message: String) -> Diagnostic {
        Diagnostic(
            rule: description.id, severity: description.severity, path: path, at: position, message: message)
    }

    /// The diagnostics of this rule that reading the files already produced.
    static func fromReading(_ context: LintContext) -> [Diagnostic] {
        context.readingDiagnostics[description.id] ?? []
    }
}
