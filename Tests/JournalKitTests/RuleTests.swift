import Foundation
import Testing

@testable import JournalKit

/// Runs every rule's own examples: triggering ones must report exactly at the `↓` marks,
/// non-triggering ones must stay silent.
@Suite struct RuleExampleTests {
    static let ids = Linter.ruleIDs

    struct Mark: Hashable, CustomStringConvertible {
        var path: String
        var line: Int
        var column: Int
        var description: String { "\(path):\(line):\(column)" }
    }

    /// The `↓` positions of a file's content, as the file reads once they are removed.
    static func marks(in content: String, path: String) -> [Mark] {
        var result: [Mark] = []
        var line = 1
        var column = 1
        for scalar in content.unicodeScalars {
            if scalar == "↓" {
                result.append(Mark(path: path, line: line, column: column))
            } else if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return result
    }

    static func run(_ rule: any LintRule.Type, _ example: RuleExample) throws -> (
        found: Set<Mark>, expected: Set<Mark>
    ) {
        var files = example.files
        if files["agreement.md"] == nil { files["agreement.md"] = RuleExample.agreement }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rule-\(UUID().uuidString)")
        var expected: Set<Mark> = []
        for (path, content) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(RuleExample.bytes(of: content)).write(to: url)
            // `<byte XX>` is one column in the file, not eight.
            let visible = content.replacingOccurrences(
                of: #"<byte [0-9A-F]{2}>"#, with: "?", options: .regularExpression)
            expected.formUnion(marks(in: visible, path: path))
        }
        defer { try? FileManager.default.removeItem(at: root) }
        let journal = JournalLoader.load(root: root)
        let tracked = example.tracked
        let context = LintContext(journal: journal, today: example.today, isTracked: { tracked.contains($0) })
        let found = Linter.run(context, only: [rule.description.id]).map {
            Mark(path: $0.path, line: $0.line, column: $0.column)
        }
        return (Set(found), expected)
    }

    @Test(arguments: ids)
    func triggeringExamplesReportAtTheMarks(_ id: String) throws {
        let rule = try #require(Linter.rules.first { $0.description.id == id })
        for example in rule.description.triggering {
            let (found, expected) = try Self.run(rule, example)
            #expect(!expected.isEmpty, "a triggering example of \(id) has no ↓ mark")
            #expect(
                found == expected,
                "\(id): expected \(expected.sorted(by: { $0.description < $1.description })), found \(found.sorted(by: { $0.description < $1.description }))"
            )
        }
    }

    @Test(arguments: ids)
    func nonTriggeringExamplesAreSilent(_ id: String) throws {
        let rule = try #require(Linter.rules.first { $0.description.id == id })
        for example in rule.description.nonTriggering {
            let (found, _) = try Self.run(rule, example)
            #expect(found.isEmpty, "\(id) fired on a non-triggering example at \(found)")
        }
    }

    /// Rules without examples are those whose trigger cannot be written as a small journal
    /// (a 16 MB file, an unreadable file, a link, the configuration); each has its own test.
    @Test func everyRuleHasExamplesOrADedicatedTest() {
        let withoutExamples = Linter.rules.map { $0.description }.filter { $0.triggering.isEmpty }.map(\.id)
        #expect(
            Set(withoutExamples) == [
                "file/too-large", "file/unreadable", "file/outside-link", "config/invalid",
            ])
    }

    /// The ids and default severities the format promises, none renamed or dropped.
    @Test func formatRulesAreAllPresentWithTheirSeverities() {
        let promised: [String: Severity] = [
            "front-matter/missing": .error, "front-matter/unterminated": .error, "front-matter/yaml": .error,
            "front-matter/not-mapping": .error, "file/encoding": .error, "field/missing": .error,
            "field/invalid": .error, "field/unknown": .warning, "type/mismatch": .error,
            "goal/unknown": .error,
            "goal/duplicate-id": .error, "goal/no-measure": .warning, "goal/no-target": .warning,
            "milestone/after-target": .warning, "milestone/overdue": .warning, "action/no-owner": .warning,
            "action/overdue": .warning, "session/cadence": .warning, "mentorship/inactive": .warning,
            "filename/date": .warning, "agreement/incomplete": .warning, "agreement/review-due": .warning,
            "merge/conflict-markers": .error, "private/tracked": .error, "mentorship/nested": .error,
            "evaluation/missing": .info,
        ]
        for (id, severity) in promised {
            #expect(Linter.description(of: id)?.severity == severity, "\(id)")
        }
        #expect(Set(Linter.ruleIDs).count == Linter.ruleIDs.count, "duplicate rule ids")
    }

    /// The sources, for the tests that read them.
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// Code names a rule by its type (`FieldInvalidRule.id`), never by a string: a rule id in
    /// quotes outside the rule's own file could name no rule, or the wrong one, unnoticed.
    @Test func noRuleIdIsWrittenOutsideItsRule() throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: Self.sources.path).filter {
            $0.hasSuffix(".swift") && !$0.contains("Lint/Rules/")
        }
        #expect(files.count > 40)
        var found: [String] = []
        for file in files {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            for id in Linter.ruleIDs where text.contains("\"\(id)\"") { found.append("\(file): \(id)") }
        }
        #expect(found.isEmpty, "rule ids as strings: \(found)")
    }

    /// Each file of `Lint/Rules/` holds one rule, named for it, and `Linter.rules` lists every one.
    @Test func everyRuleFileIsRegistered() throws {
        let folder = Self.sources.appendingPathComponent("JournalKit/Lint/Rules")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasSuffix(".swift")
        }
        .map { String($0.dropLast(".swift".count)) }
        let registered = Linter.rules.map { String(describing: $0) }
        #expect(Set(names) == Set(registered), "files \(Set(names).symmetricDifference(registered))")
        #expect(names.count == registered.count)
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name + ".swift"), encoding: .utf8)
            // A rule found by its own check, or a reading rule whose problems the reader reports.
            let declared = [": LintRule {", ": ReadingRule {"].map {
                text.components(separatedBy: $0).count - 1
            }
            #expect(declared.reduce(0, +) == 1, "\(name).swift holds more than one rule")
        }
    }
}

@Suite struct RulesDocumentTests {
    /// docs/rules.md is generated from the descriptions; regenerate it with `make rules-doc`.
    @Test func docsAreCurrent() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/rules.md")
        let written = try String(contentsOf: path, encoding: .utf8)
        #expect(written == RulesDocument.markdown(), "docs/rules.md is stale: run `make rules-doc`")
    }
}
