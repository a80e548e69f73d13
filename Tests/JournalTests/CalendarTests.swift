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
        #expect(first.values.contains { ($0["summary"] as? String)?.hasPrefix("@mentee:") == true })
        #expect(first.values.allSatisfy { ($0["sequence"] as? Int) == 0 })
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
        #expect(again.values.allSatisfy { ($0["sequence"] as? Int) == 0 })

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
        #expect(updated?["sequence"] as? Int == 1)
        #expect(Set(moved.keys) == Set(first.keys))

        // Asked for, the private meeting comes in.
        let all = try write(["--include-private"])
        #expect(all.values.contains { "\($0)".contains("SECRET-TOPIC") })
    }
}
