import Foundation
import Testing

@testable import JournalKit

/// The entry templates, slugs and the YAML values templates write.
@Suite struct EntryTemplateTests {
    static let kinds: [EntryKind] = EntryKind.allCases

    @Test(arguments: kinds)
    func embeddedEntryTemplatesMatchTheTemplatesFolder(_ kind: EntryKind) throws {
        let file = ReportTemplateTests.repository.appendingPathComponent("templates")
            .appendingPathComponent(EntryTemplate.fileName(kind))
        let source = try String(contentsOf: file, encoding: .utf8)
        #expect(
            EntryTemplate.builtInText(kind) == source,
            "templates/\(kind.rawValue).md changed: run `make templates`")
    }

    /// The table of kinds: no two share a folder or a cache tag, and each names a template that
    /// is built in.
    @Test func theKindTableIsConsistent() {
        let specs = EntryKind.allCases.map(\.spec)
        #expect(Set(specs.map(\.cacheTag)).count == specs.count)
        #expect(Set(specs.compactMap(\.folder)).count == specs.count - 1)
        for kind in EntryKind.allCases {
            #expect(!EntryTemplate.builtInText(kind).isEmpty, "no built-in template for \(kind)")
            #expect(kind.folder.map { EntryKind(folder: $0) == kind } ?? (kind == .agreement))
        }
    }

    @Test(arguments: kinds)
    func promptsAreCommentsNotContent(_ kind: EntryKind) throws {
        let template = try EntryTemplate(EntryTemplate.builtInText(kind), kind: kind, source: "t")
        let text = template.render([
            "date": "2026-11-25", "author": "mentee", "title": "T", "titleYAML": "\"T\"", "hasTitle": true,
            "goalsYAML": "[]", "mentorYAML": "\"Grace <g@example.org>\"",
            "menteeYAML": "\"Ada <a@example.org>\"",
            "started": "2026-11-25", "cadenceYAML": "weekly", "mentor": "Grace", "mentee": "Ada",
        ])
        let path = kind.folder.map { "\($0)/2026-11-25.md" } ?? "agreement.md"
        let entry = EntryParser.parse(path: path, kind: kind, bytes: Array(text.utf8))
        #expect(entry.diagnostics.filter { $0.severity == .error }.isEmpty, "\(entry.diagnostics)")
        #expect(entry.actionItems.isEmpty)
        if let reflection = entry.reflection {
            #expect(reflection.questions.isEmpty && reflection.wins.isEmpty && reflection.obstacles.isEmpty)
        }
    }

    @Test(arguments: [
        ("Give a conference talk", "give-a-conference-talk"),
        ("../../x", "x"),
        ("/etc/passwd", "etc-passwd"),
        (".hidden", "hidden"),
        ("a..b", "a-b"),
        ("Überblick — Ça va?", "uberblick-ca-va"),
        ("Straße", "strasse"),
        ("Ελληνικά", "ellenika"),
        ("  --x--  ", "x"),
    ])
    func slugs(_ title: String, _ slug: String) {
        #expect(Slug.make(title) == slug)
    }

    @Test func slugsHaveNoneWhenNothingSurvivesAndAreBounded() {
        #expect(Slug.make("🎉🚀") == nil)
        #expect(Slug.make("") == nil)
        let long = Slug.make(String(repeating: "a", count: 300)) ?? ""
        #expect(long.count == 60)
        let words = Slug.make(String(repeating: "word ", count: 60)) ?? ""
        #expect(words.count <= 60 && !words.hasSuffix("-"))
    }

    @Test func yamlValuesStayValues() {
        #expect(YAMLText.quoted("a \"b\" \\ c\nd") == #""a \"b\" \\ c\nd""#)
        #expect(YAMLText.list(["talk", "a b", "x:y"]) == #"[talk, "a b", "x:y"]"#)
    }
}
