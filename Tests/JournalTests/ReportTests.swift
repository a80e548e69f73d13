import Foundation
import Testing

/// `journal report` on a fixture whose facts are known, checked value by value.
@Suite struct ReportJSONTests {
    static let pair = fixtures.appendingPathComponent("pair")

    func report(_ extra: [String] = []) throws -> [String: Any] {
        let run = try journal(["--today", "2026-11-25", "report", "--format", "json"] + extra, in: Self.pair)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        return try run.json()
    }

    func mentorship(_ extra: [String] = []) throws -> [String: Any] {
        let document = try report(extra)
        let list = try #require(document["mentorships"] as? [[String: Any]])
        #expect(list.count == 1)
        return try #require(list.first)
    }

    @Test func header() throws {
        let document = try report()
        #expect(document["schema"] as? String == "journal-report/1")
        #expect(document["today"] as? String == "2026-11-25")
    }

    @Test func sessionsAndCadence() throws {
        let m = try mentorship()
        // The root mentorship's id is the pair's handles, never the folder a clone is in.
        #expect(m["id"] as? String == "teddy-mara")
        #expect(m["path"] as? String == ".")
        #expect(m["status"] as? String == "active")
        #expect((m["mentee"] as? [String: Any])?["handle"] as? String == "teddy")
        #expect((m["mentor"] as? [String: Any])?["email"] as? String == "mara@example.org")
        #expect(m["cadence_days"] as? Int == 7)
        // The cancelled session of 2026-11-11 does not count as a meeting.
        #expect(m["sessions"] as? Int == 2)
        #expect(m["last_session"] as? String == "2026-11-18")
        #expect(m["since"] as? String == "2026-11-18")
        #expect(m["days_since_last_session"] as? Int == 7)
        #expect(m["next_session_due"] as? String == "2026-11-25")
        #expect(m["session_overdue"] as? Bool == false)
    }

    @Test func sessionOverdueTheDayAfter() throws {
        let run = try journal(
            ["report", "--format", "json"], in: Self.pair, environment: ["JOURNAL_TODAY": "2026-11-26"])
        let m = try #require((try run.json()["mentorships"] as? [[String: Any]])?.first)
        #expect(m["session_overdue"] as? Bool == true)
        #expect(m["days_since_last_session"] as? Int == 8)
    }

    @Test func actionItemsOverdueFirstThenByDueThenUndated() throws {
        let items = try #require(try mentorship()["action_items"] as? [[String: Any]])
        #expect(
            items.map { $0["text"] as? String }
                == [
                    "@teddy draft the outline", "@sam ask about the venue", "@mentor review the slides",
                    "book a room for the rehearsal",
                ].map(Optional.some))
        #expect(items.map { $0["owner"] as? String } == ["mentee", "sam", "mentor", nil])
        #expect(items.map { $0["due"] as? String } == ["2026-11-18", "2026-11-20", "2026-11-30", nil])
        #expect(items.map { $0["overdue"] as? Bool } == [true, true, false, false])
        #expect(
            items.map { $0["path"] as? String } == [
                "sessions/2026-11-04.md", "sessions/2026-11-18.md", "sessions/2026-11-04.md",
                "sessions/2026-11-04.md",
            ])
        #expect(items.map { $0["line"] as? Int } == [7, 5, 9, 10])
    }

    @Test func goals() throws {
        let goals = try #require(try mentorship()["goals"] as? [[String: Any]])
        #expect(goals.map { $0["id"] as? String } == ["speaking", "writing"])
        let speaking = goals[0]
        #expect(speaking["milestones_done"] as? Int == 1)
        #expect(speaking["milestones_total"] as? Int == 3)
        #expect((speaking["next_milestone"] as? [String: Any])?["title"] as? String == "Write the outline")
        #expect(
            (speaking["overdue_milestones"] as? [[String: Any]])?.map { $0["due"] as? String } == [
                "2026-11-20"
            ])
        // The private reflection of 2026-11-22 does not count without --include-private,
        // and the session naming the unknown goal `speakin` counts for no goal.
        #expect(speaking["last_activity"] as? String == "2026-11-20")
        let writing = goals[1]
        #expect(writing["next_milestone"] is NSNull)
        #expect(writing["last_activity"] as? String == "2026-11-10")
        #expect(writing["target"] as? String == "2026-12-31")
    }

    @Test func reflectionsInTheWindowWithoutPrivate() throws {
        let reflections = try #require(try mentorship()["reflections"] as? [[String: Any]])
        #expect(reflections.map { $0["date"] as? String } == ["2026-11-20", "2026-11-23"])
        #expect(reflections.map { $0["author"] as? String } == ["mentee", "mentor"])
        #expect(reflections.map { $0["title"] as? String } == ["Getting ready", "Notes before we meet"])
        #expect(
            reflections[0]["questions"] as? [String] == [
                "How long should the talk be?", "Should I show live code?",
            ])
        #expect(reflections[0]["wins"] as? [String] == ["The abstract was accepted."])
        #expect(reflections[0]["obstacles"] as? [String] == ["The outline keeps growing."])
    }

    @Test func includePrivateAddsThePrivateReflection() throws {
        let m = try mentorship(["--include-private"])
        let reflections = try #require(m["reflections"] as? [[String: Any]])
        #expect(reflections.map { $0["date"] as? String } == ["2026-11-20", "2026-11-22", "2026-11-23"])
        let agenda = try #require(m["agenda"] as? [String])
        #expect(agenda.contains { $0.contains("Am I good enough for this?") })
        let speaking = try #require((m["goals"] as? [[String: Any]])?.first)
        #expect(speaking["last_activity"] as? String == "2026-11-22")
    }

    @Test func agenda() throws {
        let agenda = try #require(try mentorship()["agenda"] as? [String])
        #expect(agenda.count == 8, "\(agenda)")
        #expect(agenda[0].contains("How long should the talk be?"))
        #expect(agenda.contains { $0.contains("Which talk format suits Theo best?") })
        #expect(!agenda.contains { $0.contains("Am I good enough") })
        #expect(agenda.contains { $0.contains("draft the outline") })
        #expect(agenda.contains { $0.contains("ask about the venue") })
        #expect(agenda.contains { $0.contains("Write the outline") })
        #expect(agenda.contains { $0.contains("Write every week") && $0.contains("since 2026-11-10") })
        #expect(agenda.last?.contains("2026-11-20") == true)
    }

    @Test func lintCountsTheUnknownGoal() throws {
        let lint = try #require(try mentorship()["lint"] as? [String: Any])
        #expect(lint["errors"] as? Int == 1)
    }

    @Test func sinceMovesTheWindow() throws {
        let m = try mentorship(["--since", "2026-11-01"])
        #expect(m["since"] as? String == "2026-11-01")
        #expect((m["reflections"] as? [[String: Any]])?.count == 3)
    }
}

/// The text report is compared with a golden file (regenerate with `make golden`).
@Suite struct ReportTextTests {
    @Test func goldenText() throws {
        let run = try journal(["-C", "pair", "--today", "2026-11-25", "report"])
        #expect(run.status == 0)
        let golden = try String(
            contentsOf: fixtures.appendingPathComponent("pair.report.txt"), encoding: .utf8)
        #expect(run.stdout == golden)
    }

    @Test func noColourWhenNotATerminalOrWhenAsked() throws {
        let piped = try journal(["-C", "pair", "--today", "2026-11-25", "report"])
        #expect(!piped.stdout.contains("\u{1B}["))
        let noColor = try journal(
            ["-C", "pair", "--today", "2026-11-25", "report", "--no-color"], environment: ["NO_COLOR": "1"])
        #expect(!noColor.stdout.contains("\u{1B}["))
    }

    /// On a terminal (a pseudo-terminal made by `script`), overdue items are red unless colour is off.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func colourOnATerminal() throws {
        let binary = try journalBinary().path
        let command = "\(binary) -C pair --today 2026-11-25 report"
        let coloured = try run("/usr/bin/script", ["-qec", command, "/dev/null"])
        #expect(coloured.contains("\u{1B}[31m"))
        let plain = try run("/usr/bin/script", ["-qec", command + " --no-color", "/dev/null"])
        #expect(plain.contains("draft the outline") || plain.contains("Open action items"))
        #expect(!plain.contains("\u{1B}["))
    }

    @Test func overdueItemsComeFirstAndAreMarked() throws {
        let text = try journal(["-C", "pair", "--today", "2026-11-25", "report"]).stdout
        let outline = try #require(text.range(of: "draft the outline"))
        let room = try #require(text.range(of: "book a room"))
        #expect(outline.lowerBound < room.lowerBound)
        // Overdue items are on the agenda (once), the mentor's first; the others follow.
        #expect(text.contains("Overdue action (mentee), due 2026-11-18: @teddy draft the outline"))
        #expect(text.components(separatedBy: "draft the outline").count == 2)
    }
}

/// Command-line behaviour: options, exit codes and messages.
@Suite struct CommandLineTests {
    @Test func globalOptionsBeforeOrAfterTheSubcommand() throws {
        let before = try journal(["--today", "2026-11-25", "-C", "pair", "report", "--format", "json"])
        let after = try journal(["report", "-C", "pair", "--format", "json", "--today", "2026-11-25"])
        #expect(before.status == 0)
        #expect(before.stdout == after.stdout)
    }

    @Test func todayFromTheEnvironment() throws {
        let run = try journal(
            ["-C", "pair", "report", "--format", "json"], environment: ["JOURNAL_TODAY": "2026-12-01"])
        #expect(try run.json()["today"] as? String == "2026-12-01")
        let flagWins = try journal(
            ["-C", "pair", "--today", "2026-11-25", "report", "--format", "json"],
            environment: ["JOURNAL_TODAY": "2026-12-01"])
        #expect(try flagWins.json()["today"] as? String == "2026-11-25")
    }

    @Test(arguments: [
        ["--today", "2026-02-30", "report"], ["report", "--format", "pdf"],
        ["report", "--mentorship", "nobody"],
        ["report", "--since", "yesterday"], ["-C", "no-such-folder", "report"],
    ])
    func badUsageExitsTwo(_ arguments: [String]) throws {
        let run = try journal(["-C", "pair"] + arguments)
        #expect(run.status == 2, "\(arguments): \(run.stderr)")
        #expect(!run.stderr.isEmpty)
    }

    /// Outside any journal (a home folder, a folder of projects), nothing below is read: the
    /// command says there is no journal here and what to do, and exits 2.
    @Test func noJournalHereExitsTwoAndReadsNothingBelow() throws {
        let home = try temporaryFolder()
        // Two clones and an example a level or more below, as a home folder holds them.
        for folder in ["projects/ours/journal", "projects/theirs/journal", "src/journal/examples/pair"] {
            let mentorship = home.appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: mentorship, withIntermediateDirectories: true)
            try "---\ntype: agreement\n---\n".write(
                to: mentorship.appendingPathComponent("agreement.md"), atomically: true, encoding: .utf8)
        }
        for arguments in [["report"], ["lint"], ["list"], ["status"], ["calendar"], ["new", "goal", "Talk"]] {
            let run = try journal(arguments, in: home)
            #expect(run.status == 2, "\(arguments): \(run.stdout)\(run.stderr)")
            #expect(run.stderr.contains("no journal here: go to your mentoring folder or use -C PATH"))
            #expect(run.stdout.isEmpty, "\(arguments): \(run.stdout)")
            // One message, no usage line repeated.
            #expect(!run.stderr.contains("USAGE"), "\(run.stderr)")
        }
        // A folder whose own folders are mentorships is a journal (a programme's layout).
        let programme = home.appendingPathComponent("projects/ours")
        let run = try journal(["report", "--format", "json"], in: programme)
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test func aUsageErrorIsItsMessageAndOneHint() throws {
        let run = try journal(["report", "--format", "pdf"], in: fixtures)
        #expect(run.status == 2)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 2, "\(run.stderr)")
        #expect(lines.first?.hasPrefix("journal: ") == true)
        #expect(lines.last == "See `journal report --help` for how to use it.")
    }

    @Test func outputWritesTheFile() throws {
        let folder = try temporaryFolder()
        let target = folder.appendingPathComponent("report.json")
        let run = try journal([
            "-C", "pair", "--today", "2026-11-25", "report", "--format", "json", "--output", target.path,
        ])
        #expect(run.status == 0)
        #expect(run.stdout.contains("report.json"))
        let written = try String(contentsOf: target, encoding: .utf8)
        #expect(written.contains("journal-report/1"))
    }

    @Test func reportFromInsideAMentorshipFolder() throws {
        let run = try journal(
            ["--today", "2026-11-25", "report", "--format", "json"],
            in: fixtures.appendingPathComponent("pair/sessions"))
        #expect(run.status == 0)
        #expect((try run.json()["mentorships"] as? [[String: Any]])?.first?["id"] as? String == "teddy-mara")
    }

    @Test func lintReportsCompilerStyleAndExitsOne() throws {
        let run = try journal(["-C", "pair", "--today", "2026-11-25", "lint"])
        #expect(run.status == 1)
        #expect(
            run.stdout.contains(
                "sessions/2026-11-18.md:3:9: error: no goal `speakin` in this mentorship; did you mean `speaking`? [goal/unknown]"
            ))
    }
}
