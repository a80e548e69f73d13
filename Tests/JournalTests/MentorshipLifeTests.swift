import Foundation
import TestSupport
import Testing

/// The report across a mentorship's life: the meeting ahead, items carried from session to
/// session, pauses and endings, "as of" dates and conflicted files, as format.md and cli.md say.
@Suite struct MentorshipLifeTests {
    static func agreement(_ extra: String = "") -> String {
        goodAgreement.replacingOccurrences(of: "started: 2026-11-20", with: "started: 2026-09-01" + extra)
    }

    /// The one mentorship of a `journal report --format json` at `today`.
    func mentorship(_ root: URL, _ today: String, _ extra: [String] = []) throws -> [String: Any] {
        let run = try journal(["--today", today, "report", "--format", "json"] + extra, in: root)
        #expect(run.status == 0, "\(run.stderr)")
        return try #require((try run.json()["mentorships"] as? [[String: Any]])?.first)
    }

    func texts(_ items: Any?) -> [String] {
        ((items as? [[String: Any]]) ?? []).compactMap { $0["text"] as? String }
    }

    @Test func aMeetingMovedIsNotOverdue() throws {
        let root = try makeJournal([
            "agreement.md": Self.agreement(),
            "sessions/2027-01-26.md": "---\ndate: 2027-01-26\n---\n# Held\n",
            "sessions/2027-02-09.md": "---\ndate: 2027-02-09\nstatus: rescheduled\nnext: 2027-02-11\n---\n",
        ])
        let m = try mentorship(root, "2027-02-10")
        let next = try #require(m["next_session"] as? [String: Any])
        #expect(next["date"] as? String == "2027-02-11")
        #expect(next["source"] as? String == "agreed")
        #expect(next["path"] as? String == "sessions/2027-02-09.md")
        #expect(m["session_overdue"] as? Bool == false)
        let text = try journal(["--today", "2027-02-10", "report", "--no-color"], in: root).stdout
        #expect(text.contains("The next session is agreed for 2027-02-11, in 1 day."), "\(text)")
        #expect(!text.contains("overdue"))
    }

    @Test func aSessionWrittenAheadIsTheMeetingAheadWithItsAgenda() throws {
        let root = try makeJournal([
            "agreement.md": Self.agreement(),
            "sessions/2026-11-18.md": "---\ndate: 2026-11-18\n---\n# Held\n",
            "sessions/2026-12-02.md":
                "---\ndate: 2026-12-02\nagenda:\n  - The conference abstract\n  - Feedback on the mock talk\n---\n",
        ])
        let m = try mentorship(root, "2026-11-30")
        let next = try #require(m["next_session"] as? [String: Any])
        #expect(next["source"] as? String == "planned")
        #expect(next["date"] as? String == "2026-12-02")
        #expect(next["agenda"] as? [String] == ["The conference abstract", "Feedback on the mock talk"])
        #expect(m["sessions"] as? Int == 1)
        #expect(m["last_session"] as? String == "2026-11-18")
        let agenda = try #require(m["agenda_items"] as? [[String: Any]])
        #expect(agenda.first?["kind"] as? String == "agreed")
        #expect((agenda.first?["text"] as? String)?.contains("The conference abstract") == true)
        for format in ["text", "markdown", "html"] {
            let out = try journal(["--today", "2026-11-30", "report", "--format", format], in: root).stdout
            #expect(out.contains("Feedback on the mock talk"), "\(format)")
            #expect(out.contains("2026-12-02"), "\(format)")
        }
        // Its day passes: with no status it was held (the default); still `planned`, it is
        // overdue and lint asks what happened.
        let held = try mentorship(root, "2026-12-04")
        #expect(held["sessions"] as? Int == 2)
        #expect(held["session_overdue"] as? Bool == false)
        #expect(
            !(try journal(["--today", "2026-12-04", "lint"], in: root).stdout.contains("session/unrecorded")))
        try "---\ndate: 2026-12-02\nstatus: planned\n---\n".write(
            to: root.appendingPathComponent("sessions/2026-12-02.md"), atomically: true, encoding: .utf8)
        let late = try mentorship(root, "2026-12-04")
        #expect(late["sessions"] as? Int == 1)
        #expect(late["session_overdue"] as? Bool == true)
        #expect(
            try journal(["--today", "2026-12-04", "lint"], in: root).stdout.contains("[session/unrecorded]"))
    }

    @Test func oneItemAcrossEntriesCountsOnceAndItsLatestMarkDecides() throws {
        let root = try makeJournal([
            "agreement.md": Self.agreement(),
            "sessions/2026-11-04.md":
                "---\ndate: 2026-11-04\n---\n- [ ] @mentee Draft the abstract (due 2026-11-10)\n"
                + "- [ ] @mentor book the room\n- [/] @mentee read chapter 2\n",
            "sessions/2026-11-18.md":
                "---\ndate: 2026-11-18\n---\n- [ ] @mentee draft  the ABSTRACT\n- [x] @mentor Book the room\n"
                + "- [-] @mentee skip the survey\n- [>] @mentee ask about the budget\n- [?] @mentee odd mark\n"
                + "- [ ] @mentee send it due tomorrow\n- [ ] @mentee plan ⏫ 🛫 2026-11-01 [due:: 2026-12-20] 🔁 every week\n",
        ])
        let m = try mentorship(root, "2026-11-25")
        let items = try #require(m["action_items"] as? [[String: Any]])
        let byText = Dictionary(
            uniqueKeysWithValues: items.compactMap { i in (i["text"] as? String).map { ($0, i) } })
        #expect(
            Set(byText.keys) == [
                "@mentee draft the ABSTRACT", "@mentee read chapter 2", "@mentee odd mark",
                "@mentee send it due tomorrow", "@mentee plan",
            ])
        let abstract = try #require(byText["@mentee draft the ABSTRACT"])
        #expect(abstract["path"] as? String == "sessions/2026-11-18.md")
        #expect(abstract["first_seen"] as? String == "2026-11-04")
        #expect(abstract["due"] as? String == "2026-11-10")
        #expect(abstract["overdue"] as? Bool == true)
        #expect(byText["@mentee read chapter 2"]?["state"] as? String == "in-progress")
        #expect(byText["@mentee plan"]?["due"] as? String == "2026-12-20")
        let lint = try journal(["--today", "2026-11-25", "lint"], in: root).stdout
        #expect(lint.contains("[action/unknown-status]"))
        #expect(lint.contains("[action/due-unreadable]"))
        #expect(lint.components(separatedBy: "[action/overdue]").count == 2, "\(lint)")
    }

    @Test func pausesAndEndingsDoNotNag() throws {
        let sessions = [
            "sessions/2026-09-15.md":
                "---\ndate: 2026-09-15\n---\n- [ ] @mentee send the essay (due 2026-09-20)\n"
        ]
        let paused = try makeJournal(
            sessions.merging(["agreement.md": Self.agreement("\nstatus: paused")]) { a, _ in a })
        let p = try mentorship(paused, "2026-11-25")
        #expect(p["next_session"] is NSNull)
        #expect(p["session_overdue"] as? Bool == false)
        let completed = try makeJournal(
            sessions.merging([
                "agreement.md": Self.agreement("\nstatus: completed\nreview: 2026-10-01"),
                "evaluations/mentor.md": "---\nauthor: mentor\ndate: 2026-11-01\n---\nGood.\n",
            ]) { a, _ in a })
        let c = try mentorship(completed, "2026-11-25")
        #expect(c["next_session"] is NSNull)
        #expect((c["action_items"] as? [[String: Any]])?.first?["overdue"] as? Bool == false)
        #expect(texts(c["agenda_items"]).count == 1)
        #expect((c["agenda_items"] as? [[String: Any]])?.first?["kind"] as? String == "evaluation")
        #expect(texts(c["agenda_items"]).first?.contains("mentee") == true)
        let text = try journal(["--today", "2026-11-25", "report", "--no-color"], in: completed).stdout
        #expect(!text.contains("overdue"), "\(text)")
        #expect(!text.contains("Revisit the agreement"))
        // An active agreement past its end says so.
        let pastEnd = try makeJournal(
            sessions.merging(["agreement.md": Self.agreement("\nends: 2026-11-01")]) { a, _ in a })
        #expect(
            try journal(["--today", "2026-11-25", "lint"], in: pastEnd).stdout.contains(
                "[mentorship/past-end]"))
    }

    @Test func todayIsAnAsOfDate() throws {
        let root = try makeJournal([
            "agreement.md": Self.agreement(),
            "sessions/2026-11-04.md": "---\ndate: 2026-11-04\n---\n",
            "sessions/2026-11-18.md": "---\ndate: 2026-11-18\nstatus: cancelled\n---\n",
            "reflections/2026-11-10.md":
                "---\ndate: 2026-11-10\nconfidence: 2\n---\n## Questions\n- EARLY?\n",
            "reflections/2026-11-20.md":
                "---\ndate: 2026-11-20\nconfidence: 4\n---\n## Questions\n- LATER?\n",
        ])
        let before = try mentorship(root, "2026-11-12")
        #expect(texts(before["agenda_items"]).contains { $0.contains("EARLY?") })
        #expect(!texts(before["agenda_items"]).contains { $0.contains("LATER?") })
        #expect(before["cancelled_sessions"] as? Int == 0)
        #expect(before["latest_confidence"] as? Int == 2)
        let history = try #require(before["history"] as? [String: Any])
        #expect((history["reflections"] as? [[String: Any]])?.count == 1)
        let after = try mentorship(root, "2026-11-25")
        #expect(after["cancelled_sessions"] as? Int == 1)
        #expect(after["latest_confidence"] as? Int == 4)
        // The same files and the same date give the same report.
        let a = try journal(["--today", "2026-11-12", "report", "--format", "json"], in: root).stdout
        #expect(a == (try journal(["--today", "2026-11-12", "report", "--format", "json"], in: root).stdout))
        // A reflection dated ahead is reported as such.
        #expect(try journal(["--today", "2026-11-12", "lint"], in: root).stdout.contains("[date/future]"))
    }

    @Test func theTimelineDrawsMovesPlansAndGapsAsTheReportSaysThem() throws {
        let root = try makeJournal([
            "agreement.md": Self.agreement(),  // biweekly
            "sessions/2026-10-01.md": "---\ndate: 2026-10-01\n---\n",
            // 18 days: longer than the cadence, not by half of it.
            "sessions/2026-10-19.md": "---\ndate: 2026-10-19\n---\n",
            // 22 days: half a cadence past it, as session/cadence says.
            "sessions/2026-11-10.md": "---\ndate: 2026-11-10\n---\n",
            "sessions/2026-11-24.md": "---\ndate: 2026-11-24\nstatus: rescheduled\nnext: 2026-11-26\n---\n",
            "sessions/2026-12-08.md": "---\ndate: 2026-12-08\nstatus: planned\n---\n",
            "reflections/2026-11-11.md": "---\ndate: 2026-11-11\ntitle: Nearly the same day\n---\n",
            "reflections/2026-11-12.md": "---\ndate: 2026-11-12\ntitle: HOVER-ONLY-TITLE\n---\n",
        ])
        let html = try journal(["--today", "2026-11-25", "report", "--format", "html"], in: root).stdout
        #expect(html.contains("<g class=\"session rescheduled\">"))
        #expect(html.contains("moved to 2026-11-26"))
        #expect(html.contains("class=\"session planned\""))
        #expect(html.components(separatedBy: "half a cadence longer than agreed").count == 2)
        #expect(html.contains("<title>18 days between sessions</title>"))
        // The two reflections a day apart are not drawn on top of each other.
        let diamonds = html.components(separatedBy: "<polygon class=\"reflection").dropFirst()
            .filter { $0.prefix(200).contains("<title>") }
            .compactMap {
                $0.components(separatedBy: "points=\"").dropFirst().first?.components(separatedBy: "\"").first
            }
        #expect(diamonds.count == 2 && diamonds[0] != diamonds[1])
        let ys = diamonds.compactMap { $0.split(separator: " ").first?.split(separator: ",").last }
        #expect(Set(ys).count == 2, "\(diamonds)")
        // What shows on hover is also on the printed page.
        let notes = try #require(html.range(of: "<ul class=\"timeline-notes print-only\">"))
        #expect(html[notes.upperBound...].contains("HOVER-ONLY-TITLE"))
        #expect(html.contains("@media print {\n  .print-only { display: block; }"))
    }

    @Test func questionsKeepTheirCodeAndLinkTargets() throws {
        let root = try makeJournal([
            "agreement.md": Self.agreement(),
            "reflections/2026-11-20.md":
                "---\ndate: 2026-11-20\n---\n## Questions\n- How do I run `ninja check-all`? See [the guide](https://llvm.org/docs/X.html)\n",
        ])
        let m = try mentorship(root, "2026-11-25")
        let question = (m["reflections"] as? [[String: Any]])?.first?["questions"] as? [String]
        #expect(question == ["How do I run `ninja check-all`? See the guide (https://llvm.org/docs/X.html)"])
        for format in ["text", "markdown", "html"] {
            let out = try journal(["--today", "2026-11-25", "report", "--format", format], in: root).stdout
            #expect(out.contains("ninja check-all"), "\(format)")
            #expect(out.contains("https://llvm.org/docs/X.html"), "\(format)")
        }
    }

    @Test func aConflictedFileIsLeftOutAndNamedNotGuessedAt() throws {
        let root = try makeJournal([
            "agreement.md": Self.agreement(),
            "goals/talk.md":
                "---\n<<<<<<< ours\ntitle: Give a talk\n=======\ntitle: Give a short talk\n>>>>>>> theirs\n---\n",
            "sessions/2026-11-18.md": "---\ndate: 2026-11-18\ngoals: [talk]\n---\n",
        ])
        let lint = try journal(["--today", "2026-11-25", "lint"], in: root).stdout
        #expect(lint.contains("[merge/conflict-markers]"))
        for rule in ["goal/unknown", "goal/no-measure", "field/missing"] {
            #expect(!lint.contains("[\(rule)]"), "\(rule): \(lint)")
        }
        let m = try mentorship(root, "2026-11-25")
        #expect(m["conflicted_files"] as? [String] == ["goals/talk.md"])
        #expect((m["goals"] as? [Any])?.isEmpty == true)
        #expect(!texts(m["agenda_items"]).contains { $0.contains("No activity") })
        let text = try journal(["--today", "2026-11-25", "report", "--no-color"], in: root).stdout
        #expect(text.split(separator: "\n").dropFirst().first?.contains("goals/talk.md") == true, "\(text)")
    }
}

/// The coordinator's overview: who needs help and why, sorted and filtered, and as CSV.
@Suite struct ProgrammeOverviewTests {
    static func program() throws -> URL {
        let agreement = { (started: String, extra: String) in
            goodAgreement.replacingOccurrences(of: "started: 2026-11-20", with: "started: \(started)\(extra)")
        }
        return try makeJournal([
            // Never met in the 144 days since the start.
            "silent/agreement.md": agreement("2026-07-04", ""),
            // Met last week.
            "steady/agreement.md": agreement("2026-09-01", ""),
            "steady/sessions/2026-11-18.md": "---\ndate: 2026-11-18\n---\n",
            // Started last month, a session overdue by a little, confidence falling.
            "wobbly/agreement.md": agreement("2026-10-01", ""),
            "wobbly/sessions/2026-10-20.md": "---\ndate: 2026-10-20\n---\n",
            "wobbly/reflections/2026-10-25.md": "---\ndate: 2026-10-25\nconfidence: 4\n---\n",
            "wobbly/reflections/2026-11-10.md": "---\ndate: 2026-11-10\nconfidence: 3\n---\n",
            // Over, one evaluation written; a comma, a quote and a formula in the name.
            "done/agreement.md": agreement("2026-01-10", "\nstatus: completed").replacingOccurrences(
                of: "Ada Lovelace", with: "=HYPERLINK(\"x\"), Ada"),
            "done/evaluations/mentor.md": "---\nauthor: mentor\ndate: 2026-11-01\n---\n",
        ])
    }

    @Test func thoseWhoNeedHelpComeFirstWithTheirReasons() throws {
        let root = try Self.program()
        let run = try journal(["--today", "2026-11-25", "report", "--format", "json"], in: root)
        let rows = try #require(try run.json()["overview"] as? [[String: Any]])
        // At risk first, then watch (the longest overdue first), then ok.
        #expect(rows.map { $0["id"] as? String } == ["silent", "wobbly", "done", "steady"])
        #expect(rows.map { $0["attention"] as? String } == ["at-risk", "watch", "watch", "ok"])
        let reasons = rows.map { ($0["reasons"] as? [String]) ?? [] }
        #expect(reasons[0].first == "no session in the 144 days since the start (2026-07-04)")
        #expect(
            reasons[1] == [
                "the next session is 22 days overdue (due 2026-11-03)", "confidence is falling (4 to 3)",
            ])
        #expect(reasons[2] == ["no evaluation yet from the mentee"])
        #expect(reasons[3].isEmpty)
        #expect(rows[1]["latest_confidence"] as? Int == 3)
        #expect(rows[1]["last_reflection"] as? String == "2026-11-10")
        #expect(rows[2]["evaluations"] as? [String] == ["mentor"])
        let named = try journal(
            ["--today", "2026-11-25", "report", "--format", "json", "--sort", "name"], in: root)
        #expect(
            (try named.json()["overview"] as? [[String: Any]])?.map { $0["id"] as? String }
                == ["done", "silent", "steady", "wobbly"])
        let atRisk = try journal(
            ["--today", "2026-11-25", "report", "--format", "json", "--attention", "at-risk"], in: root)
        #expect(
            (try atRisk.json()["mentorships"] as? [[String: Any]])?.map { $0["id"] as? String } == ["silent"])
        let over = try journal(
            ["--today", "2026-11-25", "report", "--format", "json", "--status", "completed"], in: root)
        #expect((try over.json()["overview"] as? [[String: Any]])?.map { $0["id"] as? String } == ["done"])
        #expect(try journal(["report", "--attention", "panic"], in: root).status == 2)
        // The text says why too.
        let text = try journal(["--today", "2026-11-25", "report", "--no-color"], in: root).stdout
        #expect(text.contains("no session in the 144 days since the start"))
    }

    @Test func csvIsTheOverviewAsASpreadsheetReadsIt() throws {
        let root = try Self.program()
        let output = root.deletingLastPathComponent().appendingPathComponent(
            root.lastPathComponent + "-overview.csv")
        let run = try journal(
            ["--today", "2026-11-25", "report", "--format", "csv", "--output", output.path], in: root)
        #expect(run.status == 0, "\(run.stderr)")
        // UTF-8 with a byte-order mark, which spreadsheets need to read names as written: Python
        // reads it as `utf-8-sig`, pandas as plain UTF-8, each with clean column names.
        let bytes = try Data(contentsOf: output)
        #expect(Array(bytes.prefix(5)) == [0xEF, 0xBB, 0xBF, UInt8(ascii: "i"), UInt8(ascii: "d")])
        let script = """
            import csv, json, sys
            with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
                print(json.dumps(list(csv.DictReader(f, strict=True))))
            """
        let parsed = try runProgram(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, output.path], in: root)
        if hasTestPython {
            let pandas = try runProgram(
                testPython,
                [
                    "-c",
                    "import pandas, sys; d = pandas.read_csv(sys.argv[1], encoding='utf-8'); "
                        + "print(list(d.columns)[0], d['pair'][2])",
                    output.path,
                ], in: root)
            #expect(pandas.stdout.hasPrefix("id '=HYPERLINK"), "\(pandas.stdout)\(pandas.stderr)")
        }
        let rows = try #require(
            try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [[String: String]])
        #expect(rows.map { $0["id"] } == ["silent", "wobbly", "done", "steady"])
        #expect(rows[0]["attention"] == "at-risk")
        #expect(rows[0]["reasons"]?.hasPrefix("no session in the 144 days") == true)
        #expect(rows[2]["pair"] == "'=HYPERLINK(\"x\"), Ada with Grace Hopper")
        #expect(rows[1]["latest_confidence"] == "3")
        #expect(rows[3]["last_session"] == "2026-11-18")
        #expect(try String(contentsOf: output, encoding: .utf8).contains("\r\n"))
    }
}
