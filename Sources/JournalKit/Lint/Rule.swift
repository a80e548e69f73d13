import Foundation

/// A small journal used to show (and test) when a rule fires: files relative to the
/// mentorship, with `↓` marking each place a diagnostic is expected and `<byte FF>` standing
/// for a raw byte that is not UTF-8.
public struct RuleExample: Sendable, Equatable {
    /// File contents by path; an `agreement.md` is added when the example has none.
    public var files: [String: String]
    /// The date the example is checked against.
    public var today: CalendarDate
    /// Paths (relative to the mentorship) that git tracks, for rules that ask git.
    public var tracked: Set<String>

    /// An example checked on 2026-11-25 unless said otherwise.
    public init(_ files: [String: String], today: String = "2026-11-25", tracked: Set<String> = []) {
        self.files = files
        self.today = CalendarDate(today) ?? CalendarDate(dayNumber: 0)
        self.tracked = tracked
    }

    /// The bytes of a file's content: markers removed, `<byte XX>` turned into that byte.
    public static func bytes(of content: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var rest = Substring(content.replacingOccurrences(of: "↓", with: ""))
        while let open = rest.range(of: "<byte ") {
            bytes += Array(rest[..<open.lowerBound].utf8)
            let hex = rest[open.upperBound...].prefix(2)
            if let value = UInt8(hex, radix: 16), rest[open.upperBound...].dropFirst(2).first == ">" {
                bytes.append(value)
                rest = rest[open.upperBound...].dropFirst(3)
            } else {
                bytes += Array("<byte ".utf8)
                rest = rest[open.upperBound...]
            }
        }
        return bytes + Array(rest.utf8)
    }

    /// A valid agreement for examples that are about other files.
    public static let agreement = """
        ---
        mentor: Grace Hopper <grace@example.org>
        mentee: Ada Lovelace <ada@example.org>
        started: 2026-11-20
        cadence: biweekly
        duration: 1h
        channel: video call
        ---
        """
}

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
}

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

/// What a rule may look at.
public struct LintContext: Sendable {
    /// The journal, parsed.
    public var journal: Journal
    /// The date overdue things are measured against.
    public var today: CalendarDate
    /// Whether git tracks a path relative to the journal root.
    public var isTracked: @Sendable (String) -> Bool
    /// Diagnostics found while reading, by rule id.
    public var readingDiagnostics: [String: [Diagnostic]]

    /// A context over a journal.
    public init(
        journal: Journal, today: CalendarDate,
        isTracked: @escaping @Sendable (String) -> Bool = { _ in false }
    ) {
        self.journal = journal
        self.today = today
        self.isTracked = isTracked
        self.readingDiagnostics = Dictionary(grouping: journal.allDiagnostics, by: \.rule)
    }
}

/// The active goals of every mentorship, with their entries.
func activeGoals(_ context: LintContext) -> [(Entry, Goal)] {
    context.journal.mentorships.flatMap(\.goals).compactMap { entry in
        guard let goal = entry.goal, goal.status == .active else { return nil }
        return (entry, goal)
    }
}
