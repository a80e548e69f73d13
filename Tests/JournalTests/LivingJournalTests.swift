import Foundation
import JournalKit
import Testing

/// Journals that live: pairs played over months by `LivingPair`, reported on many days, each
/// fact checked against what the generator knows; the formats for people checked against JSON.
@Suite struct LivingJournalTests {
    static let pairs: [(UInt64, String)] = [
        (11, "active"), (23, "active"), (37, "active"), (41, "paused"), (59, "completed"),
    ]

    func report(_ root: URL, _ today: CalendarDate, _ extra: [String] = []) throws -> [String: Any] {
        let run = try journal(["--today", today.description, "report", "--format", "json"] + extra, in: root)
        #expect(run.status == 0, "\(run.stderr)")
        return try #require((try run.json()["mentorships"] as? [[String: Any]])?.first)
    }

    @Test(arguments: pairs)
    func theReportSaysWhatThePairLived(seed: UInt64, status: String) throws {
        var pair = LivingPair(seed: seed, status: status)
        let root = try makeJournal(pair.files())
        // Every few days across the months, and past the end.
        var today = pair.start.adding(days: 4)
        while today <= pair.end.adding(days: 10) {
            defer { today = today.adding(days: 9) }
            let context = "seed \(seed), \(status), today \(today)"
            let m = try report(root, today)
            let held = pair.held(on: today)
            #expect(m["sessions"] as? Int == held.count, "\(context)")
            #expect(m["last_session"] as? String == held.last?.date.description, "\(context)")
            #expect(
                m["cancelled_sessions"] as? Int
                    == pair.sessions.filter { $0.status == "cancelled" && $0.date <= today }.count,
                "\(context)")
            let ahead = pair.meetingAhead(on: today)
            let next = m["next_session"] as? [String: Any]
            #expect(next?["date"] as? String == ahead?.0.description, "\(context)")
            #expect(next?["source"] as? String == ahead?.1, "\(context)")
            #expect((next?["agenda"] as? [String]) ?? [] == ahead?.2 ?? [], "\(context)")
            #expect(m["session_overdue"] as? Bool == ahead.map { today > $0.0 } ?? false, "\(context)")
            #expect(m["latest_confidence"] as? Int == pair.latestConfidence(on: today), "\(context)")

            let items = try #require(m["action_items"] as? [[String: Any]])
            let reported = Set(
                items.map { item in
                    LivingPair.Expected(
                        text: item["text"] as? String ?? "",
                        due: (item["due"] as? String).flatMap(CalendarDate.init),
                        firstSeen: (item["first_seen"] as? String).flatMap(CalendarDate.init),
                        overdue: item["overdue"] as? Bool ?? false, state: item["state"] as? String ?? "",
                        path: item["path"] as? String ?? "", line: item["line"] as? Int ?? 0,
                        isPrivate: item["private"] as? Bool ?? false)
                })
            let expected = Set(pair.openItems(on: today, includePrivate: false))
            #expect(reported == expected, "\(context): \(reported.symmetricDifference(expected))")

            let agenda = try #require(m["agenda_items"] as? [[String: Any]])
            let asked = agenda.filter { $0["kind"] as? String == "question" }.compactMap {
                $0["text"] as? String
            }
            if status == "completed" {
                #expect(agenda.allSatisfy { $0["kind"] as? String == "evaluation" }, "\(context)")
            } else {
                let questions = pair.questions(on: today, includePrivate: false)
                #expect(asked.count == questions.count, "\(context)")
                for question in questions { #expect(asked.contains { $0.hasSuffix(question) }, "\(context)") }
            }
            let text = "\(m)"
            #expect(!text.contains("PRIVATE"), "\(context): a private line without --include-private")
            #expect(!text.contains("TYPO"), "\(context): a reflection dated ahead counted")
        }
    }

    @Test(arguments: pairs.prefix(2))
    func privateLinesAreMarkedAndEveryFormatSaysWhatJSONSays(seed: UInt64, status: String) throws {
        var pair = LivingPair(seed: seed, status: status)
        let root = try makeJournal(pair.files())
        for today in [pair.start.adding(days: 60), pair.end.adding(days: -3)] {
            let context = "seed \(seed), today \(today)"
            let m = try report(root, today, ["--include-private"])
            let items = try #require(m["action_items"] as? [[String: Any]])
            let expected = pair.openItems(on: today, includePrivate: true)
            #expect(items.count == expected.count, "\(context)")
            for item in items {
                let secret = (item["text"] as? String)?.contains("PRIVATE") == true
                #expect(item["private"] as? Bool == secret, "\(context): \(item)")
            }
            // Every format for people shows each open item and each agenda line of the JSON,
            // and marks the private ones.
            let agenda = ((m["agenda_items"] as? [[String: Any]]) ?? []).compactMap { $0["text"] as? String }
            let texts = items.compactMap { $0["text"] as? String } + agenda
            for format in ["text", "markdown", "html"] {
                let run = try journal(
                    [
                        "--today", today.description, "report", "--include-private", "--format", format,
                        "--no-color",
                    ],
                    in: root)
                #expect(run.status == 0)
                let out = run.stdout
                for text in texts {
                    let shown =
                        format == "markdown"
                        ? markdownEscaped(text) : format == "html" ? htmlEscaped(text) : text
                    #expect(out.contains(shown), "\(context), \(format): \(text)")
                }
                for line in out.split(separator: "\n") where line.contains("PRIVATE") {
                    let marked =
                        line.contains("[private]") || line.contains("*(private)*")
                        || line.contains("private-mark")
                        || line.contains("<title>") || line.contains("<li>20")
                    #expect(marked, "\(context), \(format): \(line)")
                }
            }
        }
    }

    func markdownEscaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>|~".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    func htmlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}

/// Golden reports of a lived journal, in every format (rewrite them with `make golden`).
@Suite struct LivingGoldenTests {
    static let formats = [
        ("text", "txt"), ("markdown", "md"), ("html", "html"), ("json", "json"), ("csv", "csv"),
    ]

    @Test(arguments: formats)
    func golden(format: String, suffix: String) throws {
        var pair = LivingPair(seed: 11)
        let root = try makeJournal(pair.files())
        let today = pair.start.adding(days: 97)
        let run = try journal(
            ["--today", today.description, "report", "--format", format, "--no-color", "--include-private"],
            in: root)
        #expect(run.status == 0, "\(run.stderr)")
        let file = fixtures.appendingPathComponent("living.report.\(suffix)")
        if ProcessInfo.processInfo.environment["JOURNAL_UPDATE_GOLDEN"] != nil {
            try run.stdout.write(to: file, atomically: true, encoding: .utf8)
        }
        // Compared as bytes: reading a file as a String drops a byte-order mark (the CSV's).
        let golden = String(decoding: try Data(contentsOf: file), as: UTF8.self)
        #expect(run.stdout == golden, "run `make golden` after a deliberate change, and review the diff")
    }
}
