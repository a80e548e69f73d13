/// How serious a problem is; `.journal.yml` may change a rule's default.
public enum Severity: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
    case error, warning, info

    private var rank: Int {
        switch self {
        case .error: return 0
        case .warning: return 1
        case .info: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A 1-based place in a file; columns count Unicode scalars, as editors do.
public struct SourcePosition: Sendable, Hashable, Comparable, Codable {
    /// The line, from 1.
    public var line: Int
    /// The column, from 1.
    public var column: Int

    /// A position; both parts are clamped to at least 1.
    public init(line: Int, column: Int) {
        self.line = max(1, line)
        self.column = max(1, column)
    }

    /// The start of the file, used for problems that concern the whole file.
    public static let fileStart = SourcePosition(line: 1, column: 1)

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// One problem found in a journal: which rule, how serious, where, and what to do about it.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// The stable rule id from format.md, such as `field/invalid`.
    public var rule: String
    /// How serious it is.
    public var severity: Severity
    /// The file, relative to the journal root, with `/` separators.
    public var path: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column.
    public var column: Int
    /// What is wrong, in plain words.
    public var message: String

    /// Creates a diagnostic at a position.
    public init(
        rule: String, severity: Severity, path: String, at position: SourcePosition, message: String
    ) {
        self.rule = rule
        self.severity = severity
        self.path = path
        self.line = position.line
        self.column = position.column
        self.message = message
    }

    /// The compiler-style line `path:line:col: severity: message [rule]`, always one line, with
    /// no control character from the journal.
    public var formatted: String {
        "\(TerminalText.line(path)):\(line):\(column): \(severity.rawValue): \(TerminalText.line(message)) "
            + "[\(TerminalText.line(rule))]"
    }

    /// Orders by path, then line, then column, then rule, so output is stable.
    public static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted {
            ($0.path, $0.line, $0.column, $0.rule, $0.message)
                < ($1.path, $1.line, $1.column, $1.rule, $1.message)
        }
    }
}
