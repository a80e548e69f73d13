import Foundation

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
