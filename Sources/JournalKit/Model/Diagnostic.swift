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
    /// Just past the last character of what is wrong (a value, a key), when the problem is a
    /// stretch of text rather than a place: editors underline from the start to here.
    public var end: SourcePosition?

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

    /// Creates a diagnostic over a stretch of text.
    public init(rule: String, severity: Severity, path: String, over span: SourceSpan, message: String) {
        self.init(rule: rule, severity: severity, path: path, at: span.start, message: message)
        end = span.end
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
