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

}

/// A rule whose problems are found while the files are read (a file that cannot be decoded,
/// front matter that is not YAML, a value of the wrong form): the reader reports them through
/// the rule, which alone gives them their severity, and the rule's check hands them on.
public protocol ReadingRule: LintRule {}

extension ReadingRule {
    /// The problems reading the files found for this rule.
    public static func check(_ context: LintContext) -> [Diagnostic] {
        context.readingDiagnostics[description.id] ?? []
    }

    /// A problem of this rule found while reading `path`, at the rule's severity.
    static func problem(_ path: String, at position: SourcePosition, _ message: String) -> Diagnostic {
        diagnostic(path, position, message)
    }

    /// A problem of this rule over a stretch of `path` (a value, a key).
    static func problem(_ path: String, over span: SourceSpan, _ message: String) -> Diagnostic {
        Diagnostic(
            rule: description.id, severity: description.severity, path: path, over: span, message: message)
    }
}
