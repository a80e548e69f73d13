import Foundation
import Testing

/// `journal commit` and `journal sync` between a mentor, a mentee and a bare remote, each
/// step checked with the real git CLI.
@Suite(.serialized) struct GitSyncTests {
    /// The whole story of a pair: first push, a plain `git clone`, fast-forward, merge,
    /// conflict and its resolution, with a private reflection along every step.
    @Test func mentorAndMenteeShareAJournal() throws {
        let box = try GitSandbox()
        let remote = box.url("remote.git")
        // No `-b main`: HEAD of the bare remote names `master`, as an old git would make it.
        try box.git(["init", "-q", "--bare", remote.path])
        let mentor = try box.person(
            "mentor", name: "Mara Quinn", email: "mara@example.org", remote: remote.path)
        try box.write(agreementText, to: "agreement.md", in: mentor)
        try box.write(goalText, to: "goals/speaking.md", in: mentor)
        let secret = "SECRET-MENTOR-THOUGHTS"
        let privateMentor = reflectionText("2026-11-20", title: secret, isPrivate: true, author: "mentor")
        try box.write(privateMentor, to: "reflections/2026-11-20-private.md", in: mentor)

        // First sync to an empty remote: commit, push, set the upstream.
        var run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("Saved your changes"))
        #expect(
            try box.git(["rev-parse", "--abbrev-ref", "main@{upstream}"], in: mentor).stdout
                == "origin/main\n")
        #expect(
            try box.git(["log", "--format=%s", "main"], in: remote).stdout
                == "Add agreement; add goal speaking\n")
        #expect(
            box.read(".git/info/exclude", in: mentor)?.contains("/reflections/2026-11-20-private.md") == true)

        // The mentee clones with plain git; the remote's HEAD names no branch, so git checks
        // nothing out, and the first sync starts from the remote's `main`.
        try box.git(["clone", "-q", remote.path, box.url("mentee").path])
        let mentee = box.url("mentee")
        try box.git(["config", "user.name", "Theo Park"], in: mentee)
        try box.git(["config", "user.email", "theo@example.org"], in: mentee)
        try box.write(
            reflectionText("2026-11-22", title: "First week"), to: "reflections/2026-11-22.md", in: mentee)
        let privateMentee = reflectionText("2026-11-22", title: "SECRET-MENTEE-WORRIES", isPrivate: true)
        try box.write(privateMentee, to: "reflections/2026-11-22-private.md", in: mentee)
        run = try box.journal(["sync"], in: mentee)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(try box.git(["branch", "--show-current"], in: mentee).stdout == "main\n")
        #expect(box.read("agreement.md", in: mentee) == agreementText)
        #expect(try box.git(["log", "--format=%an", "main"], in: remote).stdout == "Theo Park\nMara Quinn\n")

        // Fast-forward: the mentor only receives.
        run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("Received 1 change from Theo Park"), "\(run.stdout)")
        #expect(box.read("reflections/2026-11-22.md", in: mentor) != nil)
        #expect(
            try box.git(["rev-parse", "HEAD"], in: mentor).stdout
                == box.git(["rev-parse", "main"], in: remote).stdout)

        // Divergent histories: different files on each side, joined by a merge commit.
        try box.write(
            "---\ndate: 2026-11-25\n---\n# Session\n", to: "sessions/2026-11-25.md", in: mentor)
        try box.write(
            "---\ntitle: Write a blog post\ntarget: 2027-01-15\nmeasure: published\n---\n",
            to: "goals/writing.md", in: mentee)
        #expect(try box.journal(["commit"], in: mentor).status == 0)
        run = try box.journal(["sync"], in: mentee)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("and combined"), "\(run.stdout)")
        #expect(
            try box.git(["log", "-1", "--format=%P"], in: mentor).stdout.split(separator: " ").count == 2)
        #expect(box.read("goals/writing.md", in: mentor) != nil)
        #expect(
            try box.git(["rev-parse", "HEAD"], in: mentor).stdout
                == box.git(["rev-parse", "main"], in: remote).stdout)
        #expect(try box.journal(["sync"], in: mentee).status == 0)
        #expect(box.read("sessions/2026-11-25.md", in: mentee) != nil)

        // A conflict: both change the same line of the goal.
        let goal = "goals/speaking.md"
        try box.write(
            goalText.replacingOccurrences(
                of: "title: Speak at a meetup", with: "title: Speak at a conference"), to: goal, in: mentee)
        #expect(try box.journal(["sync"], in: mentee).status == 0)
        try box.write(
            goalText.replacingOccurrences(
                of: "title: Speak at a meetup", with: "title: Speak at the local meetup"), to: goal,
            in: mentor)
        let remoteBefore = try box.git(["rev-parse", "main"], in: remote).stdout
        run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 3, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains(goal))
        #expect(run.stdout.contains("journal sync"))
        #expect(run.stdout.contains("keep each setting there"), "\(run.stdout)")
        let conflicted = box.read(goal, in: mentor) ?? ""
        #expect(conflicted.contains("title: Speak at the local meetup"))
        #expect(conflicted.contains("title: Speak at a conference"))
        #expect(conflicted.contains("<<<<<<< Mara Quinn"))
        #expect(conflicted.contains(">>>>>>> \(remote.path) (the shared copy)"), "\(conflicted)")
        #expect(try box.git(["rev-parse", "main"], in: remote).stdout == remoteBefore)
        #expect(try box.git(["ls-files", "-u"], in: mentor).stdout.contains(goal))
        #expect(try box.git(["status"], in: mentor).stdout.contains("Unmerged paths"))
        let lint = try box.journal(["lint"], in: mentor)
        #expect(lint.status == 1)
        #expect(lint.stdout.contains("merge/conflict-markers"))

        // A second sync before resolving still stops, and sends nothing.
        run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 3, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains(goal))
        #expect(try box.git(["rev-parse", "main"], in: remote).stdout == remoteBefore)
        let status = try box.journal(["status"], in: mentor)
        #expect(status.stdout.contains("merge"))

        // Resolved: the sync makes the two-parent commit and pushes it.
        try box.write(
            goalText.replacingOccurrences(
                of: "title: Speak at a meetup", with: "title: Speak at a local conference"), to: goal,
            in: mentor)
        run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(
            try box.git(["log", "-1", "--format=%P"], in: mentor).stdout.split(separator: " ").count == 2)
        #expect(
            try box.git(["rev-parse", "HEAD"], in: mentor).stdout
                == box.git(["rev-parse", "main"], in: remote).stdout)
        #expect(try box.git(["status", "--porcelain"], in: mentor).stdout == "")
        #expect(
            !FileManager.default.fileExists(atPath: mentor.appendingPathComponent(".git/MERGE_HEAD").path))

        // The other side receives it.
        run = try box.journal(["sync"], in: mentee)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(box.read(goal, in: mentee)?.contains("title: Speak at a local conference") == true)

        // Private reflections: in no commit anywhere, skipped by a plain `git add -A`, still on disk.
        #expect(try box.journal(["status"], in: mentee).stdout.contains("stays on this computer"))
        #expect(try box.journal(["log"], in: mentee).status == 0)
        #expect(try box.journal(["commit"], in: mentee).status == 0)
        for repository in [mentor, mentee, remote] {
            let history = try box.git(["log", "--all", "-p"], in: repository).stdout
            #expect(
                !history.contains("SECRET-"), "a private entry leaked into \(repository.lastPathComponent)")
            #expect(!history.contains("-private.md"))
        }
        try box.git(["add", "-A"], in: mentor)
        try box.git(["add", "-A"], in: mentee)
        #expect(!(try box.git(["diff", "--cached", "--name-only"], in: mentor).stdout.contains("private")))
        #expect(!(try box.git(["diff", "--cached", "--name-only"], in: mentee).stdout.contains("private")))
        #expect(box.read("reflections/2026-11-20-private.md", in: mentor) == privateMentor)
        #expect(box.read("reflections/2026-11-22-private.md", in: mentee) == privateMentee)
        try box.expectValid([mentor, mentee, remote])
    }

    /// A conflict leaves what git itself leaves: the three versions in git's index, the merge in
    /// progress with its message, and a file the person resolves; `git commit` then finishes it
    /// as `journal sync` would, and a file one side removed while the other changed it stays.
    @Test func aConflictIsLeftAsGitLeavesOneAndGitCanFinishIt() throws {
        let box = try GitSandbox()
        let (remote, mentor) = try box.sharedJournal(files: [
            "goals/speaking.md": goalText, "notes.txt": "first line\n",
        ])
        let mentee = try box.joinAsPartner(remote)
        let goal = "goals/speaking.md"
        try box.write(
            goalText.replacingOccurrences(of: "a meetup", with: "a conference"), to: goal, in: mentee)
        try box.write("first line, theirs\n", to: "notes.txt", in: mentee)
        #expect(try box.journal(["sync"], in: mentee).status == 0)

        try box.write(
            goalText.replacingOccurrences(of: "a meetup", with: "the local meetup"), to: goal, in: mentor)
        try FileManager.default.removeItem(at: mentor.appendingPathComponent("notes.txt"))
        let run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 3, "\(run.stdout)\(run.stderr)")
        // Each file said as what it is: both versions in the entry, the removed one kept as changed.
        let said = run.stdout.components(
            separatedBy: "One of you changed these files and the other deleted them")
        #expect(said.count == 2 && said[0].contains(goal) && said[1].contains("notes.txt"), "\(run.stdout)")
        let stages = try box.git(["ls-files", "-u"], in: mentor).stdout
        #expect(stages.split(separator: "\n").filter { $0.hasSuffix("\t\(goal)") }.count == 3, "\(stages)")
        #expect(stages.contains("\tnotes.txt"))
        // The entry carries journal's markers; the file one side removed is there to decide on.
        #expect(box.read(goal, in: mentor)?.contains("<<<<<<< Mara Quinn (this computer)") == true)
        #expect(box.read("notes.txt", in: mentor) == "first line, theirs\n")
        #expect(box.read(".git/MERGE_MSG", in: mentor)?.hasPrefix("Merge changes from") == true)

        try box.write(
            goalText.replacingOccurrences(of: "a meetup", with: "a local conference"), to: goal, in: mentor)
        try box.git(["add", goal, "notes.txt"], in: mentor)
        try box.git(["commit", "-q", "--no-edit"], in: mentor)
        let parents = try box.git(["log", "-1", "--format=%P %s"], in: mentor).stdout
        #expect(
            parents.split(separator: " ").count >= 3 && parents.contains("Merge changes from"), "\(parents)")
        #expect(try box.journal(["sync"], in: mentor).status == 0)
        #expect(
            try box.git(["show", "main:\(goal)"], in: remote).stdout.contains(
                "title: Speak at a local conference"))
        try box.expectValid([mentor, mentee, remote])
    }

    /// An entry journal cannot read (here the duplicate key a conflict resolved by hand leaves)
    /// is named, with its line and what is wrong, by `commit` and by `sync` before it is sent.
    @Test func anEntryJournalCannotReadIsNamedBeforeItIsSent() throws {
        let box = try GitSandbox()
        let (remote, mentor) = try box.sharedJournal(sent: false)
        let session = "sessions/2026-10-12.md"
        try box.write(
            "---\ndate: 2026-10-12\nstatus: held\nnext: 2026-10-19\nnext: 2026-10-26\n---\n# Notes\n",
            to: session,
            in: mentor)
        let committed = try box.journal(["commit"], in: mentor)
        #expect(committed.status == 0, "\(committed.stderr)")
        #expect(committed.stderr.contains("\(session), line 5: duplicate key `next`"), "\(committed.stderr)")
        try box.write(
            "---\ndate: 2026-10-12\nstatus: held\nnext: 2026-10-19\n# Notes\n", to: session, in: mentor)
        let synced = try box.journal(["sync"], in: mentor)
        #expect(synced.status == 0, "\(synced.stderr)")
        #expect(synced.stderr.contains("\(session), line 1"), "\(synced.stderr)")
        #expect(synced.stderr.contains("journal cannot read this entry"), "\(synced.stderr)")
        // What can be read draws no such line.
        try box.write("---\ndate: 2026-10-12\nstatus: held\n---\n# Notes\n", to: session, in: mentor)
        let clean = try box.journal(["sync"], in: mentor)
        #expect(clean.status == 0)
        #expect(!clean.stderr.contains("cannot read"), "\(clean.stderr)")
        #expect(
            try box.git(["show", "main:\(session)"], in: remote).stdout.hasPrefix(
                "---\ndate: 2026-10-12\nstatus: held\n---"))
    }

    /// A shared copy named by a folder relative to the work tree (`../shared.git`, as
    /// `git remote add` keeps it) is found from any folder journal starts in, as git finds it.
    @Test func aRelativeSharedCopyIsFoundFromAnyFolder() throws {
        let box = try GitSandbox()
        let (remote, mentor) = try box.sharedJournal(sent: false)
        try box.git(["remote", "set-url", "origin", "../shared.git"], in: mentor)
        try box.write(goalText, to: "goals/speaking.md", in: mentor)
        let run = try box.journal(["sync"], in: mentor.appendingPathComponent("goals"))
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(
            try box.git(["ls-tree", "-r", "--name-only", "main"], in: remote).stdout.contains(
                "goals/speaking.md"))
        #expect(try box.git(["config", "remote.origin.url"], in: mentor).stdout == "../shared.git\n")
        // Gone: said as a folder that is not there, by its full path.
        try FileManager.default.moveItem(at: remote, to: box.url("moved.git"))
        try box.write(goalText + "\nMore.\n", to: "goals/speaking.md", in: mentor)
        let away = try box.journal(["sync"], in: mentor.appendingPathComponent("goals"))
        #expect(away.status == 4, "\(away.stdout)\(away.stderr)")
        #expect(away.stderr.contains(remote.standardizedFileURL.path), "\(away.stderr)")
        try box.expectValid([mentor])
    }

    /// Uncommitted edits outside the journal's folder survive a merge.
    @Test func uncommittedWorkOutsideTheJournalSurvivesAMerge() throws {
        let box = try GitSandbox()
        let remote = box.url("remote.git")
        try box.git(["init", "-q", "--bare", "-b", "main", remote.path])
        let mentor = try box.person(
            "mentor", name: "Mara Quinn", email: "mara@example.org", remote: remote.path)
        try box.write("# Notes\n", to: "README.md", in: mentor)
        try box.write("lint: {}\n", to: "journal/.journal.yml", in: mentor)
        try box.write(agreementText, to: "journal/agreement.md", in: mentor)
        try box.git(["add", "README.md"], in: mentor)
        try box.git(["commit", "-q", "-m", "readme"], in: mentor)
        let journal = mentor.appendingPathComponent("journal")
        #expect(try box.journal(["sync"], in: journal).status == 0)
        try box.git(["clone", "-q", remote.path, box.url("mentee").path])
        let mentee = box.url("mentee")
        try box.git(["config", "user.name", "Theo Park"], in: mentee)
        try box.write(
            reflectionText("2026-11-22", title: "Week"), to: "journal/reflections/2026-11-22.md", in: mentee)
        #expect(try box.journal(["sync"], in: mentee.appendingPathComponent("journal")).status == 0)

        // The mentor edits the README (outside the journal) and a goal, and syncs.
        try box.write("# Notes, edited and not committed\n", to: "README.md", in: mentor)
        try box.write(goalText, to: "journal/goals/speaking.md", in: mentor)
        let run = try box.journal(["sync"], in: journal)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(box.read("README.md", in: mentor) == "# Notes, edited and not committed\n")
        #expect(try box.git(["status", "--porcelain"], in: mentor).stdout == " M README.md\n")
        #expect(box.read("journal/reflections/2026-11-22.md", in: mentor) != nil)
        try box.expectValid([mentor, mentee, remote])
    }

    /// Two people sync at the same moment: one push loses the race, fetches, merges and
    /// pushes again; nothing is lost.
    @Test func aPushRaceLosesNothing() throws {
        let box = try GitSandbox()
        let remote = box.url("remote.git")
        try box.git(["init", "-q", "--bare", "-b", "main", remote.path])
        let mentor = try box.person(
            "mentor", name: "Mara Quinn", email: "mara@example.org", remote: remote.path)
        try box.write(agreementText, to: "agreement.md", in: mentor)
        #expect(try box.journal(["sync"], in: mentor).status == 0)
        try box.git(["clone", "-q", remote.path, box.url("mentee").path])
        let mentee = box.url("mentee")
        try box.git(["config", "user.name", "Theo Park"], in: mentee)

        for round in 1...3 {
            try box.write(
                "---\ndate: 2026-11-2\(round)\n---\n# S\n", to: "sessions/2026-11-2\(round).md", in: mentor)
            try box.write(
                reflectionText("2026-11-2\(round)", title: "R\(round)"),
                to: "reflections/2026-11-2\(round).md", in: mentee)
            let first = try box.startJournal(["sync"], in: mentor)
            let second = try box.startJournal(["sync"], in: mentee)
            for (process, out, err) in [first, second] {
                let output = out.fileHandleForReading.readDataToEndOfFile()
                let errors = err.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                #expect(
                    process.terminationStatus == 0,
                    "\(String(decoding: output, as: UTF8.self))\(String(decoding: errors, as: UTF8.self))")
            }
            // Both pushes succeeded, so the remote holds both changes: none replaced the other.
            let pushed = try box.git(["ls-tree", "-r", "--name-only", "main"], in: remote).stdout
            #expect(pushed.contains("sessions/2026-11-2\(round).md"))
            #expect(pushed.contains("reflections/2026-11-2\(round).md"))
            #expect(try box.journal(["sync"], in: mentor).status == 0)
            #expect(try box.journal(["sync"], in: mentee).status == 0)
            for person in [mentor, mentee] {
                #expect(box.read("sessions/2026-11-2\(round).md", in: person) != nil)
                #expect(box.read("reflections/2026-11-2\(round).md", in: person) != nil)
            }
        }
        #expect(
            try box.git(["for-each-ref", "--format=%(refname)"], in: remote).stdout == "refs/heads/main\n")
        let files = try box.git(["ls-tree", "-r", "--name-only", "main"], in: remote).stdout
        for round in 1...3 {
            #expect(files.contains("sessions/2026-11-2\(round).md"))
            #expect(files.contains("reflections/2026-11-2\(round).md"))
        }
        try box.expectValid([mentor, mentee, remote])
    }

    /// With another git program holding the index lock, `journal commit` stops with a clear
    /// message and touches nothing.
    @Test func lockedIndexFailsClearly() throws {
        let box = try GitSandbox()
        let mentor = try box.person("mentor", name: "Mara Quinn", email: "mara@example.org", remote: nil)
        try box.write(agreementText, to: "agreement.md", in: mentor)
        #expect(try box.journal(["commit"], in: mentor).status == 0)
        try box.write(goalText, to: "goals/speaking.md", in: mentor)
        let lock = mentor.appendingPathComponent(".git/index.lock")
        #expect(FileManager.default.createFile(atPath: lock.path, contents: Data()))
        let indexBefore = try Data(contentsOf: mentor.appendingPathComponent(".git/index"))
        let run = try box.journal(["commit"], in: mentor)
        #expect(run.status == 1)
        #expect(run.stderr.contains("index.lock"))
        // In plain words, not libgit2's.
        #expect(run.stderr.contains("another git program is working in this repository"), "\(run.stderr)")
        #expect(!run.stderr.contains("failed to lock file"))
        #expect(try Data(contentsOf: mentor.appendingPathComponent(".git/index")) == indexBefore)
        #expect(box.read("goals/speaking.md", in: mentor) == goalText)
        #expect(try box.git(["log", "--format=%s"], in: mentor).stdout == "Add agreement\n")
        try FileManager.default.removeItem(at: lock)
        #expect(try box.journal(["commit"], in: mentor).status == 0)
        #expect(try box.git(["status", "--porcelain"], in: mentor).stdout == "")
        try box.expectValid([mentor])
    }

    /// Without user.name and user.email, `journal commit` names both keys.
    @Test func missingIdentityNamesBothKeys() throws {
        let box = try GitSandbox()
        try "".write(to: box.home.appendingPathComponent(".gitconfig"), atomically: true, encoding: .utf8)
        let folder = box.url("journal")
        try box.git(["init", "-q", "-b", "main", folder.path])
        try box.write(agreementText, to: "agreement.md", in: folder)
        let run = try box.journal(["commit"], in: folder, extra: ["EMAIL": ""])
        #expect(run.status == 1)
        #expect(run.stderr.contains("user.name"))
        #expect(run.stderr.contains("user.email"))
        #expect(try box.git(["log"], in: folder, allowFailure: true).status != 0)
    }

    /// The default message names the entries; `-m` replaces it.
    @Test func commitMessagesNameTheEntries() throws {
        let box = try GitSandbox()
        let folder = try box.person("journal", name: "Mara Quinn", email: "mara@example.org", remote: nil)
        try box.write(agreementText, to: "agreement.md", in: folder)
        try box.write(goalText, to: "goals/clinical-reasoning.md", in: folder)
        #expect(try box.journal(["commit"], in: folder).status == 0)
        try box.write(
            reflectionText("2026-11-22", title: "Week"), to: "reflections/2026-11-22.md", in: folder)
        try box.write(goalText + "More.\n", to: "goals/clinical-reasoning.md", in: folder)
        var run = try box.journal(["commit"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            try box.git(["log", "-1", "--format=%s"], in: folder).stdout
                == "Update goal clinical-reasoning; add reflection 2026-11-22\n")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("reflections/2026-11-22.md"))
        run = try box.journal(["commit", "-m", "Tidy up"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            try box.git(["log", "-1", "--format=%s%n%an <%ae>"], in: folder).stdout
                == "Tidy up\nMara Quinn <mara@example.org>\n")
        #expect(
            try box.git(["show", "--name-status", "--format=", "HEAD"], in: folder).stdout
                == "D\treflections/2026-11-22.md\n")
        run = try box.journal(["commit"], in: folder)
        #expect(run.status == 0)
        #expect(run.stdout.contains("Nothing to commit"))
        try box.expectValid([folder])
    }

    /// A private entry git already tracks is reported, and left as it is.
    @Test func trackedPrivateEntryIsReportedAndLeftAlone() throws {
        let box = try GitSandbox()
        let folder = try box.person("journal", name: "Mara Quinn", email: "mara@example.org", remote: nil)
        try box.write(agreementText, to: "agreement.md", in: folder)
        try box.write(
            reflectionText("2026-11-22", title: "Was public"), to: "reflections/2026-11-22.md", in: folder)
        try box.git(["add", "-A"], in: folder)
        try box.git(["commit", "-q", "-m", "start"], in: folder)
        let nowPrivate = reflectionText("2026-11-22", title: "Now private", isPrivate: true)
        try box.write(nowPrivate, to: "reflections/2026-11-22.md", in: folder)
        let run = try box.journal(["commit"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("reflections/2026-11-22.md"))
        #expect(run.stderr.contains("git rm --cached"))
        #expect(try box.git(["log", "--format=%s"], in: folder).stdout == "start\n")
        #expect(
            try box.git(["status", "--porcelain"], in: folder).stdout == " M reflections/2026-11-22.md\n")
        #expect(box.read("reflections/2026-11-22.md", in: folder) == nowPrivate)
        let status = try box.journal(["status"], in: folder)
        #expect(status.stdout.contains("Private but tracked by git: reflections/2026-11-22.md"))
    }
}
