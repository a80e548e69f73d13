import Foundation
import Testing

@testable import JournalKit

/// Front matter is composed from libyaml's events: what a reader of the file expects of YAML
/// (one document, aliases, no key twice) and a place for every problem.
@Suite struct YAMLReaderTests {
    func value(_ yaml: String, firstLine: Int = 2) throws -> YAMLValue? {
        try YAMLReader.read(yaml, firstLine: firstLine).get()
    }

    func problem(_ yaml: String, firstLine: Int = 2) -> YAMLProblem? {
        if case .failure(let problem) = YAMLReader.read(yaml, firstLine: firstLine) { return problem }
        return nil
    }

    @Test func valuesKeepTheirOrderStyleAndPlace() throws {
        let root = try #require(
            try value("title: \"Ünïcode goal\"\nitems:\n  - one\n  - 'two'\nnested: {a: 1}\n"))
        #expect(root.pairs?.map { $0.key.text } == ["title", "items", "nested"])
        // A value's span runs from its first character to just past its last, quotes included,
        // counted in characters.
        #expect(
            root["title"]
                == .scalar(
                    "Ünïcode goal", plain: false,
                    SourceSpan(
                        start: SourcePosition(line: 2, column: 8), end: SourcePosition(line: 2, column: 22))))
        let items = try #require(root["items"]?.items)
        #expect(items.map(\.text) == ["one", "two"])
        #expect(
            items.map(\.position) == [SourcePosition(line: 4, column: 5), SourcePosition(line: 5, column: 5)])
        #expect(items[0].bool == nil && items[1] == .scalar("two", plain: false, items[1].span))
        #expect(items[1].span.end == SourcePosition(line: 5, column: 10))
        #expect(root["nested"]?["a"]?.int == 1)
        #expect(root["nested"]?.position == SourcePosition(line: 6, column: 9))
    }

    @Test func emptyAndCommentOnlyFrontMatterHoldsNothing() throws {
        #expect(try value("") == nil)
        #expect(try value("# only a comment\n") == nil)
        #expect(try value("~\n")?.isNull == true)
    }

    @Test func aliasesStandForTheirAnchoredValue() throws {
        let root = try #require(try value("base: &b [x, y]\ncopy: *b\nname: &n ada\nwho: *n\n"))
        #expect(root["copy"]?.items?.map(\.text) == ["x", "y"])
        #expect(root["who"]?.text == "ada")
        #expect(root["copy"]?.sameContent(as: try #require(root["base"])) == true)
    }

    @Test func aKeyWrittenTwiceIsReportedWhereItIsWrittenAgain() throws {
        let found = try #require(problem("title: a\nstatus: active\ntitle: b\n"))
        #expect(found.message.contains("duplicate key `title`"))
        #expect(found.position == SourcePosition(line: 4, column: 1))
        // Quoting does not make a different key; a different text does.
        #expect(problem("\"status\": a\nstatus: b\n") != nil)
        #expect(problem("status: a\nStatus: b\n") == nil)
        // Mappings of more keys than the pairwise comparison covers.
        let many = (0..<40).map { "key\($0): \($0)\n" }.joined()
        #expect(problem(many) == nil)
        #expect(problem(many + "key7: again\n")?.position == SourcePosition(line: 42, column: 1))
        // Collections as keys compare by their contents.
        #expect(problem("? [a, b]\n: 1\n? [a, b]\n: 2\n") != nil)
        #expect(problem("? [a, b]\n: 1\n? [a, c]\n: 2\n") == nil)
    }

    @Test func aSecondDocumentIsRefused() throws {
        let found = try #require(problem("title: a\n---\ntitle: b\n"))
        #expect(found.message.contains("single document"))
        #expect(found.position.line == 3)
    }

    @Test func anUndefinedAliasIsReportedAtIt() throws {
        let found = try #require(problem("title: a\nowner: *nobody\n"))
        #expect(found.message.contains("undefined alias"))
        #expect(found.position == SourcePosition(line: 3, column: 8))
    }

    @Test func syntaxErrorsCarryLibyamlsPlace() throws {
        let found = try #require(problem("title: a\nitems: [one, two\nstatus: x\n"))
        #expect(found.message.hasPrefix("YAML syntax:"))
        #expect(found.position.line >= 3 && found.position.line <= 4)
    }

    @Test func charactersYAMLRefusesAreReportedAtTheirLineAndColumn() throws {
        let found = try #require(problem("title: a\nnote: é\u{07}x\n"))
        #expect(found.message.hasPrefix("YAML cannot be read:"))
        #expect(found.position == SourcePosition(line: 3, column: 8))
    }

    @Test func anExpandingDocumentStopsAtTheBudget() {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for (index, name) in ["b", "c", "d", "e", "f"].enumerated() {
            let previous = index == 0 ? "a" : ["b", "c", "d", "e"][index - 1]
            text +=
                "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ")
                + "]\n"
        }
        let found = problem(text)
        #expect(found?.message.contains("alias bomb") == true)
        #expect(found?.position == SourcePosition(line: 2, column: 1))
    }
}
