import Foundation

/// GitHub Actions workflow commands, so problems show on the pull request's files.
public struct GitHubReporter: LintReporter {
    /// Where the journal's root is inside the repository: `file=` names files from the
    /// repository's top, which is where GitHub looks for them.
    public var prefix: String

    /// Creates the reporter.
    public init(prefix: String = "") {
        self.prefix = prefix.isEmpty || prefix.hasSuffix("/") ? prefix : prefix + "/"
    }

    static func escapeData(_ text: String) -> String {
        TerminalText.line(text).replacingOccurrences(of: "%", with: "%25").replacingOccurrences(
            of: "\r", with: "%0D"
        )
        .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    public func report(_ result: LintResult) -> String {
        result.diagnostics.map { d in
            let command: String
            switch d.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .info: command = "notice"
            }
            return "::\(command) file=\(Self.escapeProperty(prefix + d.path)),line=\(d.line),col=\(d.column),"
                + "title=\(Self.escapeProperty(d.rule))::\(Self.escapeData(d.message))\n"
        }.joined()
    }
}
