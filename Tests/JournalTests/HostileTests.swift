import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Journal text that tries to become markup, in every field a report shows.
@Suite struct HostileStringTests {
    static let script = "<script>alert(1)</script>"
    static let breakout = "\"><img src=x onerror=alert(2)>"
    static let single = "' onmouseover='alert(3)"

    /// Two mentorships (so the overview shows) whose every string is hostile.
    static func hostileJournal() throws -> URL {
        let root = try temporaryFolder().appendingPathComponent("hostile")
        let evil = "\(script)\(breakout)\(single)"
        // YAML double-quoted strings: escape backslashes and quotes.
        let yaml =
            "\""
            + evil.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            + "\""
        let files: [String: String] = [
            ".journal.yml": "lint:\n  rules: {}\n",
            "a<b>\"c'/agreement.md": """
            ---
            mentor:
              name: \(yaml)
              email: m@example.org
              handle: mara
            mentee:
              name: \(yaml)
              handle: theo
            started: 2026-09-01
            cadence: weekly
            status: \(yaml)
            ---
            """,
            "a<b>\"c'/goals/g.md": """
            ---
            title: \(yaml)
            status: active
            target: 2026-10-01
            milestones:
              - title: \(yaml)
                due: 2026-10-01
              - title: \(yaml)
                due: 2026-12-01
                done: 2026-11-01
            ---
            """,
            "a<b>\"c'/sessions/2026-11-01.md": """
            ---
            date: 2026-11-01
            goals: [g]
            ---
            ## Action items
            - [ ] @theo \(evil) [click](javascript:alert(4)) (due 2026-11-10)
            - [ ] @\(script) do it
            """,
            "a<b>\"c'/reflections/2026-11-02.md": """
            ---
            date: 2026-11-02
            author: \(yaml)
            title: \(yaml)
            confidence: 3
            goals: [g]
            ---
            Body \(evil) and [a link](javascript:alert(5)) and <javascript:alert(6)>
            and ![tracker](https://tracker.example/pixel.png) and <img src="https://x.example/y.png" />.

            <script>alert(7)</script>
            <a href="javascript:alert(8)">raw</a>

            ## Questions
            - \(evil) [q](javascript:alert(9))

            ## Wins
            - \(evil)

            ## Obstacles
            - \(evil)
            """,
            "b/agreement.md": "---\nmentor: Mara <m@example.org>\nmentee: Theo\nstarted: 2026-09-01\n---\n",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test func htmlEscapesEveryJournalString() throws {
        let root = try Self.hostileJournal()
        let run = try journal(
            ["--today", "2026-11-25", "report", "--format", "html", "--include-private"], in: root)
        #expect(run.status == 0, "\(run.stderr)")
        let html = run.stdout
        let outline = PageOutline.parse(html)
        #expect(outline.error == nil, "\(outline.error ?? "")")

        // No markup came out of the journal: only the elements the template and pictures use.
        let allowed: Set<String> = [
            "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "h5", "h6",
            "p",
            "section", "table", "thead", "tbody", "tr", "th", "td", "a", "span", "article", "div", "ul", "ol",
            "li", "br", "details", "summary", "strong", "em", "code", "footer", "svg", "line", "text",
            "circle",
            "polygon", "polyline", "rect", "g", "pre", "blockquote", "hr", "input", "del",
        ]
        #expect(
            Set(outline.elements).subtracting(allowed).isEmpty,
            "\(Set(outline.elements).subtracting(allowed))")
        #expect(!outline.elements.contains("script") && !outline.elements.contains("img"))
        #expect(!outline.attributes.contains { $0.name.hasPrefix("on") }, "an event handler attribute leaked")
        for attribute in outline.attributes where attribute.name == "href" {
            #expect(attribute.value.isEmpty || attribute.value.hasPrefix("#"), "href=\(attribute.value)")
        }
        #expect(!outline.attributes.contains { $0.value.lowercased().contains("javascript:") })
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("https://"))

        // The hostile text is still there, as text a person can read.
        #expect(outline.text.contains(Self.script))
        #expect(outline.text.contains(Self.breakout))
        #expect(outline.text.contains(Self.single))
        // Every field carries it: names, status, goal and milestone titles, items, reflections.
        #expect(outline.text.components(separatedBy: Self.script).count > 12)
    }

    @Test func markdownEscapesEveryJournalString() throws {
        let root = try Self.hostileJournal()
        let run = try journal(["--today", "2026-11-25", "report", "--format", "markdown"], in: root)
        #expect(run.status == 0, "\(run.stderr)")
        // Every `<` from the journal is backslash-escaped, so no Markdown renderer sees a tag.
        #expect(run.stdout.range(of: #"(?<!\\)<"#, options: .regularExpression) == nil)
        #expect(!run.stdout.contains("](javascript:"))
        #expect(run.stdout.contains("\\<script\\>alert(1)\\</script\\>"))
        // A `|` in a title cannot open a new table cell.
        #expect(!run.stdout.contains("| a<b>"))
    }

    @Test func textAndJSONStillWork() throws {
        let root = try Self.hostileJournal()
        let json = try journal(["--today", "2026-11-25", "report", "--format", "json"], in: root)
        #expect(json.status == 0)
        #expect(((try json.json()["overview"]) as? [[String: Any]])?.count == 2)
    }
}
