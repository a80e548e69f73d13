import Foundation
import Testing

@testable import JournalKit

@Suite struct EntryParserTests {
    @Test func sessionFieldsAndPositions() throws {
        let entry = parse(
            """
            ---
            date: 2026-11-20
            duration: 1h30m
            goals: [first-patch, toy-compiler]
            status: held
            agenda:
              - Review the patch
              - Plan December
            next: 2026-12-04
            ---
            # Notes
            """)
        #expect(entry.diagnostics.isEmpty)
        #expect(entry.date?.description == "2026-11-20")
        let session = try #require(entry.session)
        #expect(session.durationMinutes == 90)
        #expect(session.agenda == ["Review the patch", "Plan December"])
        #expect(session.next?.description == "2026-12-04")
        #expect(session.goals.map(\.id) == ["first-patch", "toy-compiler"])
        // Line 4 of the file, columns of each id inside the flow list.
        #expect(
            session.goals.map(\.position) == [
                SourcePosition(line: 4, column: 9), SourcePosition(line: 4, column: 22),
            ])
    }

    @Test func invalidValuesPointAtTheValue() {
        let entry = parse(
            """
            ---
            date: 2026-02-30
            duration: an hour
            status: Held
            next: soon
            ---
            """)
        let found = entry.diagnostics.map { "\($0.rule)@\($0.line):\($0.column)" }
        #expect(found.contains("field/invalid@2:7"))
        #expect(found.contains("field/invalid@3:11"))
        #expect(found.contains("field/invalid@4:9"))
        #expect(found.contains("field/invalid@5:7"))
        #expect(
            entry.diagnostics.first { $0.line == 2 }?.message.contains("not a day on the calendar") == true)
    }

    @Test func missingRequiredKeyIsReportedAtFileStart() {
        let entry = parse("---\nduration: 45m\n---\n")
        let missing = entry.diagnostics.first { $0.rule == "field/missing" }
        #expect(missing?.message.contains("`date`") == true)
        #expect(missing.map { ($0.line, $0.column) } ?? (0, 0) == (1, 1))
    }

    @Test func agreementPeopleInBothForms() throws {
        let entry = parse(
            """
            ---
            mentor: Grace Hopper <grace@example.org>
            mentee:
              name: Ada Lovelace
              email: ada@example.org
              handle: countess
            started: 2026-08-25
            cadence: every 3 weeks
            duration: 45
            channel: chat
            confidential: false
            ---
            """, path: "agreement.md", kind: .agreement)
        #expect(entry.diagnostics.isEmpty)
        let agreement = try #require(entry.agreement)
        #expect(agreement.mentor?.handle == "grace")
        #expect(agreement.mentor?.email == "grace@example.org")
        #expect(agreement.mentee?.handle == "countess")
        #expect(agreement.cadence?.days == 21)
        #expect(agreement.durationMinutes == 45)
        #expect(agreement.confidential == false)
        #expect(agreement.status == .active)
    }

    @Test func badPersonAndCadence() {
        let entry = parse(
            "---\nmentor: Grace <grace\nmentee: [a, b]\nstarted: 2026-08-25\ncadence: fortnightly\n---\n",
            path: "agreement.md", kind: .agreement)
        let found = entry.diagnostics.map { "\($0.rule)@\($0.line):\($0.column)" }
        #expect(found == ["field/invalid@2:9", "field/invalid@3:9", "field/invalid@5:10"])
    }

    @Test func goalWithMilestones() throws {
        let entry = parse(
            """
            ---
            title: Land a first patch
            target: 2026-12-18
            milestones:
              - title: Build from source
                due: 2026-09-10
                done: 2026-09-09
              - {title: Find a bug, due: 2026-10-01, done: true}
              - title: Open a pull request
                due: 2026-11-13
            ---
            """, path: "goals/first-patch.md", kind: .goal)
        #expect(entry.diagnostics.isEmpty)
        let goal = try #require(entry.goal)
        #expect(goal.id == "first-patch")
        #expect(goal.status == .active)
        #expect(goal.milestones.map(\.done) == [true, true, false])
        #expect(goal.milestones[0].doneOn?.description == "2026-09-09")
        #expect(goal.milestones[2].position == SourcePosition(line: 9, column: 5))
    }

    @Test func unknownKeyWithinTwoEditsGetsASuggestion() {
        let entry = parse("---\ndate: 2026-11-20\nagneda: [x]\nmood: good\n---\n")
        #expect(entry.diagnostics.map(\.rule) == ["field/unknown"])
        #expect(entry.diagnostics.first?.message.contains("did you mean `agenda`?") == true)
        #expect(entry.diagnostics.first.map { ($0.line, $0.column) } ?? (0, 0) == (3, 1))
    }

    @Test func typeMustAgreeWithFolder() {
        let entry = parse("---\ntype: reflection\ndate: 2026-11-20\n---\n")
        #expect(rules(entry) == ["type/mismatch"])
    }

    @Test func reflectionDefaultsAndPrivate() throws {
        let entry = parse(
            "---\ndate: 2026-11-20\nprivate: true\nconfidence: 4\n---\n",
            path: "reflections/2026-11-20-late-night.md", kind: .reflection)
        #expect(entry.isPrivate)
        let reflection = try #require(entry.reflection)
        #expect(reflection.author == "mentee")
        #expect(reflection.title == "late-night")
        #expect(reflection.confidence == 4)
        #expect(entry.fileDate?.description == "2026-11-20")
    }

    @Test(arguments: ["0", "6", "high", "3.5"])
    func confidenceOutOfRange(_ value: String) {
        let entry = parse(
            "---\ndate: 2026-11-20\nconfidence: \(value)\n---\n", path: "reflections/x.md", kind: .reflection)
        #expect(rules(entry) == ["field/invalid"])
    }

    @Test func crlfAndBOMKeepLineNumbers() {
        let text = "\u{FEFF}---\r\ndate: 2026-11-20\r\nstatus: maybe\r\n---\r\n"
        let entry = parse(text)
        #expect(entry.diagnostics.map { "\($0.line):\($0.column)" } == ["3:9"])
    }

    @Test func frontMatterProblems() {
        #expect(rules(parse("# no front matter\n")) == ["front-matter/missing"])
        #expect(rules(parse("")) == ["front-matter/missing"])
        #expect(rules(parse("---\ndate: 2026-11-20\n")) == ["front-matter/unterminated"])
        #expect(rules(parse("---\n- a\n- b\n---\n")) == ["front-matter/not-mapping"])
        let yaml = parse("---\ndate: 2026-11-20\ngoals: [a, b\n---\n")
        #expect(rules(yaml) == ["front-matter/yaml"])
        #expect(yaml.diagnostics.first.map { $0.line >= 3 } == true)
        #expect(rules(parse("---\ndate: 2026-11-20\ndate: 2026-11-21\n---\n")) == ["front-matter/yaml"])
    }

    @Test func tabsInYAMLAreReported() {
        let entry = parse("---\ndate: 2026-11-20\nagenda:\n\t- one\n---\n")
        #expect(rules(entry) == ["front-matter/yaml"])
        #expect(entry.diagnostics.first?.line == 4)
    }

    @Test func invalidUTF8PointsAtTheBadByte() {
        var bytes = Array("---\ndate: 2026-11-20\n---\nhé".utf8)
        bytes.append(0xFF)
        let entry = EntryParser.parse(path: "sessions/2026-11-20.md", kind: .session, bytes: bytes)
        #expect(rules(entry) == ["file/encoding"])
        #expect(entry.diagnostics.first.map { ($0.line, $0.column) } ?? (0, 0) == (4, 3))
    }

    @Test func conflictMarkersAreFound() {
        let text = "---\ndate: 2026-11-20\n---\n<<<<<<< ours\nmine\n=======\ntheirs\n>>>>>>> theirs\n"
        let entry = parse(text)
        #expect(entry.hasConflictMarkers)
        #expect(entry.diagnostics.filter { $0.rule == "merge/conflict-markers" }.map(\.line) == [4, 8])
    }
}

/// Hostile files must yield a diagnostic quickly and never crash or hang.
@Suite struct HostileInputTests {
    @Test func randomBinary() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<200_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let entry = EntryParser.parse(path: "goals/x.md", kind: .goal, bytes: bytes)
        #expect(rules(entry) == ["file/encoding"])
    }

    @Test func nulBytesInFrontMatter() {
        let entry = EntryParser.parse(
            path: "goals/x.md", kind: .goal, bytes: Array("---\ntitle: a\u{0}b\n---\n".utf8))
        #expect(rules(entry) == ["front-matter/yaml"])
    }

    @Test func deeplyNestedFlowCollections() {
        let text =
            "---\nx: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
            + "\n---\n"
        var entry: Entry?
        let time = seconds { entry = parse(text, path: "goals/x.md", kind: .goal) }
        #expect(entry.map(rules) == ["front-matter/yaml"])
        #expect(entry?.diagnostics.first?.message.contains("nests deeper") == true)
        #expect(time < 10 * ordinaryTime(bytes: text.utf8.count), "\(time) s")
    }

    @Test func deeplyNestedBlockSequences() {
        let text = "---\nx:\n" + String(repeating: "- ", count: 100_000) + "a\n---\n"
        let entry = parse(text, path: "goals/x.md", kind: .goal)
        #expect(rules(entry) == ["front-matter/yaml"])
    }

    @Test func deeplyNestedBlockMappings() {
        // Block nesting needs ever wider indentation: 3,000 levels are 4.5 MB of text.
        var text = "---\n"
        for level in 0..<3_000 { text += String(repeating: " ", count: level) + "k:\n" }
        text += "---\n"
        var entry: Entry?
        let time = seconds { entry = parse(text, path: "goals/x.md", kind: .goal) }
        #expect(entry.map(rules) == ["front-matter/yaml"])
        #expect(time < 10 * ordinaryTime(bytes: text.utf8.count), "\(time) s")
    }

    @Test func billionLaughs() {
        var text = "---\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            text +=
                "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ")
                + "]\n"
            previous = name
        }
        var entry: Entry?
        let time = seconds { entry = parse(text + "title: lol\n---\n", path: "goals/x.md", kind: .goal) }
        #expect(entry.map(rules) == ["front-matter/yaml"])
        #expect(entry?.diagnostics.first?.message.contains("alias") == true)
        // 9^9 aliases, unexpanded: no slower than reading an ordinary entry of 100 KB.
        #expect(time < 10 * ordinaryTime(bytes: 100_000), "\(time) s")
        let asKey = parse(text + "? *i\n: x\n---\n", path: "goals/x.md", kind: .goal)
        #expect(rules(asKey) == ["front-matter/yaml"])
    }

    /// The fastest of two parses of an ordinary entry of about `bytes` bytes (front matter and
    /// prose), in this run: what a hostile shape's time is measured against.
    func ordinaryTime(bytes: Int) -> Double {
        let paragraph = "Some words of a reflection, with a [link](https://example.org) and *emphasis*.\n\n"
        let text =
            "---\ntitle: ordinary\ndate: 2026-11-20\n---\n"
            + String(repeating: paragraph, count: max(1, bytes / paragraph.utf8.count))
        return (0..<2).map { _ in seconds { _ = parse(text, path: "goals/x.md", kind: .goal) } }.min() ?? 0
    }

    /// A 10 MB file parses in about ten times what a 1 MB file of the same shape takes: cost grows
    /// in step with size (measured as a ratio in the same run, so a busy machine slows both).
    @Test func hugeFileParsesInLinearTime() {
        let paragraph =
            "- [ ] follow up @ada (due 2026-01-01)\n\n" + String(repeating: "lorem ipsum ", count: 60)
            + "\n\n"
        let small = "---\ntitle: big\n---\n" + String(repeating: paragraph, count: 1_400)
        let large = "---\ntitle: big\n---\n" + String(repeating: paragraph, count: 14_000)
        #expect(large.utf8.count > 10_000_000)
        var entry: Entry?
        // The fastest of three runs of each, alternating, so that a burst of load weighs little.
        var smallTime = Double.infinity
        var largeTime = Double.infinity
        for _ in 0..<3 {
            smallTime = min(smallTime, seconds { _ = parse(small, path: "goals/big.md", kind: .goal) })
            largeTime = min(largeTime, seconds { entry = parse(large, path: "goals/big.md", kind: .goal) })
        }
        #expect(entry?.diagnostics.isEmpty == true)
        #expect(
            largeTime < 25 * smallTime,
            "10 MB took \(largeTime) s, \(largeTime / smallTime) times the 1 MB file's \(smallTime) s")
    }

    @Test func emptyFrontMatterIsAnEmptyMapping() {
        #expect(rules(parse("---\n---\n")) == ["field/missing"])
    }
}

@Suite struct ReflectionSectionTests {
    @Test func partsComeFromTheirHeadings() throws {
        let entry = parse(
            """
            ---
            date: 2026-11-20
            ---
            # Getting ready

            ## Questions I want to ask
            - How long should the talk be?

            ## Wins to celebrate
            The abstract was accepted.

            ## Where I'm stuck
            - The outline keeps growing.
            - [ ] ask @mentor for an example outline
            """, path: "reflections/2026-11-20.md", kind: .reflection)
        let reflection = try #require(entry.reflection)
        #expect(reflection.title == "Getting ready")
        #expect(reflection.questions == ["How long should the talk be?"])
        #expect(reflection.wins == ["The abstract was accepted."])
        #expect(reflection.obstacles == ["The outline keeps growing.", "ask @mentor for an example outline"])
        #expect(entry.actionItems.map(\.owner) == ["mentor"])
    }

    @Test func nestedMatchingHeadingsDoNotRepeatItems() throws {
        let entry = parse(
            """
            ---
            date: 2026-11-20
            ---
            ## Obstacles
            - Time.

            ### Stuck on the parser
            - Left recursion.

            ### Challenges at work
            - A deadline.
            """, path: "reflections/2026-11-20.md", kind: .reflection)
        let reflection = try #require(entry.reflection)
        #expect(reflection.obstacles == ["Time.", "Left recursion.", "A deadline."])
    }

    @Test func questionsInsideAWinsHeadingGoToQuestions() throws {
        let entry = parse(
            """
            ---
            date: 2026-11-20
            ---
            # Winter notes
            - Snow.

            ## Questions
            - Why?
            """, path: "reflections/2026-11-20.md", kind: .reflection)
        let reflection = try #require(entry.reflection)
        #expect(reflection.questions == ["Why?"])
        #expect(reflection.wins == ["Snow."])
    }
}

@Suite struct ActionItemTests {
    @Test func allThreeNotationsAndOwners() throws {
        let entry = parse(
            """
            ---
            date: 2026-11-20
            ---
            - [ ] @ada send the draft (due 2026-11-22)
            - [x] @mentor review it due: 2026-11-23
            - [ ] @grace book a room 📅 2026-11-24
            - [ ] write it down somewhere
            - [ ] impossible (due 2026-02-30)

            ```
            - [ ] inside a code block
            ```

                - [ ] indented code
            """)
        let items = entry.actionItems
        #expect(items.count == 5)
        #expect(items.map(\.owner) == ["ada", "mentor", "grace", nil, nil])
        #expect(items.map { $0.due?.description } == ["2026-11-22", "2026-11-23", "2026-11-24", nil, nil])
        #expect(items.map(\.state) == [.open, .done, .open, .open, .open])
        #expect(
            items.map(\.text) == [
                "@ada send the draft", "@mentor review it", "@grace book a room", "write it down somewhere",
                "impossible",
            ])
        #expect(items.map(\.line) == [4, 5, 6, 7, 8])
        #expect(entry.diagnostics.map { "\($0.rule)@\($0.line)" } == ["field/invalid@8"])
    }
}

@Suite struct InlineDisableTests {
    /// The comment is found wherever it is, after near misses, and only when complete.
    @Test func commentsAnywhereInTheBody() {
        #expect(EntryParser.disabledRules(in: "<!-- journal-lint disable a/b -->") == ["a/b"])
        #expect(
            EntryParser.disabledRules(
                in: "journal journal-lint disabl\n\n- x\n<!--journal-lint disable c/d, e/f-->") == [
                    "c/d", "e/f",
                ])
        #expect(EntryParser.disabledRules(in: "text <!-- journal-lint disable") == [])
        #expect(EntryParser.disabledRules(in: "journal-lint disabl") == [])
        #expect(EntryParser.disabledRules(in: "") == [])
        #expect(EntryParser.disabledRules(in: "<!-- journal-lint enable a/b -->") == [])
    }
}
