import Foundation
import Testing

@testable import JournalKit

@Suite struct CalendarDateTests {
    @Test func parsesRealDays() throws {
        #expect(CalendarDate("2026-11-25")?.description == "2026-11-25")
        #expect(CalendarDate("0001-02-03")?.description == "0001-02-03")
        #expect(try #require(CalendarDate("9999-12-31")).adding(days: 14).description == "10000-01-14")
        #expect(CalendarDate("2028-02-29") != nil)
    }

    @Test(arguments: [
        "2026-02-30", "2026-02-29", "2026-13-01", "2026-00-10", "2026-1-5", "26-11-25", "2026-11-25x", "",
    ])
    func rejectsImpossibleOrMalformed(_ text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test func arithmeticAcrossMonthsAndYears() throws {
        let date = try #require(CalendarDate("2026-12-28"))
        #expect(date.adding(days: 7).description == "2027-01-04")
        #expect(date.days(to: try #require(CalendarDate("2027-01-04"))) == 7)
        #expect(try #require(CalendarDate("2026-01-31")).adding(months: 1).description == "2026-02-28")
        #expect(try #require(CalendarDate("2024-01-31")).adding(months: 1).description == "2024-02-29")
        #expect(CalendarDate(dayNumber: date.dayNumber) == date)
        #expect(try #require(CalendarDate("1970-01-01")).dayNumber == 0)
    }

    @Test func todayIsTheLocalCalendarDay() throws {
        // 2026-11-25 23:30 in UTC is already 2026-11-26 in Tokyo: the local day wins.
        let instant = Date(timeIntervalSince1970: 1_795_649_400)
        let utc = CalendarDate.today(now: instant, timeZone: try #require(TimeZone(identifier: "UTC")))
        let tokyo = CalendarDate.today(
            now: instant, timeZone: try #require(TimeZone(identifier: "Asia/Tokyo")))
        #expect(utc.description == "2026-11-25")
        #expect(tokyo.description == "2026-11-26")
    }
}

@Suite struct CadenceAndDurationTests {
    @Test(arguments: [
        ("weekly", 7), ("biweekly", 14), ("monthly", 30), ("every 3 days", 3), ("every 2 weeks", 14),
        ("every 2 months", 60), ("Every 1 week", 7),
    ])
    func cadenceDays(_ text: String, _ days: Int) {
        #expect(Cadence(text)?.days == days)
    }

    @Test(arguments: ["fortnightly", "every weeks", "every 0 days", "every 3 years", "", "every -1 days"])
    func badCadences(_ text: String) {
        #expect(Cadence(text) == nil)
    }

    @Test func monthlyCadenceUsesCalendarMonths() throws {
        let cadence = try #require(Cadence("monthly"))
        #expect(cadence.next(after: try #require(CalendarDate("2026-01-31"))).description == "2026-02-28")
        let biweekly = try #require(Cadence("biweekly"))
        #expect(biweekly.next(after: try #require(CalendarDate("2026-11-10"))).description == "2026-11-24")
    }

    @Test(arguments: [
        ("45m", 45), ("1h", 60), ("1h30m", 90), ("90", 90), ("2H", 120), (" 1h\t", 60), ("+90", 90),
        ("\u{00A0}1h30m\u{00A0}", 90), ("1H05M", 65),
    ])
    func durations(_ text: String, _ minutes: Int) {
        #expect(MeetingDuration.minutes(text) == minutes)
    }

    @Test(arguments: [
        "", "1 hour", "30s", "m", "1m30h", "-5", "0", "1h30", "h", "0h", "1h1h", "\u{10}h", "1\u{10}m",
        "999999999999h", "１h",
    ])
    func badDurations(_ text: String) {
        #expect(MeetingDuration.minutes(text) == nil)
    }
}

@Suite struct PersonTests {
    @Test func nameAndEmail() throws {
        let person = try #require(Person(parsing: "Ada Lovelace <ada@example.org>"))
        #expect(person.name == "Ada Lovelace")
        #expect(person.email == "ada@example.org")
        #expect(person.handle == "ada")
    }

    @Test func explicitHandleWins() {
        #expect(Person(name: "Grace Hopper", email: nil, handle: "@amazing").handle == "amazing")
    }

    @Test(arguments: ["", "Ada <>", "Ada <ada@example.org", "Ada > x", "Ada <a@b> <c@d>"])
    func malformed(_ text: String) {
        #expect(Person(parsing: text) == nil)
    }
}

@Suite struct SourceTextTests {
    @Test func splitsFrontMatterAndBody() {
        let source = SourceText("---\ndate: 2026-11-20\n---\n# Title\n")
        #expect(source.state == .present)
        #expect(source.yaml == "date: 2026-11-20\n")
        #expect(source.body == "# Title\n")
        #expect(source.bodyFirstLine == 4)
    }

    @Test func acceptsDotsAsClosingFenceBOMAndCRLF() {
        let source = SourceText("\u{FEFF}---\r\na: 1\r\n...\r\nbody\r\n")
        #expect(source.state == .present)
        #expect(source.yaml == "a: 1\n")
        #expect(source.body == "body\n")
    }

    @Test func missingAndUnterminated() {
        #expect(SourceText("# just markdown\n").state == .missing)
        #expect(SourceText("").state == .missing)
        #expect(SourceText("---\na: 1\n").state == .unterminated)
        #expect(SourceText("---").state == .unterminated)
    }
}

@Suite struct JSONOutputTests {
    /// Journal text reaches JSON readers intact: quotes, backslashes, control characters and
    /// JavaScript's line separators are escaped, everything else (accents, emoji) kept as is.
    @Test func stringsAreEscapedAndRoundTrip() throws {
        let text = "Ada said \"hi\"\\ \n\r\t\u{01}\u{1F} café 🎉 \u{2028}\u{2029} end"
        let rendered = JSONValue.object([("title", .string(text)), ("n", .int(-3)), ("ok", .bool(true))])
            .rendered()
        #expect(
            rendered
                == "{\n  \"title\": \"Ada said \\\"hi\\\"\\\\ \\n\\r\\t\\u0001\\u001f café 🎉 \\u2028\\u2029 end\",\n"
                + "  \"n\": -3,\n  \"ok\": true\n}\n")
        let decoded = try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: Any]
        #expect(decoded?["title"] as? String == text)
    }

    /// Long lists come out in order, indented like short ones.
    @Test func longListsKeepTheirOrder() {
        let items = (0..<300).map {
            JSONValue.object([("n", .int($0)), ("tags", .array([.string("t\($0)")]))])
        }
        let expected =
            "{\n  \"items\": [\n"
            + (0..<300).map {
                "    {\n      \"n\": \($0),\n      \"tags\": [\n        \"t\($0)\"\n      ]\n    }"
            }
            .joined(separator: ",\n") + "\n  ]\n}\n"
        #expect(JSONValue.object([("items", .array(items))]).rendered() == expected)
    }

    /// Strings are scanned eight bytes at a time: a character that needs escaping is found
    /// at every offset, next to plain ASCII and next to other UTF-8.
    @Test func everyEscapeIsFoundWhereverItStands() throws {
        let specials: [(Character, String)] = [
            ("\"", "\\\""), ("\\", "\\\\"), ("\n", "\\n"), ("\u{0}", "\\u0000"), ("\u{1F}", "\\u001f"),
            ("\u{2028}", "\\u2028"), ("\u{2029}", "\\u2029"),
        ]
        for filler in ["abcdefghijklmnopqrstuvwx", "éàü€日本語テキスト✓✓✓"] {
            for (special, escaped) in specials {
                for offset in 0...filler.count {
                    var text = filler
                    text.insert(special, at: text.index(text.startIndex, offsetBy: offset))
                    let expected = String(filler.prefix(offset)) + escaped + String(filler.dropFirst(offset))
                    #expect(JSONValue.string(text).rendered() == "\"\(expected)\"\n")
                }
            }
        }
        // Bytes that only look close to a special one are kept: U+2027, U+202A, "#", "[".
        let near = "\u{2027}\u{202A}#[ plain text, long enough for several words"
        #expect(JSONValue.string(near).rendered() == "\"\(near)\"\n")
    }

    /// A value written ahead of time for its place in a document reads exactly as if it had
    /// been written in place.
    @Test func aValueWrittenAheadReadsTheSame() {
        let items = (0..<20).map {
            JSONValue.object([("n", .int($0)), ("tags", .array([.string("t\($0)")]))])
        }
        let inPlace = JSONValue.object([("items", .array(items)), ("end", .null)]).rendered()
        let ahead = JSONValue.object([("items", .array(items.map { $0.written(indent: 4) })), ("end", .null)])
        #expect(ahead.rendered() == inPlace)
        // In pieces, the values written ahead are pieces of their own, and together they read the same.
        let parts = ahead.renderedParts()
        #expect(parts.count == 2 * items.count + 1)
        #expect(String(decoding: parts.joined(), as: UTF8.self) == inPlace)
    }

    /// Writing with the writer directly lays out text exactly as writing a tree through it: empty and
    /// filled containers, nesting, nulls and trees placed inside it.
    @Test func theStreamingWriterMatchesTheTree() {
        let tree = JSONValue.object([
            ("name", .string("Ada \"A\" L")), ("none", .null), ("count", .int(-2)), ("ok", .bool(false)),
            ("empty", .array([])), ("nothing", .object([])),
            ("items", .array([.object([("n", .int(1)), ("tags", .array([.string("x")]))]), .object([])])),
            ("person", .object([("email", .null)])),
        ])
        var writer = JSONWriter(indent: 4)
        writer.object { w in
            w.key("name")
            w.string("Ada \"A\" L")
            w.key("none")
            w.string(nil as String?)
            w.key("count")
            w.int(-2)
            w.key("ok")
            w.bool(false)
            w.key("empty")
            w.array([Int]()) { $0.int($1) }
            w.key("nothing")
            w.object { _ in }
            w.key("items")
            w.array([1, 0]) { w, n in
                w.object { w in
                    guard n > 0 else { return }
                    w.key("n")
                    w.int(n)
                    w.key("tags")
                    w.array(["x"]) { $0.string($1) }
                }
            }
            w.key("person")
            w.value(.object([("email", .null)]))
        }
        let placed = JSONValue.array([.written(writer.bytes)])
        let inPlace = JSONValue.array([tree])
        #expect(
            JSONValue.object([("list", placed)]).rendered()
                == JSONValue.object([("list", inPlace)]).rendered())
    }

    /// Empty containers stay on one line; nesting indents by two spaces.
    @Test func nestingIsIndented() {
        let value = JSONValue.array([.object([]), .array([]), .array([.null])])
        #expect(value.rendered() == "[\n  {},\n  [],\n  [\n    null\n  ]\n]\n")
    }
}

/// The one way a path moves between folders.
@Suite struct RelativePathTests {
    @Test func insideAndJoinAreEachOthersInverse() {
        #expect(RelativePath.inside("", "goals/a.md") == "goals/a.md")
        #expect(RelativePath.inside(".", "goals/a.md") == "goals/a.md")
        #expect(RelativePath.inside("pairs/ada", "pairs/ada/goals/a.md") == "goals/a.md")
        #expect(RelativePath.inside("pairs/ada", "pairs/ada") == "")
        #expect(
            RelativePath.inside("pairs/ada", "pairs/adam/goals/a.md") == nil,
            "a prefix of a name is no folder")
        #expect(RelativePath.inside("pairs/ada", "other/a.md") == nil)
        #expect(RelativePath.join("", "goals/a.md") == "goals/a.md")
        #expect(RelativePath.join("pairs/ada", ".") == "pairs/ada")
        #expect(RelativePath.join("", ".") == "")
        #expect(RelativePath.join(".", "") == "")
        for (folder, path) in [("", "a/b.md"), ("x", "a/b.md"), ("x/y", "b.md")] {
            #expect(RelativePath.inside(folder, RelativePath.join(folder, path)) == path)
        }
    }
}
