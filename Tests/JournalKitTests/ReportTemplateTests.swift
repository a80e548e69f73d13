import Foundation
import Testing

@testable import JournalKit

/// The templates compiled into the binary, and how templates are read and escaped.
@Suite struct ReportTemplateTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test(arguments: ReportTemplate.Kind.allCases)
    func embeddedTemplatesMatchTheTemplatesFolder(_ kind: ReportTemplate.Kind) throws {
        let file = Self.repository.appendingPathComponent("templates").appendingPathComponent(kind.fileName)
        let source = try String(contentsOf: file, encoding: .utf8)
        #expect(kind.builtIn == source, "templates/\(kind.fileName) changed: run `make templates`")
    }

    @Test(arguments: ReportTemplate.Kind.allCases)
    func builtInTemplatesParse(_ kind: ReportTemplate.Kind) throws {
        _ = try ReportTemplate.builtIn(kind)
    }

    @Test func errorsNameTheLineOfTheUserTemplate() {
        #expect(throws: TemplateError.self) { try ReportTemplate("a\n{{#x}}\nb\n", kind: .html, file: "t") }
        do {
            _ = try ReportTemplate("one\ntwo\n{{#x}}{{/y}}\n", kind: .markdown, file: "my.mustache")
            Issue.record("a mismatched close should fail")
        } catch {
            #expect(error.file == "my.mustache")
            #expect(error.line == 3)
            #expect(error.description.hasPrefix("my.mustache:3:"))
        }
        do {
            _ = try ReportTemplate("one\n{{#goals}}\n{{#next}}{{/next}}\n", kind: .markdown, file: "f")
            Issue.record("an unclosed section should fail")
        } catch {
            #expect(error.line == 2)
            #expect(error.message.contains("`goals`"))
        }
    }

    @Test func markdownEscapingKeepsTextAsText() {
        let escaped = MarkdownContentType().escapeText("*a* _b_ [c](d) <e> `f` | g ~~h~~ \\\nline")
        #expect(escaped == #"\*a\* \_b\_ \[c\](d) \<e\> \`f\` \| g \~\~h\~\~ \\ line"#)
        #expect(
            MarkdownContentType().escapeText("Q&A on 2026-11-25, C# (part 1.)")
                == "Q&A on 2026-11-25, C# (part 1.)")
    }

    @Test func markdownExcerptsDropImagesAndUnsafeLinks() {
        let html = HTMLText.markdown("![pixel](https://t.example/p.png) [x](javascript:alert(1)) <b>raw</b>")
        #expect(!html.contains("<img"))
        #expect(html.contains("[image: pixel]"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("<b>"))
    }

    @Test func htmlEscape() {
        #expect(
            HTMLText.escape(#"<a href="x">'&'</a>"#)
                == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }
}
