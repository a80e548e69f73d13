import Foundation
import Testing

/// `journal report --rev` and `journal lint --rev`: the journal as committed at a revision, read
/// from git's objects without a checkout, whatever the folder holds now.
@Suite struct RevisionTests {
    /// A journal in `notes/` of a repository, with two commits by the CLI.
    func history() throws -> (GitSandbox, URL, URL) {
        let box = try GitSandbox()
        let top = try box.person("pair", name: "Mara Quinn", email: "mara@example.org", remote: nil)
        let journal = top.appendingPathComponent("notes")
        try box.write(agreementText, to: "agreement.md", in: journal)
        try box.write(goalText, to: "goals/speaking.md", in: journal)
        try box.write(
            "---\ndate: 2026-11-04\nduration: [\n---\n# First\n", to: "sessions/2026-11-04.md", in: journal)
        try box.git(["add", "-A"], in: top)
        let first = try box.run(
            "/usr/bin/git", ["commit", "-q", "-m", "First"], in: top,
            extra: [
                "GIT_AUTHOR_DATE": "2026-11-04T10:00:00+01:00",
                "GIT_COMMITTER_DATE": "2026-11-04T10:00:00+01:00",
            ])
        #expect(first.status == 0)
        try box.git(["tag", "first"], in: top)
        // Later: the session fixed, a reflection added, a goal renamed.
        try box.write("---\ndate: 2026-11-04\n---\n# First\n", to: "sessions/2026-11-04.md", in: journal)
        try box.write(
            reflectionText("2026-11-10", title: "Later thoughts"), to: "reflections/2026-11-10.md",
            in: journal)
        try box.write(
            goalText.replacingOccurrences(of: "Speak at a meetup", with: "Speak at a conference"),
            to: "goals/speaking.md", in: journal)
        try box.git(["add", "-A"], in: top)
        let second = try box.run(
            "/usr/bin/git", ["commit", "-q", "-m", "Second"], in: top,
            extra: [
                "GIT_AUTHOR_NAME": "Theo Park", "GIT_AUTHOR_EMAIL": "theo@example.org",
                "GIT_AUTHOR_DATE": "2026-11-10T10:00:00+01:00",
                "GIT_COMMITTER_DATE": "2026-11-10T10:00:00+01:00",
            ])
        #expect(second.status == 0)
        // And now, uncommitted, the folder holds something else again.
        try box.write(
            goalText.replacingOccurrences(of: "Speak at a meetup", with: "UNCOMMITTED TITLE"),
            to: "goals/speaking.md", in: journal)
        return (box, top, journal)
    }

    @Test func reportAtARevisionShowsTheJournalAsItWasThen() throws {
        let (box, top, journal) = try history()
        let today = ["--today", "2026-11-25"]
        let then = try box.journal(
            today + ["report", "--format", "json", "--rev", "first", "--since", "2026-11-01"], in: journal)
        #expect(then.status == 0, "\(then.stderr)")
        #expect(then.stdout.contains("Speak at a meetup"))
        #expect(!then.stdout.contains("Later thoughts") && !then.stdout.contains("UNCOMMITTED"))
        // Activity stops at that commit: Theo's later commit is not in it.
        let mentorships = try #require(try then.json()["mentorships"] as? [[String: Any]])
        let activity = try #require(mentorships.first?["activity"] as? [[String: Any]])
        #expect(activity.compactMap { $0["author"] as? String } == ["Mara Quinn"], "\(activity)")
        let head = try box.journal(today + ["report", "--format", "json", "--rev", "HEAD"], in: journal)
        #expect(head.stdout.contains("Speak at a conference") && head.stdout.contains("Later thoughts"))
        #expect(!head.stdout.contains("UNCOMMITTED"))
        let now = try box.journal(today + ["report", "--format", "json"], in: journal)
        #expect(now.stdout.contains("UNCOMMITTED TITLE"))
        // The same from the top of the repository, with a path, and by commit id.
        let id = try box.git(["rev-parse", "HEAD~1"], in: top).stdout.trimmingCharacters(
            in: .whitespacesAndNewlines)
        let byID = try box.journal(today + ["report", "notes", "--format", "json", "--rev", id], in: top)
        #expect(byID.status == 0 && byID.stdout.contains("Speak at a meetup"), "\(byID.stderr)")
        // Nothing was checked out or changed.
        #expect(try box.git(["status", "--porcelain"], in: top).stdout == " M notes/goals/speaking.md\n")
    }

    @Test func lintAtARevisionAndAnUnknownOne() throws {
        let (box, _, journal) = try history()
        let then = try box.journal(["--today", "2026-11-25", "lint", "--rev", "first"], in: journal)
        #expect(then.status == 1)
        #expect(then.stdout.contains("sessions/2026-11-04.md:4:1: error:"), "\(then.stdout)")
        let head = try box.journal(["--today", "2026-11-25", "lint", "--rev", "HEAD"], in: journal)
        #expect(!head.stdout.contains("error:"), "\(head.stdout)")
        for command in [["lint"], ["report"]] {
            let unknown = try box.journal(command + ["--rev", "no-such-branch"], in: journal)
            #expect(unknown.status == 2)
            #expect(unknown.stderr.contains("`no-such-branch` names no commit"), "\(unknown.stderr)")
        }
        #expect(try box.journal(["lint", "--rev", "HEAD", "--fix"], in: journal).status == 2)
    }
}
