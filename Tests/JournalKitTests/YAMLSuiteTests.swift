import Foundation
import Testing

@testable import JournalKit

/// Every case of the YAML test suite that fits in front matter goes through the reader:
/// none may crash, every invalid one must be reported with a position inside the YAML.
@Suite struct YAMLSuiteTests {
    static let directory = fixturesDirectory.appendingPathComponent("yaml-test-suite")
    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    static func read(_ name: String) throws -> (Entry, lines: Int) {
        let yaml = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        let text = "---\n" + yaml + (yaml.hasSuffix("\n") ? "" : "\n") + "---\n"
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).count
        return (parse(text, path: "goals/case.md", kind: .goal), lines)
    }

    @Test func suiteIsComplete() {
        #expect(Self.cases.count == 255)
        #expect(Self.cases.filter { $0.hasSuffix(".invalid.yaml") }.count == 52)
    }

    @Test(arguments: cases.filter { $0.hasSuffix(".invalid.yaml") })
    func invalidCasesAreReported(_ name: String) throws {
        let (entry, lines) = try Self.read(name)
        let problem = try #require(entry.diagnostics.first { $0.rule == "front-matter/yaml" })
        #expect(problem.line >= 1 && problem.line <= lines + 2, "position outside the front matter")
        #expect(problem.column >= 1)
    }

    @Test(arguments: cases.filter { !$0.hasSuffix(".invalid.yaml") })
    func validCasesNeverCrash(_ name: String) throws {
        let (entry, _) = try Self.read(name)
        for diagnostic in entry.diagnostics where diagnostic.rule.hasPrefix("front-matter/") {
            #expect(diagnostic.line >= 1 && diagnostic.column >= 1)
        }
    }

    /// libyaml rejects a few valid YAML 1.2 corner cases; the guard must not add to them.
    @Test func mostValidCasesAreAccepted() throws {
        var rejected: [String] = []
        for name in Self.cases where !name.hasSuffix(".invalid.yaml") {
            let (entry, _) = try Self.read(name)
            if entry.diagnostics.contains(where: { $0.rule == "front-matter/yaml" }) { rejected.append(name) }
        }
        #expect(rejected.count <= 33, "newly rejected: \(rejected)")
    }
}
