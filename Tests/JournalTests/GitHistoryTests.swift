import Foundation
import Testing

/// `journal log`, `journal status` and the report's `activity`, over a history made by the
/// git CLI with known dates and authors.
@Suite struct GitHistoryTests {
    /// A journal with commits by both people on known days.
    func history() throws -> (GitSandbox, URL) {
        let box = try GitSandbox()
        let folder = try box.person("pair", name: "Mara Quinn", email: "mara@example.org", remote: nil)
        func commit(_ message: String, on day: String, by name: String, _ email: String) throws {
            try box.git(["add", "-A"], in: folder)
            let date = "\(day)T10:00:00+01:00"
            let result = try box.run(
                "/usr/bin/git", ["commit", "-q", "-m", message], in: folder,
                extra: [
                    "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email, "GIT_AUTHOR_DATE": date,
                    "GIT_COMMITTER_DATE": date,
                ])
            #expect(result.status == 0, "\(result.stderr)")
        }
        try box.write(agreementText, to: "agreement.md", in: folder)
        try box.write(goalText, to: "goals/speaking.md", in: folder)
        try box.write("---\ndate: 2026-11-04\n---\n# S\n", to: "sessions/2026-11-04.md", in: folder)
        try commit("Start", on: "2026-11-04", by: "Mara Quinn", "mara@example.org")
        try box.write(
            reflectionText("2026-11-10", title: "Week"), to: "reflections/2026-11-10.md", in: folder)
        try commit("Reflection", on: "2026-11-10", by: "Theo Park", "theo@example.org")
        try box.write("---\ndate: 2026-11-18\n---\n# S\n", to: "sessions/2026-11-18.md", in: folder)
        try commit("Session", on: "2026-11-18", by: "Mara Quinn", "mara@example.org")
        try box.write(
            reflectionText("2026-11-20", title: "Later"), to: "reflections/2026-11-20.md", in: folder)
        try box.write(goalText + "Progress.\n", to: "goals/speaking.md", in: folder)
        try commit("More", on: "2026-11-20", by: "Theo Park", "theo@example.org")
        return (box, folder)
    }

    @Test func logTellsWhoChangedWhatAndWhen() throws {
        let (box, folder) = try history()
        var run = try box.journal(["log"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("2026-11-20  Theo Park") == true)
        #expect(run.stdout.contains("  added reflection 2026-11-20  reflections/2026-11-20.md"))
        #expect(run.stdout.contains("  changed goal speaking  goals/speaking.md"))
        #expect(run.stdout.contains("2026-11-04  Mara Quinn"))
        run = try box.journal(["log", "--since", "2026-11-18"], in: folder)
        #expect(run.stdout.contains("2026-11-18  Mara Quinn"))
        #expect(!run.stdout.contains("2026-11-10"))
        #expect(try box.journal(["log", "--since", "2026-13-01"], in: folder).status == 2)
        #expect(try box.journal(["log", "--mentorship", "nobody"], in: folder).status == 2)
        #expect(try box.journal(["log", "--mentorship", "theo-mara"], in: folder).status == 0)
        // A folder's README is a file, not an entry.
        try box.write("# Sessions\n", to: "sessions/README.md", in: folder)
        try box.git(["add", "-A"], in: folder)
        try box.git(["commit", "-q", "-m", "Readme"], in: folder)
        run = try box.journal(["log"], in: folder)
        #expect(run.stdout.contains("  added file sessions/README.md"), "\(run.stdout)")
        #expect(!run.stdout.contains("session README"))
    }

    @Test func reportActivityIsByAuthorInTheWindow() throws {
        let (box, folder) = try history()
        let run = try box.journal(["--today", "2026-11-25", "report", "--format", "json"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let mentorship = try #require((document["mentorships"] as? [[String: Any]])?.first)
        let keys = try #require(run.stdout.range(of: "\"agenda\"")).lowerBound
        #expect(keys < (try #require(run.stdout.range(of: "\"activity\""))).lowerBound)
        // The window starts at the last session, 2026-11-18.
        let activity = try #require(mentorship["activity"] as? [[String: Any]])
        #expect(activity.map { $0["author"] as? String } == ["Theo Park", "Mara Quinn"])
        #expect(activity.first?["commits"] as? Int == 1)
        #expect(activity.first?["last"] as? String == "2026-11-20")
        #expect(activity.first?["email"] as? String == "theo@example.org")
        #expect(
            activity.first?["entries"] as? [String] == ["goals/speaking.md", "reflections/2026-11-20.md"])
        #expect(activity.last?["entries"] as? [String] == ["sessions/2026-11-18.md"])
        let text = try box.journal(["--today", "2026-11-25", "report"], in: folder).stdout
        #expect(text.contains("Shared activity"))
        #expect(text.contains("Theo Park: 1 commit, last 2026-11-20"))
        // Outside a repository the list is empty.
        try FileManager.default.removeItem(at: folder.appendingPathComponent(".git"))
        let plain = try box.journal(["--today", "2026-11-25", "report", "--format", "json"], in: folder)
        #expect(plain.stdout.contains("\"activity\": []") || plain.stdout.contains("\"activity\":[]"))
    }

    @Test func statusShowsEntriesByMentorshipAndKind() throws {
        let (box, folder) = try history()
        try box.write(reflectionText("2026-11-24", title: "New"), to: "reflections/2026-11-24.md", in: folder)
        try box.write(goalText + "Again.\n", to: "goals/speaking.md", in: folder)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("sessions/2026-11-04.md"))
        try box.write(
            reflectionText("2026-11-24", title: "Mine", isPrivate: true), to: "reflections/2026-11-24-me.md",
            in: folder)
        let run = try box.journal(["status"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Kept on this computer only, not shared yet"))
        let lines = run.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let goal = try #require(lines.firstIndex { $0.hasPrefix("changed  goal speaking") })
        let session = try #require(lines.firstIndex { $0.hasPrefix("deleted  session 2026-11-04") })
        let reflection = try #require(lines.firstIndex { $0.hasPrefix("added    reflection 2026-11-24 ") })
        let mine = try #require(lines.firstIndex { $0.hasPrefix("private  reflection 2026-11-24-me") })
        #expect(goal < session && session < reflection)
        #expect(lines[mine].contains("stays on this computer"))
        #expect(run.stdout.contains("Lint:"))
        #expect(box.read(".git/info/exclude", in: folder)?.contains("/reflections/2026-11-24-me.md") == true)
        // Plain git agrees: the private file is ignored, the others differ.
        let porcelain = try box.git(["status", "--porcelain"], in: folder).stdout
        #expect(!porcelain.contains("2026-11-24-me"))
        #expect(porcelain.contains("reflections/2026-11-24.md"))
    }
}
