import Foundation

/// What a rule is, for `journal rules`, SARIF, `docs/rules.md` and the examples test.
public struct RuleDescription: Sendable {
    /// The stable id, such as `goal/unknown`.
    public var id: String
    /// One line saying when it fires.
    public var summary: String
    /// Its severity unless `.journal.yml` says otherwise.
    public var severity: Severity
    /// Why it matters to a mentoring pair.
    public var rationale: String
    /// Journals in which it fires, at the marked places.
    public var triggering: [RuleExample]
    /// Journals in which it stays silent.
    public var nonTriggering: [RuleExample]
    /// What `journal lint --fix` does about it, when it can do something safely; nil when the
    /// fix is the person's to make. The fixer handles exactly the rules that describe a fix.
    public var fix: String? = nil
}
