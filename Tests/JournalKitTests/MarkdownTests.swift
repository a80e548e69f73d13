import Foundation
import Testing

@testable import JournalKit

/// How many times an ordinary body's cost a hostile one may take: well within reach of every
/// shape with `MarkdownBudget` (they measure 0.1 to 3 times), far below a quadratic blow-up
/// (hundreds of times).
private let costRatioLimit = 25.0

/// Seconds taken by `work`, measured on the monotonic clock.
private func markdownSeconds(_ work: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// How many times `work` costs what `baseline` costs: the two run in turn, `rounds` times, and
/// the fastest of each is compared (the baseline counted as a millisecond at least, below which
/// the clock's own jitter decides). Measured in the same run, so a busy machine slows both.
private func costRatio(rounds: Int = 2, of work: () -> Void, against baseline: () -> Void) -> Double {
    var fastestWork = Double.infinity
    var fastestBaseline = Double.infinity
    for _ in 0..<rounds {
        fastestWork = min(fastestWork, markdownSeconds(work))
        fastestBaseline = min(fastestBaseline, markdownSeconds(baseline))
    }
    return fastestWork / max(fastestBaseline, 0.001)
}

/// Ordinary prose of about `bytes` bytes: what a hostile body is measured against.
private func ordinaryProse(bytes: Int) -> String {
    let paragraph = "Some words of a reflection, with a [link](https://example.org) and *emphasis*.\n\n"
    return String(repeating: paragraph, count: max(1, bytes / paragraph.utf8.count))
}

/// How `summarize` costs on `body` against ordinary prose of its size.
private func summaryCostRatio(_ body: String, rounds: Int = 2) -> Double {
    let ordinary = ordinaryProse(bytes: body.utf8.count)
    return costRatio(
        rounds: rounds, of: { _ = MarkdownParser.summarize(body, firstLine: 1) },
        against: { _ = MarkdownParser.summarize(ordinary, firstLine: 1) })
}

/// How a summary and the HTML cost on `body` against ordinary prose of its size.
private func summaryAndHTMLCostRatio(_ body: String) -> Double {
    let ordinary = ordinaryProse(bytes: body.utf8.count)
    return costRatio(
        of: {
            _ = MarkdownParser.summarize(body, firstLine: 1)
            _ = MarkdownParser.html(body)
        },
        against: {
            _ = MarkdownParser.summarize(ordinary, firstLine: 1)
            _ = MarkdownParser.html(ordinary)
        })
}

@Suite("Markdown tasks")
struct MarkdownTaskTests {
    @Test func checkedAndUncheckedTasks() {
        let body = """
            Intro paragraph.

            - [ ] Open item with *emphasis*, `code` and a [link](https://example.com)
            - [x] Done item
            - [X] Also done
            - plain item
            """
        let tasks = MarkdownParser.summarize(body, firstLine: 1).tasks
        #expect(
            tasks == [
                TaskItem(
                    text: "Open item with emphasis, `code` and a link (https://example.com)", mark: " ",
                    line: 3, column: 1),
                TaskItem(text: "Done item", mark: "x", line: 4, column: 1),
                TaskItem(text: "Also done", mark: "x", line: 5, column: 1),
            ])
    }

    @Test func lineNumbersHonourFirstLine() {
        let body = "\n\n- [ ] third body line\n"
        let tasks = MarkdownParser.summarize(body, firstLine: 6).tasks
        #expect(tasks.map(\.line) == [8])
    }

    @Test func softBreaksBecomeSpacesAndSubListsAreNotText() {
        let body = """
            - [ ] first line
              continues here
              - [x] nested child
                - [ ] grandchild
            """
        let tasks = MarkdownParser.summarize(body, firstLine: 10).tasks
        #expect(
            tasks == [
                TaskItem(text: "first line continues here", mark: " ", line: 10, column: 1),
                TaskItem(text: "nested child", mark: "x", line: 12, column: 3),
                TaskItem(text: "grandchild", mark: " ", line: 13, column: 5),
            ])
    }

    @Test func orderedAndOtherMarkers() {
        let body = "1. [ ] ordered\n\n* [x] star\n\n+ [ ] plus\n"
        let tasks = MarkdownParser.summarize(body, firstLine: 1).tasks
        #expect(tasks.map(\.text) == ["ordered", "star", "plus"])
        #expect(tasks.map(\.mark) == [" ", "x", " "])
        #expect(tasks.map(\.line) == [1, 3, 5])
    }

    @Test func tasksInCodeBlocksAreIgnored() {
        let body = """
            ```
            - [ ] in a fenced block
            ```

            ~~~markdown
            - [x] in a tilde fence
            ~~~

                - [ ] in an indented code block

            <div>
            - [ ] in an HTML block
            </div>

            - [ ] real one
            """
        let tasks = MarkdownParser.summarize(body, firstLine: 1).tasks
        #expect(tasks == [TaskItem(text: "real one", mark: " ", line: 15, column: 1)])
    }

    @Test func tasksInBlockquotesAreFound() {
        let body = """
            > - [x] quoted done
            > - [ ] quoted open @ada
            >   - [ ] nested in quote
            > - \\[ ] escaped, not a task
            > - plain
            """
        let tasks = MarkdownParser.summarize(body, firstLine: 2).tasks
        #expect(
            tasks == [
                TaskItem(text: "quoted done", mark: "x", line: 2, column: 3),
                TaskItem(text: "quoted open @ada", mark: " ", line: 3, column: 3),
                TaskItem(text: "nested in quote", mark: " ", line: 4, column: 5),
            ])
    }

    @Test func taskAfterAnotherMarkerOnTheSameLine() {
        let body = "- - [ ] sub-list task\n\n1. - [x] under a number\n\n- - \\[ ] escaped\n"
        let tasks = MarkdownParser.summarize(body, firstLine: 1).tasks
        #expect(
            tasks == [
                TaskItem(text: "sub-list task", mark: " ", line: 1, column: 3),
                TaskItem(text: "under a number", mark: "x", line: 3, column: 4),
            ])
    }

    /// Entries other than reflections skip sections; their title and tasks are the same.
    @Test(arguments: [
        "- - [ ] sub-list task\n\n1. - [x] under a number\n\n- - \\[ ] escaped\n",
        "\n\n## \n# Real *title*\n\n## Notes\n\npara\n\n- [ ] a @ada\n  - [x] nested\n> - [ ] quoted\n- plain\n",
        "```\n- [ ] code\n```\n- [X] done (due 2026-01-02)\n\n### Wins\n\n- one\n",
        "",
    ])
    func withoutSectionsTitleAndTasksAreTheSame(_ body: String) {
        let full = MarkdownParser.summarize(body, firstLine: 5)
        let lean = MarkdownParser.summarize(body, firstLine: 5, sections: false)
        #expect(lean.title == full.title)
        #expect(lean.tasks == full.tasks)
        #expect(lean.sections.isEmpty)
    }

    @Test func crlfLineEndings() {
        let body = "Intro\r\n\r\n- [ ] one\r\n- [x] two\r\n\r\n## Wins\r\n- shipped\r\n"
        let summary = MarkdownParser.summarize(body, firstLine: 4)
        #expect(
            summary.tasks == [
                TaskItem(text: "one", mark: " ", line: 6, column: 1),
                TaskItem(text: "two", mark: "x", line: 7, column: 1),
            ])
        #expect(summary.sections == [MarkdownSection(heading: "Wins", level: 2, line: 9, items: ["shipped"])])
    }

    @Test func byteOrderMarkIsStripped() {
        let body = "\u{FEFF}- [ ] first line task\n- [x] second"
        let tasks = MarkdownParser.summarize(body, firstLine: 1).tasks
        #expect(
            tasks == [
                TaskItem(text: "first line task", mark: " ", line: 1, column: 1),
                TaskItem(text: "second", mark: "x", line: 2, column: 1),
            ])
    }

    @Test func columnsCountScalarsNotBytes() {
        // cmark reports byte columns; "é" is two bytes but one scalar.
        let source = Array("é> - x".utf8)
        #expect(MarkdownParser.scalarColumn(byteColumn: 5, lineStart: 0, in: source) == 4)
        #expect(MarkdownParser.scalarColumn(byteColumn: 1, lineStart: 0, in: source) == 1)
        #expect(MarkdownParser.scalarColumn(byteColumn: 99, lineStart: 0, in: source) == 7)
        #expect(MarkdownParser.lineStarts(in: Array("a\r\nb\rc\nd".utf8)) == [0, 3, 5, 7])
    }

    @Test func emptyTaskAndNoParagraph() {
        let tasks = MarkdownParser.summarize("- [ ] \n- [x]   \n", firstLine: 1).tasks
        #expect(tasks.map(\.text) == ["", ""])
        #expect(tasks.map(\.mark) == [" ", "x"])
    }

    @Test func inlineHtmlAndImagesInText() {
        let body = "- [ ] read <b>this</b> ![the alt](x.png) ~~not~~ now"
        #expect(
            MarkdownParser.summarize(body, firstLine: 1).tasks.map(\.text) == ["read this the alt not now"])
    }

    /// Links are read as the text a person wrote, whether or not they are written as links.
    @Test func bareLinksAndAddressesKeepTheirText() {
        let body =
            "- [ ] read www.example.org/a?b=1, https://x.org. and mail ada@example.org @mentee (due 2026-12-01)"
        let task = MarkdownParser.summarize(body, firstLine: 1).tasks.first
        #expect(
            task?.text
                == "read www.example.org/a?b=1, https://x.org. and mail ada@example.org @mentee (due 2026-12-01)"
        )
        #expect(ActionItemText.parse(task?.text ?? "").owner == "mentee")
    }
}

@Suite("Markdown sections and title")
struct MarkdownSectionTests {
    @Test func reflectionSections() {
        let body = """
            # Week 12 reflection

            Some intro text.

            ## Questions
            - How do I *scope* a design doc?
            - [ ] Ask about `git rebase`

            ## Wins
            Shipped the parser.
            Soft-wrapped line.

            Paired with Ada.

            ## What's in my way (obstacles)
            1. Flaky CI
            2. Too many meetings
               - nested detail is not an item of its own

            ```
            - not an item
            ```
            """
        let summary = MarkdownParser.summarize(body, firstLine: 5)
        #expect(summary.title == "Week 12 reflection")
        #expect(
            summary.sections == [
                MarkdownSection(
                    heading: "Week 12 reflection", level: 1, line: 5,
                    items: [
                        "How do I scope a design doc?", "Ask about `git rebase`", "Flaky CI",
                        "Too many meetings",
                    ]),
                MarkdownSection(
                    heading: "Questions", level: 2, line: 9,
                    items: ["How do I scope a design doc?", "Ask about `git rebase`"]),
                MarkdownSection(
                    heading: "Wins", level: 2, line: 13,
                    items: ["Shipped the parser. Soft-wrapped line.", "Paired with Ada."]),
                MarkdownSection(
                    heading: "What's in my way (obstacles)", level: 2, line: 19,
                    items: ["Flaky CI", "Too many meetings"]),
            ])
    }

    @Test func sectionEndsAtSameOrHigherLevel() {
        let body = """
            ## Wins
            ### At work
            - shipped
            ### At home
            - ran 5k
            ## Challenges
            - stuck on tests
            # Next
            text
            """
        let sections = MarkdownParser.summarize(body, firstLine: 1).sections
        #expect(sections.map(\.heading) == ["Wins", "At work", "At home", "Challenges", "Next"])
        #expect(
            sections.map(\.items) == [
                ["shipped", "ran 5k"], ["shipped"], ["ran 5k"], ["stuck on tests"], ["text"],
            ])
        #expect(sections.map(\.level) == [2, 3, 3, 2, 1])
        #expect(sections.map(\.line) == [1, 2, 4, 6, 8])
    }

    @Test func titleIsFirstHeadingOfAnyLevel() {
        #expect(
            MarkdownParser.summarize("text\n\n### Third level first\n# Top", firstLine: 1).title
                == "Third level first")
        #expect(MarkdownParser.summarize("Setext *title*\n===\n", firstLine: 1).title == "Setext title")
        #expect(MarkdownParser.summarize("no heading here\n", firstLine: 1).title == nil)
        #expect(MarkdownParser.summarize("> # quoted heading\n", firstLine: 1).title == nil)
    }
}

@Suite("Markdown HTML")
struct MarkdownHTMLTests {
    @Test func safeModeDropsScriptsAndJavascriptLinks() {
        let html = MarkdownParser.html(
            "<script>alert(1)</script>\n\n[click](javascript:alert(2)) <img src=x onerror=alert(3)>\n")
        #expect(!html.contains("<script"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("onerror"))
        #expect(html.contains("raw HTML omitted"))
        #expect(html.contains(">click</a>"))
    }

    @Test func gfmExtensionsRender() {
        let html = MarkdownParser.html(
            "- [x] done\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~ www.example.com\n")
        #expect(html.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" />"))
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>gone</del>"))
        #expect(html.contains("<a href=\"http://www.example.com\">"))
    }

    @Test func emptyInputRendersNothing() {
        #expect(MarkdownParser.html("") == "")
    }
}

@Suite("Markdown hostile input", .serialized)
struct MarkdownRobustnessTests {
    @Test func emptyBody() {
        #expect(
            MarkdownParser.summarize("", firstLine: 1) == MarkdownSummary(title: nil, tasks: [], sections: [])
        )
        #expect(MarkdownParser.summarize("\u{FEFF}", firstLine: 1).tasks.isEmpty)
    }

    @Test func binaryJunkWithNulBytes() {
        var junk = "- [ ] a\u{0}b\n\n\u{0}\u{0}- [x] c\n\n"
        for value in 1..<2000 {
            junk.unicodeScalars.append(Unicode.Scalar(UInt8(truncatingIfNeeded: value * 37)))
        }
        junk += "\n\n- [x] after junk\n"
        let summary = MarkdownParser.summarize(junk, firstLine: 1)
        #expect(summary.tasks.first == TaskItem(text: "a\u{FFFD}b", mark: " ", line: 1, column: 1))
        #expect(summary.tasks.last?.text == "after junk")
        #expect(!MarkdownParser.html(junk).isEmpty)
        // NUL becomes U+FFFD before cmark sees it, as cmark itself would, so byte columns agree.
        #expect(MarkdownParser.cmarkBytes("a\u{0}b") == [0x61, 0xEF, 0xBF, 0xBD, 0x62])
    }

    @Test func extremeFirstLineDoesNotOverflow() {
        let tasks = MarkdownParser.summarize("\n- [ ] x", firstLine: Int.max).tasks
        #expect(tasks.map(\.line) == [Int.max])
    }

    @Test func tenMegabyteBody() {
        let chunk = """
            ## Session notes
            Talked about *goals* and [links](https://example.com), see `code`.

            - [ ] follow up @ada (due 2026-11-20)
            - [x] done item
            > - [ ] quoted task

            """
        let body = String(repeating: chunk, count: 10_000_000 / chunk.utf8.count + 1)
        var summary = MarkdownSummary(title: nil, tasks: [], sections: [])
        let copies = 10_000_000 / chunk.utf8.count + 1
        // Linear: ten times the body costs about ten times a tenth of it.
        let tenth = String(repeating: chunk, count: copies / 10)
        let ratio = costRatio(
            of: { summary = MarkdownParser.summarize(body, firstLine: 1) },
            against: { _ = MarkdownParser.summarize(tenth, firstLine: 1) })
        print("10 MB body (\(body.utf8.count) bytes): \(ratio) times a tenth of it")
        #expect(summary.tasks.count == copies * 3)
        #expect(summary.sections.count == copies)
        let linesPerChunk = chunk.filter { $0 == "\n" }.count
        #expect(summary.tasks.last?.line == copies * linesPerChunk)
        #expect(ratio < costRatioLimit)
    }

    @Test func hundredThousandNestedBlockquotes() {
        let body = String(repeating: "> ", count: 100_000) + "- [x] deep task\n"
        var summary = MarkdownSummary(title: nil, tasks: [], sections: [])
        summary = MarkdownParser.summarize(body, firstLine: 1)
        let ratio = summaryCostRatio(body)
        print("100,000 nested blockquotes: \(ratio) times ordinary prose")
        #expect(summary.tasks == [TaskItem(text: "deep task", mark: "x", line: 1, column: 200_001)])
        #expect(ratio < costRatioLimit)
        let htmlTime = markdownSeconds { #expect(MarkdownParser.html(body).contains("deep task")) }
        print("100,000 nested blockquotes, html: \(htmlTime) s")
    }

    @Test func hundredThousandNestedLists() {
        let body = String(repeating: "- ", count: 100_000) + "[ ] deep task\n"
        var summary = MarkdownSummary(title: nil, tasks: [], sections: [])
        summary = MarkdownParser.summarize(body, firstLine: 1)
        let ratio = summaryCostRatio(body)
        print("100,000 nested lists: \(ratio) times ordinary prose")
        #expect(summary.tasks == [TaskItem(text: "deep task", mark: " ", line: 1, column: 199_999)])
        #expect(ratio < costRatioLimit)
        let htmlTime = markdownSeconds { #expect(MarkdownParser.html(body).contains("deep task")) }
        print("100,000 nested lists, html: \(htmlTime) s")
    }

    @Test func deeplyIndentedListLines() {
        // One more level per line: 3,000 levels is already 9 MB of indentation.
        var body = ""
        for depth in 0..<3_000 {
            body += String(repeating: "  ", count: depth) + "- [ ] level \(depth)\n"
        }
        var summary = MarkdownSummary(title: nil, tasks: [], sections: [])
        summary = MarkdownParser.summarize(body, firstLine: 1)
        let ratio = summaryCostRatio(body, rounds: 1)
        print("3,000 indented list levels (\(body.utf8.count) bytes): \(ratio) times ordinary prose")
        #expect(summary.tasks.count == 3_000)
        #expect(
            summary.tasks.last == TaskItem(text: "level 2999", mark: " ", line: 3_000, column: 5_999))
        #expect(ratio < costRatioLimit)
    }

    @Test func deeplyNestedInlines() {
        let body =
            "- [ ] " + String(repeating: "*a ", count: 50_000) + String(repeating: "[", count: 50_000) + "x"
        var summary = MarkdownSummary(title: nil, tasks: [], sections: [])
        summary = MarkdownParser.summarize(body, firstLine: 1)
        let ratio = summaryCostRatio(body)
        print("nested inlines: \(ratio) times ordinary prose")
        #expect(summary.tasks.count == 1)
        #expect(ratio < costRatioLimit)
    }

    /// cmark-gfm keeps the characters its extensions react to (`~`, `|`, `:`, `w`) in one
    /// table for the whole process and clears them after every parse; parses on other threads
    /// must still see strikethrough, tables and links exactly as a lone parse does.
    @Test func manyThreadsAtOnce() async {
        let lines = (0..<40).map { "- [ ] ~~drop~~ keep \($0) www.example.org | a |" }
        let body =
            "# T\n\n- [ ] one @ada\n> - [x] two\n\n| a | b |\n|---|---|\n| ~~x~~ | y |\n\n"
            + lines.joined(separator: "\n") + "\n"
        let expected = MarkdownParser.summarize(body, firstLine: 3)
        let expectedHTML = MarkdownParser.html(body)
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    (0..<40).allSatisfy { _ in
                        MarkdownParser.summarize(body, firstLine: 3) == expected
                            && MarkdownParser.html(body) == expectedHTML
                    }
                }
            }
            var all: [Bool] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 16 && results.allSatisfy { $0 })
        #expect(expected.tasks.count == 42)
        #expect(expected.tasks.last?.text == "drop keep 39 www.example.org | a |")
        #expect(expectedHTML.contains("<del>drop</del>") && expectedHTML.contains("<table>"))
    }
}

@Suite("Action item text")
struct ActionItemTextTests {
    @Test func parenthesisedDue() {
        let item = ActionItemText.parse("Send the draft to @mentor (due 2026-11-20)")
        #expect(
            item
                == ActionItemText(
                    text: "Send the draft to @mentor", owner: "mentor", due: "2026-11-20", dueColumnOffset: 26
                ))
    }

    @Test func labelledDue() {
        let item = ActionItemText.parse("Book the room — due: 2026-12-01")
        #expect(
            item == ActionItemText(text: "Book the room", owner: nil, due: "2026-12-01", dueColumnOffset: 16))
        #expect(ActionItemText.parse("Read chapter 3, DUE:2026-01-05").due == "2026-01-05")
        #expect(ActionItemText.parse("Read chapter 3, DUE:2026-01-05").text == "Read chapter 3")
    }

    @Test func calendarEmojiDue() {
        let item = ActionItemText.parse("📅 2026-03-04 — Review PR with @mentee")
        #expect(
            item
                == ActionItemText(
                    text: "Review PR with @mentee", owner: "mentee", due: "2026-03-04", dueColumnOffset: 0))
        #expect(ActionItemText.parse("Pay fee 📅\u{FE0F}2026-03-04").due == "2026-03-04")
    }

    @Test func everyNotationOfTheContract() {
        for text in [
            "@ada send it (due 2026-12-05)", "@ada send it due: 2026-12-05", "@ada send it due 2026-12-05",
            "@ada send it [due:: 2026-12-05]", "@ada send it 📅 2026-12-05", "@ada send it DUE 2026-12-05.",
        ] {
            let item = ActionItemText.parse(text)
            #expect(item.due == "2026-12-05", "\(text)")
            #expect(item.text.hasPrefix("@ada send it"), "\(text)")
            #expect(!item.text.contains("2026"), "\(text)")
        }
    }

    @Test func tasksFieldsAreUnderstoodAndLeaveTheText() {
        let item = ActionItemText.parse(
            "@ada book the room ⏫ 🛫 2026-11-01 ⏳ 2026-11-02 ➕ 2026-10-30 📅 2026-11-05 🔁 every week on Monday ✅ 2026-11-04"
        )
        #expect(item.text == "@ada book the room")
        #expect(item.due == "2026-11-05")
        #expect(item.unreadableDue == nil)
        #expect(ActionItemText.parse("call Sam 🔽").text == "call Sam")
    }

    @Test func dueWordsThatAreNoDateAreReported() {
        for (text, phrase) in [
            ("@ada send it due tomorrow", "due tomorrow"), ("@ada send it (due Friday)", "(due Friday"),
            ("send it due: soon", "due: soon"), ("send it 📅 next week", "📅 next week"),
            ("send it due 12/05", "due 12/05"), ("send it [due:: Friday]", "[due:: Friday"),
        ] {
            let item = ActionItemText.parse(text)
            #expect(item.due == nil, "\(text)")
            #expect(item.unreadableDue?.text == phrase, "\(text)")
        }
        for text in ["the report is due to change", "overdue tomorrow", "a due date", "due"] {
            #expect(ActionItemText.parse(text).unreadableDue == nil, "\(text)")
        }
    }

    @Test func offsetCountsScalars() {
        // "é" and "🎉" are one scalar each (but 2 and 4 UTF-8 bytes).
        let item = ActionItemText.parse("é🎉 x (Due 2026-11-20)")
        #expect(item.dueColumnOffset == 5)
        #expect(item.text == "é🎉 x")
    }

    @Test func firstNotationWinsAndAllAreRemoved() {
        let item = ActionItemText.parse("Ship it due: 2026-01-02 or (due 2026-02-03) 📅 2026-03-04, ok")
        #expect(item.due == "2026-01-02")
        #expect(item.dueColumnOffset == 8)
        #expect(item.text == "Ship it or, ok")
    }

    @Test func malformedDatesAreReportedRawForTheCaller() {
        #expect(ActionItemText.parse("x (due 2026-02-30)").due == "2026-02-30")
        #expect(ActionItemText.parse("x due: 2026-2-3").due == "2026-2-3")
    }

    @Test func notNotations() {
        for text in [
            "postponed (due to illness)", "overdue: 2026-01-01", "overdue 2026-01-01", "due:: 2026-01-01]",
            "due: 2026-01-011", "📅 soon",
        ] {
            let item = ActionItemText.parse(text)
            #expect(item.due == nil, "\(text)")
            #expect(item.dueColumnOffset == nil, "\(text)")
            #expect(item.text == text, "\(text)")
        }
    }

    @Test func punctuationReattaches() {
        let item = ActionItemText.parse("Email   Ada (due 2026-01-02).")
        #expect(item.text == "Email Ada.")
        #expect(ActionItemText.parse("Send draft — due: 2026-01-01 — to @ada").text == "Send draft — to @ada")
        #expect(ActionItemText.parse("(call Ada due: 2026-01-01)").text == "(call Ada)")
    }

    @Test func owners() {
        #expect(ActionItemText.parse("@mentor books the room").owner == "mentor")
        #expect(ActionItemText.parse("ask @mentee.").owner == "mentee")
        #expect(ActionItemText.parse("pair with @ada.l-b_2 and @bob").owner == "ada.l-b_2")
        #expect(ActionItemText.parse("(@ada) review").owner == "ada")
        #expect(ActionItemText.parse("no owner here").owner == nil)
        #expect(ActionItemText.parse("lonely @ sign and @.").owner == nil)
    }

    @Test func emailIsNotAnOwner() {
        #expect(ActionItemText.parse("write to ada@example.com").owner == nil)
        #expect(ActionItemText.parse("write to ada@example.com, cc @bob").owner == "bob")
        #expect(ActionItemText.parse("mail josé@example.com").owner == nil)
        #expect(ActionItemText.parse("x_@a, 1@b, Z@c and é @d").owner == "d")
        #expect(ActionItemText.parse("ΑΒΓ@x then @y (due 2026-01-02)").owner == "y")
        #expect(ActionItemText.parse("café: @zoë").owner == "zo")
    }

    @Test func plainTextIsOnlyCollapsedAndTrimmed() {
        let item = ActionItemText.parse("  Questions to ask:  ")
        #expect(item == ActionItemText(text: "Questions to ask:", owner: nil, due: nil, dueColumnOffset: nil))
    }
}

/// The shapes that cost cmark-gfm 0.29 the square of their length, kept in proportion by
/// `MarkdownBudget`. Each is timed against ordinary prose of the same size in the same run
/// (`costRatio`): unbounded, each case takes hundreds of times as long.
@Suite("Markdown cost in proportion to length", .serialized)
struct MarkdownBudgetTests {
    @Test func ordinaryBodiesReachCmarkUnchanged() {
        let body =
            "# Notes\n\n- [ ] ask @mentor [the guide](https://example.org) | a | b |\n\nA [link] and `[code]`.\n"
        #expect(MarkdownParser.cmarkBytes(body) == Array(body.utf8))
    }

    @Test func linkOpenersInOneParagraph() {
        // Each `[]()` link walks back over every `![` still open: quadratic without the budget.
        let body =
            "## Questions\n\n" + String(repeating: "![[]()", count: 50_000)
            + "\n\n## Next\n\n- [ ] after it\n"
        var summary = MarkdownSummary(title: nil, tasks: [], sections: [])
        summary = MarkdownParser.summarize(body, firstLine: 5)
        let html = MarkdownParser.html(body)
        let ratio = summaryAndHTMLCostRatio(body)
        print("![[]() x 50,000: \(ratio) times ordinary prose")
        #expect(ratio < costRatioLimit)
        // Nothing is lost: the paragraph reads as it was written, the task after it is found.
        #expect(
            summary.sections.first?.items.first?.hasPrefix("![[]()![[]()") == true,
            "\(String(describing: summary.sections.first?.items.first?.prefix(40)))")
        #expect(summary.tasks == [TaskItem(text: "after it", mark: " ", line: 11, column: 1)])
        #expect(html.contains("![[]()![[]()"))
    }

    @Test func tenThousandColumnTable() {
        let row = { (cell: String) in "|" + String(repeating: cell + "|", count: 10_000) + "\n" }
        let body = row("a") + row("-") + String(repeating: row("b"), count: 20) + "\n- [x] done\n"
        let html = MarkdownParser.html(body)
        let ratio = summaryAndHTMLCostRatio(body)
        print("10,000-column table: \(ratio) times ordinary prose")
        #expect(ratio < costRatioLimit)
        #expect(html.contains("|a|a|"))
        #expect(MarkdownParser.summarize(body, firstLine: 1).tasks.map(\.text) == ["done"])
    }

    @Test func longLineOfAddresses() {
        // The autolink extension copies the rest of a text node at each address it links.
        let line = String(repeating: "write to a_b@example.org or www.example.org ", count: 20_000)
        let body = "Intro\n\n" + line + "\n\n- [ ] reply @mentee (due 2026-12-01)\n"
        let html = MarkdownParser.html(body)
        let ratio = summaryAndHTMLCostRatio(body)
        print("long line of addresses (\(line.utf8.count) bytes): \(ratio) times ordinary prose")
        #expect(ratio < costRatioLimit)
        // Every word is still there, and lines after the long one keep their numbers.
        #expect(html.components(separatedBy: "a_b@example.org</a>").count == 20_001)
        let summary = MarkdownParser.summarize(body, firstLine: 10)
        #expect(summary.tasks.map(\.line) == [14])
    }

    /// Hostile shapes made by a seeded generator (nesting, brackets, emphasis, tables, quotes,
    /// lists, and all of them mixed), each about 250 KB: summary and HTML in proportion.
    @Test(arguments: ["nesting", "brackets", "emphasis", "tables", "quotes", "lists", "mixed"])
    func generatedHostileShapes(_ shape: String) {
        var state: UInt64 = 20_261_207 &+ UInt64(shape.utf8.count)
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(max(bound, 1)))
        }
        // In a fixed order, so that the same seed makes the same body in every run.
        let pieces: KeyValuePairs<String, [String]> = [
            "nesting": ["> ", "- ", "1. ", "  ", "> - "],
            "brackets": ["[", "]", "(", ")", "![", "[]", "]("],
            "emphasis": ["*", "_", "**", "__", "*_", "~"],
            "tables": ["|", "-|", "|:-", "a|", "|\n"],
            "quotes": ["> ", ">", "> > ", "[", "]("],
            "lists": ["- ", "* ", "+ ", "1. ", "- [ ] ", "    "],
        ]
        let all = pieces.flatMap(\.value) + ["\n", "word ", "`", "<", "&"]
        var body = ""
        while body.utf8.count < 250_000 {
            let choices = pieces.first { $0.key == shape }?.value ?? all
            var line = ""
            for _ in 0..<(1 + next(80)) { line += choices[next(choices.count)] }
            body += line + (next(4) == 0 ? "\n\n" : "\n")
        }
        let ratio = summaryAndHTMLCostRatio(body)
        print("\(shape): \(ratio) times ordinary prose")
        #expect(ratio < costRatioLimit, "\(shape)")
    }

    @Test func bracketsInAReadingListStayLinks() {
        // Many links, each in its own list item: every item is a block of its own.
        let body = (1...500).map { "- [guide \($0)](https://example.org/\($0))" }.joined(separator: "\n")
        #expect(MarkdownParser.cmarkBytes(body) == Array(body.utf8))
        #expect(MarkdownParser.html(body).contains("<a href=\"https://example.org/500\">guide 500</a>"))
    }

    @Test func escapedBracketsAndTaskBoxesSurviveTheEscapes() {
        let paragraph = String(repeating: "\\[x] [y] ", count: 300)
        let body = "- [ ] " + paragraph + "\n"
        let summary = MarkdownParser.summarize(body, firstLine: 1)
        #expect(summary.tasks.count == 1)
        #expect(summary.tasks.first?.text.hasPrefix("[x] [y] [x] [y]") == true)
    }
}

@Suite("Action item text against any input") struct ActionItemTextFuzzTests {
    /// Pieces that start every notation and field, in every order, cut anywhere.
    static let pieces = [
        "due", "Due", ":", "::", " ", "(", ")", "[", "]", "2026-11-2", "2026-11-20", "12/05", "tomorrow",
        "\u{1F4C5}", "\u{FE0F}", "\u{23EB}", "\u{1F501}", "every week", "\u{2705}", "\u{1F6EB}", "@ada", "x",
        "\u{00E9}", "\t", "—", ",",
    ]

    @Test func noTextBreaksTheParser() {
        var state: UInt64 = 0x9E37_79B9
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        for _ in 0..<20_000 {
            let text = (0..<(next() % 12)).map { _ in Self.pieces[next() % Self.pieces.count] }.joined()
            let item = ActionItemText.parse(text)
            // The date it found is in the text as written, and the text left holds no due notation.
            // (Compared by bytes: a variation selector after a digit makes one Character of both.)
            if let due = item.due {
                #expect(Array(text.utf8).firstRange(of: Array(due.utf8)) != nil, "\(text)")
            }
            if item.due != nil {
                #expect(ActionItemText.parse(item.text).due == nil, "\(text) → \(item.text)")
            }
        }
    }
}
