import Foundation
import Testing

/// `journal hooks install`, then real `git commit`: the hook is where git runs it, checks what
/// is staged rather than the folder, finds journal without PATH, and a hostile folder name is
/// only a name.
@Suite struct PreCommitHookTests {
    static let badSession = "---\ndate: 2026-11-20\nduration: [\n---\n# Broken\n"
    static let goodSession = "---\ndate: 2026-11-20\n---\n# Notes\n"

    /// A pair's repository with a first commit, the journal in `folder` inside it.
    func repository(_ box: GitSandbox, folder: String = "") throws -> (URL, URL) {
        let top = try box.person("pair", name: "Theo Park", email: "theo@example.org", remote: nil)
        let journal = folder.isEmpty ? top : top.appendingPathComponent(folder)
        try box.write(agreementText, to: "agreement.md", in: journal)
        try box.write(goalText, to: "goals/speaking.md", in: journal)
        try box.git(["add", "-A"], in: top)
        try box.git(["commit", "-q", "-m", "Start"], in: top)
        return (top, journal)
    }

    func commit(_ box: GitSandbox, in folder: URL, _ message: String, extra: [String: String] = [:]) throws
        -> Run
    {
        try box.run("/usr/bin/git", ["commit", "-q", "-m", message], in: folder, extra: extra)
    }

    @Test func theHookChecksWhatIsStagedNotTheFolder() throws {
        let box = try GitSandbox()
        let (top, journal) = try repository(box)
        let install = try box.journal(["hooks", "install"], in: journal)
        #expect(install.status == 0, "\(install.stderr)")
        #expect(
            FileManager.default.isExecutableFile(
                atPath: top.appendingPathComponent(".git/hooks/pre-commit").path))

        // An untracked draft with an error never stops an unrelated commit.
        try box.write(Self.badSession, to: "sessions/2026-11-20.md", in: journal)
        try box.write(goalText + "More.\n", to: "goals/speaking.md", in: journal)
        try box.git(["add", "goals/speaking.md"], in: top)
        let unrelated = try commit(box, in: top, "Goal")
        #expect(unrelated.status == 0, "\(unrelated.stderr)")

        // A staged entry with an error stops the commit, even once the folder's copy is fixed.
        try box.git(["add", "sessions/2026-11-20.md"], in: top)
        try box.write(Self.goodSession, to: "sessions/2026-11-20.md", in: journal)
        let stopped = try commit(box, in: top, "Session")
        #expect(stopped.status != 0)
        #expect(stopped.stderr.contains("sessions/2026-11-20.md:4:1: error"), "\(stopped.stderr)")
        #expect(stopped.stderr.contains("the commit was stopped"))
        #expect(try box.git(["log", "--format=%s"], in: top).stdout == "Goal\nStart\n")

        // The other way round: staged fixed, folder broken again: the commit goes through.
        try box.git(["add", "sessions/2026-11-20.md"], in: top)
        try box.write(Self.badSession, to: "sessions/2026-11-20.md", in: journal)
        let passed = try commit(box, in: top, "Session")
        #expect(passed.status == 0, "\(passed.stderr)")
        #expect(try box.git(["show", "HEAD:sessions/2026-11-20.md"], in: top).stdout == Self.goodSession)

        // `git commit -a` stages into a temporary index: the hook reads that one.
        let commitAll = try box.run("/usr/bin/git", ["commit", "-q", "-a", "-m", "All"], in: top)
        #expect(commitAll.status != 0, "git commit -a shared a broken entry")
        try box.expectValid([top])
    }

    @Test func aStagedPrivateEntryStopsTheCommit() throws {
        let box = try GitSandbox()
        let (top, journal) = try repository(box)
        #expect(try box.journal(["hooks", "install"], in: journal).status == 0)
        try box.write(
            reflectionText("2026-11-24", title: "Only mine", isPrivate: true),
            to: "reflections/2026-11-24.md",
            in: journal)
        try box.git(["add", "-f", "reflections/2026-11-24.md"], in: top)
        let stopped = try commit(box, in: top, "Oops")
        #expect(stopped.status != 0)
        #expect(stopped.stderr.contains("[private/tracked]"), "\(stopped.stderr)")
        #expect(try box.git(["log", "--format=%s"], in: top).stdout == "Start\n")
    }

    @Test func hooksPathAndWorktreesAreWhereGitLooks() throws {
        let box = try GitSandbox()
        let (top, journal) = try repository(box)
        try box.git(["config", "core.hooksPath", ".githooks"], in: top)
        #expect(try box.journal(["hooks", "install"], in: journal).status == 0)
        let expected = try box.git(["rev-parse", "--git-path", "hooks"], in: top).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(expected == ".githooks")
        #expect(
            FileManager.default.isExecutableFile(
                atPath: top.appendingPathComponent(".githooks/pre-commit").path))
        try box.write(Self.badSession, to: "sessions/2026-11-20.md", in: journal)
        try box.git(["add", "sessions"], in: top)
        #expect(try commit(box, in: top, "Bad").status != 0)
        try box.git(["reset", "-q"], in: top)
        try FileManager.default.removeItem(at: journal.appendingPathComponent("sessions"))
        try box.git(["config", "--unset", "core.hooksPath"], in: top)

        // A second work tree: git runs the hooks of the folder they share.
        let other = box.url("other")
        try box.git(["worktree", "add", "-q", "-b", "other", other.path], in: top)
        let install = try box.journal(["hooks", "install"], in: other)
        #expect(install.status == 0, "\(install.stderr)")
        let shared = try box.git(["rev-parse", "--path-format=absolute", "--git-path", "hooks"], in: other)
            .stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(FileManager.default.isExecutableFile(atPath: shared + "/pre-commit"), "not in \(shared)")
        try box.write(Self.badSession, to: "sessions/2026-11-20.md", in: other)
        try box.git(["add", "sessions"], in: other)
        #expect(try commit(box, in: other, "Bad").status != 0)
        try box.expectValid([top])
    }

    @Test func aHostileFolderNameIsOnlyAName() throws {
        let box = try GitSandbox()
        let marker = box.url("PWNED")
        let folder = "men'tor \"$(touch \(marker.path))\" `touch \(marker.path)` $HOME"
        let (top, journal) = try repository(box, folder: folder)
        let install = try box.journal(["hooks", "install"], in: journal)
        #expect(install.status == 0, "\(install.stderr)")
        try box.write(Self.badSession, to: "sessions/2026-11-20.md", in: journal)
        try box.git(["add", "-A"], in: top)
        let stopped = try commit(box, in: top, "Bad")
        #expect(stopped.status != 0, "\(stopped.stderr)")
        #expect(stopped.stderr.contains("sessions/2026-11-20.md"), "\(stopped.stderr)")
        try box.write(Self.goodSession, to: "sessions/2026-11-20.md", in: journal)
        try box.git(["add", "-A"], in: top)
        let passed = try commit(box, in: top, "Good")
        #expect(passed.status == 0, "\(passed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: marker.path), "the folder name ran as a command")
    }

    @Test func journalIsFoundWithoutPathAndNeverBlocksWhenMissing() throws {
        let box = try GitSandbox()
        let (top, journal) = try repository(box)
        #expect(try box.journal(["hooks", "install"], in: journal).status == 0)
        try box.write(Self.badSession, to: "sessions/2026-11-20.md", in: journal)
        try box.git(["add", "-A"], in: top)
        // A GUI client's PATH: no journal on it; the hook runs it by its full path.
        let noPath = ["PATH": "/usr/bin:/bin"]
        let stopped = try commit(box, in: top, "Bad", extra: noPath)
        #expect(stopped.status != 0)
        #expect(stopped.stderr.contains("sessions/2026-11-20.md:4:1: error"), "\(stopped.stderr)")

        // The binary moved: the one on PATH is used.
        let hook = top.appendingPathComponent(".git/hooks/pre-commit")
        let script = try String(contentsOf: hook, encoding: .utf8)
        let binary = try journalBinary().path
        try script.replacingOccurrences(of: binary, with: "/nowhere/journal")
            .write(to: hook, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
        let bin = box.url("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: bin.appendingPathComponent("journal").path, withDestinationPath: binary)
        let viaPath = try commit(box, in: top, "Bad", extra: ["PATH": "\(bin.path):/usr/bin:/bin"])
        #expect(viaPath.status != 0)
        #expect(viaPath.stderr.contains("sessions/2026-11-20.md:4:1: error"), "\(viaPath.stderr)")

        // Nowhere at all: the commit goes through, with a warning saying why nothing was checked.
        let unchecked = try commit(box, in: top, "Unchecked", extra: noPath)
        #expect(unchecked.status == 0, "\(unchecked.stderr)")
        #expect(unchecked.stderr.contains("journal: not found"), "\(unchecked.stderr)")
        try box.expectValid([top])
    }
}
