import Foundation

/// `path:line:col: severity: message [rule]`, one per line, and a summary.
public struct LintTextReporter: LintReporter {
    /// Styling (colour only on a terminal).
    public var style: TerminalStyle

    /// Creates the reporter.
    public init(style: TerminalStyle = TerminalStyle(colour: false)) { self.style = style }

    public func report(_ result: LintResult) -> String {
        var output = ""
        for d in result.diagnostics {
            let severity: String
            switch d.severity {
            case .error: severity = style.red("error")
            case .warning: severity = style.yellow("warning")
            case .info: severity = "info"
            }
            output +=
                "\(TerminalText.line(d.path)):\(d.line):\(d.column): \(severity): "
                + "\(TerminalText.line(d.message)) [\(TerminalText.line(d.rule))]\n"
        }
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        let summary =
            "\(plural(result.files, "file")) checked: \(plural(result.count(.error), "error")), "
            + "\(plural(result.count(.warning), "warning")), \(plural(result.count(.info), "note"))"
        output += (result.count(.error) > 0 ? style.red(summary) : summary) + "\n"
        return output
    }
}
