import Foundation
import TestSupport
import Testing

/// A pair's weeks replayed through the commands they use: sessions written from the template,
/// both partners editing the same session through its commented lines between syncs, a meeting
/// called off a day ahead, an item ticked under another name of its owner. Each day the report's
/// JSON says what the contract says; no sync stops on a conflict; every repository stays whole.
@Suite(.serialized) struct PairWeeksTests {
    func json(_ run: ProgramRun) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        return ((object?["mentorships"] as? [[String: Any]])?.first) ?? [:]
    }

    @Test func sixWeeksOfAPairStayRightEveryDay() throws {
        let box = try GitSandbox()
        let (remote, mentor) = try box.sharedJournal()
        let mentee = try box.joinAsPartner(remote)
        func run(_ arguments: [String], _ folder: URL, on day: String) throws -> ProgramRun {
            let result = try box.journal(["--today", day] + arguments, in: folder)
            #expect(result.status == 0, "\(arguments) on \(day): \(result.stdout)\(result.stderr)")
            return result
        }
        func edit(_ path: String, in folder: URL, _ change: (String) -> String) throws {
            try box.write(change(box.read(path, in: folder) ?? ""), to: path, in: folder)
        }
        func nextSession(on day: String) throws -> [String: Any] {
            let report = try json(try run(["report", "--format", "json"], mentor, on: day))
            return report["next_session"] as? [String: Any] ?? [:]
        }

        // Week 1: the mentor writes the session; after the meeting the mentor marks it held while
        // the mentee, on the other computer, uncomments `next:`. Both sync: no conflict.
        var session = "sessions/2026-10-05.md"
        _ = try run(["new", "session", "--date", "2026-10-05", "--no-edit"], mentor, on: "2026-10-05")
        _ = try run(["sync"], mentor, on: "2026-10-05")
        _ = try run(["sync"], mentee, on: "2026-10-05")
        try edit(session, in: mentor) {
            $0.replacingOccurrences(of: "# status: held", with: "status: held")
                + "\n- [ ] @theo order snacks (due 2026-10-09)\n"
        }
        try edit(session, in: mentee) {
            $0.replacingOccurrences(of: "# next: YYYY-MM-DD", with: "next: 2026-10-12")
        }
        _ = try run(["sync"], mentor, on: "2026-10-05")
        _ = try run(["sync"], mentee, on: "2026-10-05")
        _ = try run(["sync"], mentor, on: "2026-10-05")
        for folder in [mentor, mentee] {
            let text = box.read(session, in: folder) ?? ""
            #expect(text.contains("\nstatus: held\n") && text.contains("\nnext: 2026-10-12\n"), "\(text)")
            #expect(!text.contains("<<<<<<<"))
        }
        for day in ["2026-10-06", "2026-10-11", "2026-10-12"] {
            #expect(try nextSession(on: day)["date"] as? String == "2026-10-12", "\(day)")
        }

        // Week 2: the mentee ticks the item under the mentee's role name; it is closed for everyone.
        session = "sessions/2026-10-12.md"
        _ = try run(["new", "session", "--date", "2026-10-12", "--no-edit"], mentee, on: "2026-10-12")
        try edit(session, in: mentee) {
            $0.replacingOccurrences(of: "# status: held", with: "status: held")
                .replacingOccurrences(of: "# next: YYYY-MM-DD", with: "next: 2026-10-19")
                .replacingOccurrences(of: "- [ ] @mentee order snacks", with: "- [x] @mentee order snacks")
                + "\n- [x] @mentee order snacks\n"
        }
        _ = try run(["sync"], mentee, on: "2026-10-12")
        _ = try run(["sync"], mentor, on: "2026-10-12")
        let afterTick = try json(try run(["report", "--format", "json"], mentor, on: "2026-10-13"))
        #expect(
            (afterTick["action_items"] as? [[String: Any]])?.isEmpty == true,
            "\(afterTick["action_items"] ?? "")")

        // Week 3: the meeting of the 19th is called off on the 18th, moved to the 22nd.
        session = "sessions/2026-10-19.md"
        _ = try run(["new", "session", "--date", "2026-10-19", "--no-edit"], mentor, on: "2026-10-18")
        try edit(session, in: mentor) {
            $0.replacingOccurrences(of: "# status: held", with: "status: cancelled")
                .replacingOccurrences(of: "# next: YYYY-MM-DD", with: "next: 2026-10-22")
        }
        _ = try run(["sync"], mentor, on: "2026-10-18")
        _ = try run(["sync"], mentee, on: "2026-10-18")
        for day in ["2026-10-18", "2026-10-19", "2026-10-21"] {
            let ahead = try nextSession(on: day)
            #expect(ahead["date"] as? String == "2026-10-22", "\(day): \(ahead)")
            #expect(ahead["source"] as? String == "agreed")
        }
        let calendar = try run(["calendar"], mentee, on: "2026-10-18").stdout
        #expect(calendar.contains("DTSTART;VALUE=DATE:20261022"), "the moved meeting")
        #expect(calendar.contains("STATUS:CANCELLED"), "the one called off")
        let lint = try box.journal(["--today", "2026-10-21", "lint", "--format", "json"], in: mentor)
        #expect(!lint.stdout.contains("session/cadence"), "a meeting is agreed ahead: \(lint.stdout)")
        #expect(!lint.stdout.contains("\"severity\": \"error\""), "\(lint.stdout)")
        try box.expectValid([mentor, mentee, remote])
    }
}
