import Foundation

/// The outcome of a lint run, ready for a reporter.
public struct LintResult: Sendable, Equatable {
    /// Diagnostics, sorted by path, line and column.
    public var diagnostics: [Diagnostic]
    /// How many files were checked.
    public var files: Int

    /// A result.
    public init(diagnostics: [Diagnostic], files: Int) {
        self.diagnostics = diagnostics
        self.files = files
    }

    /// How many diagnostics have a severity.
    public func count(_ severity: Severity) -> Int { diagnostics.filter { $0.severity == severity }.count }
}

/// Turns a lint result into output for one audience; chosen by `--format`.
public protocol LintReporter: Sendable {
    /// The whole output, ending in a newline.
    func report(_ result: LintResult) -> String
}

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

/// `journal-lint/1`, as cli.md describes it.
public struct LintJSONReporter: LintReporter {
    /// Creates the reporter.
    public init() {}

    public func report(_ result: LintResult) -> String {
        JSONValue.object([
            ("schema", .string("journal-lint/1")),
            (
                "diagnostics",
                .array(
                    result.diagnostics.map { d in
                        .object([
                            ("rule", .string(d.rule)), ("severity", .string(d.severity.rawValue)),
                            ("path", .string(d.path)), ("line", .int(d.line)), ("column", .int(d.column)),
                            ("message", .string(d.message)),
                        ])
                    })
            ),
            (
                "summary",
                .object([
                    ("files", .int(result.files)), ("errors", .int(result.count(.error))),
                    ("warnings", .int(result.count(.warning))), ("infos", .int(result.count(.info))),
                ])
            ),
        ]).rendered()
    }
}

/// SARIF 2.1.0, for code-scanning dashboards; every rule with its help in `tool.driver.rules`.
public struct SARIFReporter: LintReporter {
    /// The version written as the tool's.
    public var version: String

    /// Creates the reporter.
    public init(version: String) { self.version = version }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    public func report(_ result: LintResult) -> String {
        let rules = Linter.rules.map { $0.description }
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let driverRules = rules.map { rule in
            JSONValue.object([
                ("id", .string(rule.id)),
                ("shortDescription", .object([("text", .string(rule.summary))])),
                ("fullDescription", .object([("text", .string(rule.rationale))])),
                (
                    "help",
                    .object([
                        ("text", .string(rule.rationale)), ("markdown", .string(RulesDocument.section(rule))),
                    ])
                ),
                ("defaultConfiguration", .object([("level", .string(Self.level(rule.severity)))])),
            ])
        }
        let results = result.diagnostics.map { d in
            var fields: [(String, JSONValue)] = [("ruleId", .string(d.rule))]
            if let position = index[d.rule] { fields.append(("ruleIndex", .int(position))) }
            fields += [
                ("level", .string(Self.level(d.severity))),
                ("message", .object([("text", .string(d.message))])),
                (
                    "locations",
                    .array([
                        .object([
                            (
                                "physicalLocation",
                                .object([
                                    (
                                        "artifactLocation",
                                        .object([
                                            ("uri", .string(d.path)), ("uriBaseId", .string("%SRCROOT%")),
                                        ])
                                    ),
                                    (
                                        "region",
                                        .object([
                                            ("startLine", .int(d.line)), ("startColumn", .int(d.column)),
                                        ])
                                    ),
                                ])
                            )
                        ])
                    ])
                ),
            ]
            return JSONValue.object(fields)
        }
        return JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            (
                "runs",
                .array([
                    .object([
                        (
                            "tool",
                            .object([
                                (
                                    "driver",
                                    .object([
                                        ("name", .string("journal")), ("version", .string(version)),
                                        ("rules", .array(driverRules)),
                                    ])
                                )
                            ])
                        ),
                        ("columnKind", .string("unicodeCodePoints")),
                        ("results", .array(results)),
                    ])
                ])
            ),
        ]).rendered()
    }
}

/// GitHub Actions workflow commands, so problems show on the pull request's files.
public struct GitHubReporter: LintReporter {
    /// Creates the reporter.
    public init() {}

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
            return "::\(command) file=\(Self.escapeProperty(d.path)),line=\(d.line),col=\(d.column),"
                + "title=\(Self.escapeProperty(d.rule))::\(Self.escapeData(d.message))\n"
        }.joined()
    }
}
