import Foundation

/// SARIF 2.1.0, for code-scanning dashboards; every rule with its help in `tool.driver.rules`.
public struct SARIFReporter: LintReporter {
    /// The version written as the tool's.
    public var version: String
    /// Where the journal's root is inside the repository (`mentoring/`, or empty): results name
    /// files from the repository's top, as code scanning wants them, whatever folder lint ran in.
    public var prefix: String
    /// The repository's top as a `file:` URI ending in `/`, given as `%SRCROOT%`; nil when unknown.
    public var sourceRoot: String?

    /// Where each rule is explained.
    public static let helpBase = "https://journal.invalid/docs/rules.md#"

    /// Creates the reporter.
    public init(version: String, prefix: String = "", sourceRoot: String? = nil) {
        self.version = version
        self.prefix = prefix.isEmpty || prefix.hasSuffix("/") ? prefix : prefix + "/"
        self.sourceRoot = sourceRoot
    }

    /// A relative reference with each path segment percent-encoded (RFC 3986): spaces, commas,
    /// `#`, `%` and letters beyond ASCII become `%XX`, so the URI is valid wherever it is read.
    public static func uri(_ path: String) -> String {
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/".utf8)
        var out = ""
        for byte in path.utf8 {
            if unreserved.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    /// Stable across runs and edits that move a finding: the rule, the file and the finding's text.
    static func fingerprint(_ d: Diagnostic) -> String {
        StableHash.hex(d.rule + "\u{1F}" + d.path + "\u{1F}" + d.message)
    }

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
                ("helpUri", .string(Self.helpBase + RulesDocument.anchor(rule.id))),
                (
                    "properties",
                    .object([
                        ("precision", .string("very-high")),
                        (
                            "tags",
                            .array([.string("mentoring"), .string(String(rule.id.prefix { $0 != "/" }))])
                        ),
                    ])
                ),
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
                                            ("uri", .string(Self.uri(prefix + d.path))),
                                            ("uriBaseId", .string("%SRCROOT%")),
                                        ])
                                    ),
                                    (
                                        "region",
                                        .object([
                                            ("startLine", .int(d.line)), ("startColumn", .int(d.column)),
                                            ("endLine", .int(d.line)),
                                        ])
                                    ),
                                ])
                            )
                        ])
                    ])
                ),
                ("partialFingerprints", .object([("journalFinding/v1", .string(Self.fingerprint(d)))])),
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
                        (
                            "originalUriBaseIds",
                            .object(
                                sourceRoot.map { [("%SRCROOT%", JSONValue.object([("uri", .string($0))]))] }
                                    ?? [])
                        ),
                        ("results", .array(results)),
                    ])
                ])
            ),
        ]).rendered()
    }
}
