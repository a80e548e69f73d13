import Foundation
import JournalKit
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Everything an XML parser saw in a page: elements, attributes and text.
final class PageOutline: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var attributes: [(element: String, name: String, value: String)] = []
    var text = ""
    var error: String?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        elements.append(elementName.lowercased())
        for (name, value) in attributeDict {
            attributes.append((elementName.lowercased(), name.lowercased(), value))
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        error = "line \(parser.lineNumber), column \(parser.columnNumber): \(parseError)"
    }

    /// Parses `html` as XML; nil error means the page is well-formed.
    static func parse(_ html: String) -> PageOutline {
        let outline = PageOutline()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = outline
        if !parser.parse(), outline.error == nil {
            outline.error =
                "line \(parser.lineNumber): \(parser.parserError.map { "\($0)" } ?? "not well-formed")"
        }
        return outline
    }
}

/// The Markdown and HTML reports, the program overview, and the templates behind them.
@Suite struct FormatTests {
    static let program = fixtures.appendingPathComponent("program")

    func report(_ format: String, in folder: URL = program, _ extra: [String] = []) throws -> String {
        let run = try journal(["--today", "2026-11-25", "report", "--format", format] + extra, in: folder)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        return run.stdout
    }

    @Test(arguments: [("markdown", "program.report.md"), ("html", "program.report.html")])
    func golden(_ format: String, _ file: String) throws {
        let golden = try String(contentsOf: fixtures.appendingPathComponent(file), encoding: .utf8)
        #expect(
            try report(format) == golden, "run `make golden` after a deliberate change, and review the diff")
    }

    @Test func jsonOverviewFollowsTheMentorships() throws {
        let output = try report("json")
        let mentorships = try #require(output.range(of: "\n  \"mentorships\": ["))
        let overviewKey = try #require(output.range(of: "\n  \"overview\": ["))
        #expect(mentorships.lowerBound < overviewKey.lowerBound)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let rows = try #require(document["overview"] as? [[String: Any]])
        // Those that need attention first, the longest overdue first; the sections stay by path.
        #expect(rows.map { $0["id"] as? String } == ["chen-dee", "eli-fay", "alex-bo"])
        #expect(
            (document["mentorships"] as? [[String: Any]])?.map { $0["id"] as? String }
                == ["alex-bo", "chen-dee", "eli-fay"])
        #expect(rows.map { $0["attention"] as? String } == ["watch", "watch", "ok"])
        let chen = rows[0]
        #expect(
            (chen["reasons"] as? [String])?.first == "the next session is 21 days overdue (due 2026-11-04)")
        #expect(chen["pair"] as? String == "Chen Wei with Dee Okafor")
        #expect(chen["last_session"] as? String == "2026-10-21")
        #expect(chen["days_since_last_session"] as? Int == 35)
        #expect(chen["cadence"] as? String == "overdue")
        #expect(chen["days_overdue"] as? Int == 21)
        #expect(chen["goals_on_track"] as? Int == 0)
        #expect(chen["goals_active"] as? Int == 2)
        #expect(chen["open_action_items"] as? Int == 2)
        #expect(chen["overdue_action_items"] as? Int == 2)
        #expect(chen["lint_errors"] as? Int == 1)
        #expect(rows[2]["cadence"] as? String == "kept")
        #expect(rows[1]["cadence"] as? String == "none")
        #expect(rows[1]["last_session"] is NSNull)
    }

    @Test func jsonHistoryCarriesWhatThePicturesNeed() throws {
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(report("json").utf8)) as? [String: Any])
        let chen = try #require(
            (document["mentorships"] as? [[String: Any]])?.first { $0["id"] as? String == "chen-dee" })
        let history = try #require(chen["history"] as? [String: Any])
        let sessions = try #require(history["sessions"] as? [[String: Any]])
        #expect(sessions.map { $0["status"] as? String } == ["held", "held", "cancelled", "held"])
        let reflections = try #require(history["reflections"] as? [[String: Any]])
        #expect(reflections.map { $0["confidence"] as? Int } == [2, 3])
        let milestones = try #require(history["milestones"] as? [[String: Any]])
        #expect(milestones.first?["done_on"] as? String == "2026-09-12")
        #expect(milestones.count == 4)
    }

    @Test func privateReflectionsReachThePicturesOnlyWhenAsked() throws {
        func dates(_ extra: [String]) throws -> [String?] {
            let output = try report("json", in: fixtures.appendingPathComponent("pair"), extra)
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
            let pair = try #require((document["mentorships"] as? [[String: Any]])?.first)
            let history = try #require(pair["history"] as? [String: Any])
            return (history["reflections"] as? [[String: Any]] ?? []).map { $0["date"] as? String }
        }
        #expect(try dates([]) == ["2026-11-10", "2026-11-20", "2026-11-23"])
        #expect(try dates(["--include-private"]) == ["2026-11-10", "2026-11-20", "2026-11-22", "2026-11-23"])
        let html = try report("html", in: fixtures.appendingPathComponent("pair"))
        #expect(!html.contains("2026-11-22"))
    }

    @Test func overviewOnlyWithSeveralMentorships() throws {
        let text = try report("text")
        #expect(text.hasPrefix("Overview (3 mentorships)"))
        #expect(text.contains("Chen Wei with Dee Okafor       active    2026-10-21 (35 days)  overdue 21d"))
        let one = try report("markdown", in: Self.program, ["--mentorship", "chen-dee"])
        #expect(!one.contains("## Overview"))
        let html = try report("html", in: Self.program, ["--mentorship", "chen-dee"])
        #expect(!html.contains("class=\"overview\""))
        #expect(try report("html").contains("class=\"overview\""))
    }

    @Test(arguments: ["program", "pair"])
    func htmlIsWellFormed(_ name: String) throws {
        let html = try report("html", in: fixtures.appendingPathComponent(name))
        let outline = PageOutline.parse(html)
        #expect(outline.error == nil, "\(outline.error ?? "")")
        #expect(outline.elements.filter { $0 == "svg" }.count >= 2)
        #expect(!outline.elements.contains("script"))
    }

    @Test func bundledExampleIsWellFormed() throws {
        let example = fixtures.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("examples/ada-grace")
        let outline = PageOutline.parse(try report("html", in: example))
        #expect(outline.error == nil, "\(outline.error ?? "")")
        // Timeline, confidence chart, and one progress bar per goal.
        #expect(outline.elements.filter { $0 == "svg" }.count == 5)
    }

    @Test func pageFetchesNothing() throws {
        let html = try report("html")
        #expect(!html.contains("http://") && !html.contains("https://"))
        let outline = PageOutline.parse(html)
        let fetching: Set<String> = [
            "script", "link", "img", "iframe", "object", "embed", "image", "use", "video",
        ]
        #expect(Set(outline.elements).isDisjoint(with: fetching))
        #expect(!outline.attributes.contains { $0.name == "src" || $0.name == "srcset" })
        #expect(!html.contains("url(") && !html.contains("@import"))
    }

    @Test func markdownReportShowsTheFacts() throws {
        let markdown = try report("markdown", in: Self.program, ["--mentorship", "chen-dee"])
        #expect(
            markdown.contains("Overdue action (mentor), due 2026-10-24: @mentor send Chen the testing guide"))
        #expect(
            markdown.contains(
                "| Ship a first feature | active | 2/3 | Open a first pull request | 2026-11-10 |"))
        #expect(markdown.contains("Question from the mentee (2026-10-25): Which feature should I pick next?"))
        #expect(markdown.contains("**The agreement's review was due 2026-11-15"))
    }

    @Test func outputFileForHTML() throws {
        let target = try temporaryFolder().appendingPathComponent("report.html")
        let run = try journal(
            ["--today", "2026-11-25", "report", "--format", "html", "--output", target.path], in: Self.program
        )
        #expect(run.status == 0)
        #expect(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == target.path)
        #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
    }
}

/// A journal's own templates replace the built-in ones; a broken one is named with its line.
@Suite struct TemplateOverrideTests {
    /// A copy of the program fixture, to add templates to.
    func journalCopy() throws -> URL {
        let folder = try temporaryFolder().appendingPathComponent("program")
        try FileManager.default.copyItem(at: FormatTests.program, to: folder)
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("templates"), withIntermediateDirectories: true)
        return folder
    }

    @Test func userTemplateWins() throws {
        let folder = try journalCopy()
        try "Check-in {{today}}\n{{#mentorships}}* {{pair}}: {{actionItemCount}} open\n{{/mentorships}}"
            .write(
                to: folder.appendingPathComponent("templates/report.md.mustache"), atomically: true,
                encoding: .utf8)
        let run = try journal(
            ["--today", "2026-11-25", "report", "--format", "markdown", "--sort", "name"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout
                == "Check-in 2026-11-25\n* Alex Moreau with Bo Lindqvist: 1 open\n"
                + "* Chen Wei with Dee Okafor: 2 open\n* Eli Novak with Fay Adeyemi: 0 open\n")
        // The other format keeps the built-in template.
        let html = try journal(["--today", "2026-11-25", "report", "--format", "html"], in: folder)
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
    }

    @Test func userHTMLTemplateStillEscapes() throws {
        let folder = try journalCopy()
        try "<p>{{#mentorships}}{{#reflections}}{{title}}{{/reflections}}{{/mentorships}}</p>\n".write(
            to: folder.appendingPathComponent("templates/report.html.mustache"), atomically: true,
            encoding: .utf8)
        let run = try journal(
            ["--today", "2026-11-25", "report", "--format", "html", "--sort", "name"], in: folder)
        // The policy comes first, whatever the template holds.
        #expect(
            run.stdout
                == "<meta http-equiv=\"Content-Security-Policy\" content=\"\(HTMLPolicy.contentSecurityPolicy)\" />\n"
                + "<meta http-equiv=\"x-dns-prefetch-control\" content=\"off\" />\n"
                + "<p>Kickoff nerves, &amp; a planThe bug fix landed</p>\n")
    }

    @Test(arguments: [
        ("report.html.mustache", "<html>\n<body>\n{{#mentorships}}\n<h2>{{pair}}</h2>\n{{/mentorship}}\n", 5),
        ("report.md.mustache", "# Report\n\n{{#goals}}\n- {{title}}\n", 3),
        ("report.md.mustache", "# {{today}}\n{{pair\n", 2),
    ])
    func brokenTemplateNamesFileAndLine(_ name: String, _ text: String, _ line: Int) throws {
        let folder = try journalCopy()
        try text.write(
            to: folder.appendingPathComponent("templates/" + name), atomically: true, encoding: .utf8)
        let format = name.contains("html") ? "html" : "markdown"
        let run = try journal(["--today", "2026-11-25", "report", "--format", format], in: folder)
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("templates/\(name):\(line):"), "\(run.stderr)")
        #expect(run.stderr.hasPrefix("journal: broken template: "), "\(run.stderr)")
    }
}
