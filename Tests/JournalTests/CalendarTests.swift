import Foundation
import Testing

/// `journal calendar` read back by Python's `icalendar`, as a calendar application would.
@Suite(.serialized) struct CalendarTests {
    func read(_ box: GitSandbox, _ file: URL) throws -> [String: [String: Any]] {
        let run = try box.run(testPython.path, [projectRoot.path + "/Tests/Calendar/read.py", file.path])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        return object?["events"] as? [String: [String: Any]] ?? [:]
    }

    @Test(.enabled(if: hasTestPython, "make test installs icalendar"))
    func aFeedThatUpdatesRatherThanDuplicates() throws {
        let box = try GitSandbox()
        let journal = box.url("ada-grace")
        try box.run("/bin/cp", ["-a", projectRoot.path + "/examples/ada-grace", journal.path])
        let feed = box.url("feed.ics")
        let env = ["JOURNAL_CACHE_DIR": box.url("cache").path]
        func write(_ extra: [String] = []) throws -> [String: [String: Any]] {
            let run = try box.journal(
                ["--today", "2026-11-25", "calendar", "--output", feed.path] + extra, in: journal, extra: env)
            #expect(run.status == 0, "\(run.stderr)")
            return try read(box, feed)
        }
        // A planned meeting whose agenda has commas, semicolons and other alphabets.
        let agenda = ["Überprüfung, Teil 1; dann 2", "ça va \\ bien", "日本語のメモ"]
        try box.write(
            "---\ndate: 2026-12-01\nstatus: planned\nagenda:\n"
                + agenda.map { "  - \"\($0.replacingOccurrences(of: "\\", with: "\\\\"))\"\n" }.joined()
                + "---\n", to: "sessions/2026-12-01.md", in: journal)
        try box.write(
            "---\ndate: 2026-12-08\nstatus: planned\nprivate: true\nagenda: [SECRET-TOPIC]\n---\n",
            to: "sessions/2026-12-08.md",
            in: journal)
        let first = try write()
        #expect(!first.isEmpty)
        let planned = first.values.first {
            ($0["start"] as? String) == "2026-12-01"
                && ($0["summary"] as? String)?.hasPrefix("Mentoring:") == true
        }
        #expect(planned != nil, "the planned meeting")
        let description = planned?["description"] as? String ?? ""
        for item in agenda { #expect(description.contains("- " + item), "\(description)") }
        #expect(!first.values.contains { "\($0)".contains("SECRET-TOPIC") }, "private entries give nothing")
        #expect(first.values.contains { ($0["summary"] as? String)?.hasPrefix("Milestone due:") == true })
        // An action item's title names its owner as a person reads it.
        #expect(first.values.contains { ($0["summary"] as? String)?.hasPrefix("Ada: ") == true })
        #expect(!first.values.contains { ($0["summary"] as? String)?.contains("@") == true })
        let raw = try String(contentsOf: feed, encoding: .utf8)
        #expect(
            raw.contains("\r\n") && raw.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 },
            "folded at 75 octets")

        // Again, and after an unrelated edit: the same events, nothing moved.
        #expect(Set(try write().keys) == Set(first.keys))
        try box.write(
            reflectionText("2026-11-24", title: "Unrelated"), to: "reflections/2026-11-24.md", in: journal)
        let again = try write()
        #expect(Set(again.keys) == Set(first.keys))
        for (uid, event) in again { #expect(event["sequence"] as? Int == first[uid]?["sequence"] as? Int) }

        // An item's due date moves: the same event, its sequence up.
        let session = "sessions/2026-11-03-first-pr.md"
        let text = box.read(session, in: journal) ?? ""
        let dueItem = first.first {
            ($0.value["summary"] as? String)?.contains("lower arithmetic expressions") == true
        }
        try box.write(
            text.replacingOccurrences(of: "2026-12-01", with: "2026-12-15"), to: session, in: journal)
        let moved = try write()
        let updated = dueItem.flatMap { moved[$0.key] }
        #expect(updated?["start"] as? String == "2026-12-15")
        #expect((updated?["sequence"] as? Int ?? 0) > (dueItem?.value["sequence"] as? Int ?? 0))
        #expect(Set(moved.keys) == Set(first.keys))

        // Another computer, with no memory of earlier feeds, writes the same events, each with
        // the same SEQUENCE and LAST-MODIFIED.
        let elsewhere = try box.journal(
            ["--today", "2026-11-25", "calendar", "--output", box.url("other.ics").path], in: journal,
            extra: ["JOURNAL_CACHE_DIR": box.url("other-cache").path])
        #expect(elsewhere.status == 0)
        let other = try read(box, box.url("other.ics"))
        #expect(Set(other.keys) == Set(moved.keys))
        for (uid, event) in other {
            #expect(event["sequence"] as? Int == moved[uid]?["sequence"] as? Int, "\(event)")
            #expect(event["modified"] as? String == moved[uid]?["modified"] as? String)
        }

        // Asked for, the private meeting comes in.
        let all = try write(["--include-private"])
        #expect(all.values.contains { "\($0)".contains("SECRET-TOPIC") })
    }

    /// Meetings at the agreement's time in its zone, lasting its duration; reminders; a meeting
    /// called off ahead cancelled in place; an item reworded sent once as cancelled.
    @Test(.enabled(if: hasTestPython, "make test installs icalendar"))
    func meetingsAtTheirTimeWithRemindersAndCancellations() throws {
        let box = try GitSandbox()
        let journal = box.url("ada-grace")
        try box.run("/bin/cp", ["-a", projectRoot.path + "/examples/ada-grace", journal.path])
        let agreement = box.read("agreement.md", in: journal) ?? ""
        try box.write(
            agreement.replacingOccurrences(
                of: "\nduration: 1h\n",
                with: "\nduration: 1h30m\ntime: \"17:00\"\ntimezone: America/New_York\n"),
            to: "agreement.md", in: journal)
        #expect(box.read("agreement.md", in: journal)?.contains("America/New_York") == true)
        try box.write(
            "---\ndate: 2026-12-01\nstatus: planned\n---\n", to: "sessions/2026-12-01.md", in: journal)
        try box.write(
            "---\ndate: 2027-03-16\nstatus: planned\ntime: \"08:30\"\nduration: 45m\n---\n",
            to: "sessions/2027-03-16.md", in: journal)
        try box.write(
            "calendar:\n  remind_before_meetings: 30m\n  remind_on_due_days: \"08:00\"\n", to: ".journal.yml",
            in: journal)
        let feed = box.url("feed.ics")
        let env = ["JOURNAL_CACHE_DIR": box.url("cache").path]
        func write() throws -> [String: [String: Any]] {
            let run = try box.journal(
                ["--today", "2026-11-25", "calendar", "--output", feed.path], in: journal, extra: env)
            #expect(run.status == 0, "\(run.stderr)")
            return try read(box, feed)
        }
        let events = try write()
        let meetings = events.filter { ($0.value["summary"] as? String)?.hasPrefix("Mentoring:") == true }
        let december = try #require(
            meetings.first { ($0.value["start"] as? String)?.hasPrefix("2026-12-01") == true })
        // 17:00 in New York in December is 17:00-05:00; an hour and a half long; reminded 30 minutes before.
        #expect(december.value["start"] as? String == "2026-12-01T17:00:00-05:00")
        #expect(december.value["end"] as? String == "2026-12-01T18:30:00-05:00")
        #expect(december.value["alarms"] as? [String] == ["-1 day, 23:30:00"], "\(december.value)")
        // After the clocks change in March: the session's own time and length, at -04:00.
        let march = meetings.first { ($0.value["start"] as? String)?.hasPrefix("2027-03-16") == true }
        #expect(march?.value["start"] as? String == "2027-03-16T08:30:00-04:00")
        #expect(march?.value["end"] as? String == "2027-03-16T09:15:00-04:00")
        // Due days are reminded at 08:00 on the day.
        let due = events.values.first { ($0["summary"] as? String)?.hasPrefix("Milestone due:") == true }
        #expect(due?["alarms"] as? [String] == ["8:00:00"], "\(due ?? [:])")
        let raw = try String(contentsOf: feed, encoding: .utf8)
        #expect(raw.contains("BEGIN:VTIMEZONE\r\nTZID:America/New_York"))

        // Called off ahead: the same event, cancelled, and the meeting ahead moves on.
        try box.write(
            "---\ndate: 2026-12-01\nstatus: cancelled\nnext: 2026-12-03\n---\n", to: "sessions/2026-12-01.md",
            in: journal)
        let after = try write()
        #expect(after[december.key]?["status"] as? String == "CANCELLED")
        #expect(after[december.key]?["alarms"] as? [String] == [])
        // With no meeting planned after it, the `next:` it agrees is the meeting ahead, at its time.
        try FileManager.default.removeItem(at: journal.appendingPathComponent("sessions/2027-03-16.md"))
        let agreed = try write()
        #expect(
            agreed.values.contains {
                ($0["start"] as? String) == "2026-12-03T17:00:00-05:00"
                    && $0["status"] as? String == "CONFIRMED"
            }, "\(agreed.values.map { ($0["start"] ?? "", $0["summary"] ?? "") })")
        #expect(
            !after.values.contains {
                ($0["start"] as? String)?.hasPrefix("2026-12-01") == true
                    && $0["status"] as? String != "CANCELLED"
                    && ($0["summary"] as? String)?.hasPrefix("Mentoring:") == true
            })

        // An item reworded: the old event goes out once more, cancelled, then no more.
        let session = "sessions/2026-11-03-first-pr.md"
        let text = box.read(session, in: journal) ?? ""
        let old = try #require(
            after.first { ($0.value["summary"] as? String)?.contains("lower arithmetic expressions") == true }
        )
        try box.write(
            text.replacingOccurrences(
                of: "lower arithmetic expressions", with: "lower all arithmetic expressions"),
            to: session, in: journal)
        let reworded = try write()
        #expect(reworded[old.key]?["status"] as? String == "CANCELLED")
        #expect(
            reworded.values.contains { ($0["summary"] as? String)?.contains("lower all arithmetic") == true })
        let later = try write()
        #expect(later[old.key] == nil)
    }
}
