import Foundation

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
