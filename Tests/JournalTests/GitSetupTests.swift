import Foundation
import Testing

/// `journal commit` on the git set-ups people have: identity from git's variables, and never a
/// commit in the middle of another git operation or on no branch. Checked with the git CLI.
@Suite struct GitSetupTests {
    func journalFolder(_ box: GitSandbox) throws -> URL {
        let folder = try box.person("mentor", name: "Mara Quinn", email: "mara@example.org", remote: nil)
        try box.write(agreementText, to: "agreement.md", in: folder)
        try box.write(goalText, to: "goals/speaking.md", in: folder)
        return folder
    }

    @Test func identityComesFromGitsVariablesAsGitTakesIt() throws {
        let box = try GitSandbox()
        let folder = try journalFolder(box)
        var run = try box.journal(
            ["commit"], in: folder,
            extra: [
                "GIT_AUTHOR_NAME": "Ada Lovelace", "GIT_AUTHOR_EMAIL": "ada@example.org",
                "GIT_AUTHOR_DATE": "@1700000000 +0100", "GIT_COMMITTER_NAME": "Journal Bot",
                "GIT_COMMITTER_EMAIL": "bot@example.org",
            ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            try box.git(["log", "-1", "--format=%an <%ae>|%cn <%ce>|%ad", "--date=raw"], in: folder).stdout
                == "Ada Lovelace <ada@example.org>|Journal Bot <bot@example.org>|1700000000 +0100\n")
        // No user.email anywhere: EMAIL, as git falls back to it.
        try box.git(["config", "--unset", "user.email"], in: folder)
        let home = box.url("other-home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let bare = home.appendingPathComponent(".gitconfig")
        try "[user]\n\tname = Mara Quinn\n".write(to: bare, atomically: true, encoding: .utf8)
        try box.write(
            reflectionText("2026-11-22", title: "Later"), to: "reflections/2026-11-22.md", in: folder)
        run = try box.journal(
            ["commit"], in: folder,
            extra: ["HOME": home.path, "GIT_CONFIG_GLOBAL": bare.path, "EMAIL": "mara@home.example.org"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            try box.git(["log", "-1", "--format=%ae|%ce"], in: folder).stdout
                == "mara@home.example.org|mara@home.example.org\n")
    }

    @Test func nothingIsCommittedDuringACherryPickStoppedOnAConflict() throws {
        let box = try GitSandbox()
        let folder = try journalFolder(box)
        #expect(try box.journal(["commit"], in: folder).status == 0)
        try box.git(["switch", "-q", "-c", "other"], in: folder)
        try box.write(goalText + "Theirs.\n", to: "goals/speaking.md", in: folder)
        try box.git(["commit", "-qam", "Theirs"], in: folder)
        try box.git(["switch", "-q", "main"], in: folder)
        try box.write(goalText + "Ours.\n", to: "goals/speaking.md", in: folder)
        try box.git(["commit", "-qam", "Ours"], in: folder)
        let picked = try box.git(["cherry-pick", "other"], in: folder, allowFailure: true)
        #expect(picked.status != 0)
        let before = try box.git(["rev-parse", "HEAD"], in: folder).stdout
        try box.write(reflectionText("2026-11-22", title: "New"), to: "reflections/2026-11-22.md", in: folder)
        let run = try box.journal(["commit"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("cherry-pick"), "\(run.stderr)")
        #expect(try box.git(["rev-parse", "HEAD"], in: folder).stdout == before)
        // The new entry was not even staged; the conflict is as git left it.
        let status = try box.git(["status", "--porcelain"], in: folder).stdout
        #expect(status.contains("?? reflections/"), "\(status)")
        #expect(status.contains("UU goals/speaking.md"), "\(status)")
        #expect(try box.journal(["sync"], in: folder).status == 1)
    }

    @Test func nothingIsCommittedOnADetachedHead() throws {
        let box = try GitSandbox()
        let folder = try journalFolder(box)
        #expect(try box.journal(["commit"], in: folder).status == 0)
        try box.git(["checkout", "-q", "--detach"], in: folder)
        try box.write(reflectionText("2026-11-22", title: "New"), to: "reflections/2026-11-22.md", in: folder)
        let run = try box.journal(["commit"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("not on a branch"), "\(run.stderr)")
        #expect(
            try box.git(["log", "--format=%s"], in: folder).stdout == "Add agreement; add goal speaking\n")
    }
}

/// A shared repository on this computer (a folder, a shared drive) keeps its own rules: its
/// hooks run as they do for `git push`, and an interrupted sync leaves nothing in it.
@Suite struct LocalRemoteTests {
    @Test func theRemotesHooksRunAndMayRefuse() throws {
        let box = try GitSandbox()
        let remote = box.url("shared/pair.git")
        try box.git(["init", "-q", "--bare", "-b", "main", remote.path])
        let hooks = remote.appendingPathComponent("hooks")
        let refuse = hooks.appendingPathComponent("pre-receive")
        try
            "#!/bin/sh\nwhile read old new ref; do echo \"pushes to $ref are paused for the audit\"; done\nexit 1\n"
            .write(to: refuse, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: refuse.path)
        let told = box.url("post-receive-said.txt")
        let after = hooks.appendingPathComponent("post-receive")
        try "#!/bin/sh\ncat >> '\(told.path)'\n".write(to: after, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: after.path)
        // What a sync stopped halfway would have left.
        let mentor = try box.person(
            "mentor", name: "Mara Quinn", email: "mara@example.org", remote: remote.path)
        try box.write(agreementText, to: "agreement.md", in: mentor)
        try box.write(goalText, to: "goals/speaking.md", in: mentor)

        var run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("pushes to refs/heads/main are paused for the audit"), "\(run.stderr)")
        #expect(try box.git(["for-each-ref"], in: remote).stdout.isEmpty)
        #expect(box.read("post-receive-said.txt", in: box.root) == nil)

        try FileManager.default.removeItem(at: refuse)
        try box.git(["update-ref", "refs/journal-sync/999999999-1", "HEAD"], in: mentor)
        try box.git(["push", "-q", remote.path, "refs/journal-sync/999999999-1"], in: mentor)
        run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let head = try box.git(["rev-parse", "HEAD"], in: mentor).stdout.trimmingCharacters(in: .newlines)
        #expect(
            try box.git(["for-each-ref", "--format=%(refname)"], in: remote).stdout == "refs/heads/main\n")
        #expect(
            box.read("post-receive-said.txt", in: box.root)?.hasSuffix(" \(head) refs/heads/main\n") == true)
        try box.expectValid([mentor, remote])
    }
}

/// Work trees git supports: a sparse checkout's absent files are not deletions.
@Suite struct SparseCheckoutTests {
    @Test func filesOutsideTheConeAreNeverCommittedAsDeleted() throws {
        let box = try GitSandbox()
        let origin = try box.person("origin", name: "Mara Quinn", email: "mara@example.org", remote: nil)
        try box.write("lint:\n  rules: {}\n", to: ".journal.yml", in: origin)
        for pair in ["pair-a", "pair-b"] {
            try box.write(agreementText, to: "\(pair)/agreement.md", in: origin)
            try box.write(goalText, to: "\(pair)/goals/speaking.md", in: origin)
        }
        try box.git(["add", "-A"], in: origin)
        try box.git(["commit", "-qm", "Two pairs"], in: origin)
        try box.git(["clone", "-q", "--no-checkout", origin.path, box.url("coordinator").path])
        let folder = box.url("coordinator")
        try box.git(["sparse-checkout", "set", "--cone", "pair-a"], in: folder)
        try box.git(["checkout", "-q", "main"], in: folder)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("pair-b").path))
        try box.write(
            reflectionText("2026-11-22", title: "Only A"), to: "pair-a/reflections/2026-11-22.md", in: folder)
        let status = try box.journal(["status"], in: folder)
        #expect(!status.stdout.contains("pair-b"), "\(status.stdout)")
        let run = try box.journal(["commit"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let files = try box.git(["ls-tree", "-r", "--name-only", "HEAD"], in: folder).stdout
        #expect(
            files.contains("pair-b/agreement.md") && files.contains("pair-b/goals/speaking.md"), "\(files)")
        #expect(files.contains("pair-a/reflections/2026-11-22.md"))
        #expect(
            try box.git(["show", "--stat", "--format=", "HEAD"], in: folder).stdout.contains("1 file changed")
        )
        #expect(try box.git(["status", "--porcelain"], in: folder).stdout == "")
    }
}

/// Files git runs a filter on (git-lfs, say) are never committed raw.
@Suite struct FilteredFilesTests {
    @Test func aFilteredFileIsLeftForGitAndSaidSo() throws {
        let box = try GitSandbox()
        let folder = try box.person("mentor", name: "Mara Quinn", email: "mara@example.org", remote: nil)
        try box.write(agreementText, to: "agreement.md", in: folder)
        try box.write("reflections/*.md filter=shout\n", to: ".gitattributes", in: folder)
        try box.git(["config", "filter.shout.clean", "tr a-z A-Z"], in: folder)
        try box.git(["config", "filter.shout.smudge", "cat"], in: folder)
        try box.write(
            reflectionText("2026-11-22", title: "Quiet"), to: "reflections/2026-11-22.md", in: folder)
        let run = try box.journal(["commit"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stderr.contains("reflections/2026-11-22.md goes through git's `shout` filter"),
            "\(run.stderr)")
        let files = try box.git(["ls-tree", "-r", "--name-only", "HEAD"], in: folder).stdout
        #expect(files.contains("agreement.md") && !files.contains("reflections/"), "\(files)")
        // git commits it through its filter, as the message says.
        try box.git(["add", "reflections/2026-11-22.md"], in: folder)
        try box.git(["commit", "-qm", "Through the filter"], in: folder)
        let stored = try box.git(["show", "HEAD:reflections/2026-11-22.md"], in: folder).stdout
        #expect(stored.contains("DATE: 2026-11-22"))
    }
}

/// With `commit.gpgsign`, journal's commits are signed as git's are, or not made at all.
@Suite struct SignedCommitTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/gpg")))
    func openPGPSignaturesThatGitVerifies() throws {
        let box = try GitSandbox()
        let gnupg = box.url("gnupg")
        try FileManager.default.createDirectory(at: gnupg, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: gnupg.path)
        let env = ["GNUPGHOME": gnupg.path]
        defer { _ = try? box.run("/usr/bin/gpgconf", ["--kill", "gpg-agent"], extra: env) }
        let made = try box.run(
            "/usr/bin/gpg",
            [
                "--batch", "--pinentry-mode", "loopback", "--passphrase", "", "--quick-gen-key",
                "Mara Quinn <mara@example.org>", "ed25519", "sign", "never",
            ], extra: env)
        #expect(made.status == 0, "\(made.stderr)")
        let folder = try box.person("mentor", name: "Mara Quinn", email: "mara@example.org", remote: nil)
        try box.git(["config", "commit.gpgsign", "true"], in: folder)
        try box.git(["config", "user.signingkey", "mara@example.org"], in: folder)
        try box.write(agreementText, to: "agreement.md", in: folder)
        let run = try box.journal(["commit"], in: folder, extra: env)
        #expect(run.status == 0, "\(run.stderr)")
        let verified = try box.run("/usr/bin/git", ["verify-commit", "HEAD"], in: folder, extra: env)
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.stderr.contains("Good signature"), "\(verified.stderr)")

        // A key that is not there: no commit, and why.
        try box.git(["config", "user.signingkey", "nobody@example.org"], in: folder)
        try box.write(goalText, to: "goals/speaking.md", in: folder)
        let refused = try box.journal(["commit"], in: folder, extra: env)
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains("could not be signed") && refused.stderr.contains("nothing was committed")
        )
        #expect(try box.git(["log", "--format=%s"], in: folder).stdout == "Add agreement\n")
    }

    @Test func sshSignaturesThatGitVerifies() throws {
        let box = try GitSandbox()
        let key = box.url("home/.ssh/signing")
        try box.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "mara", "-f", key.path])
        let folder = try box.person("mentor", name: "Mara Quinn", email: "mara@example.org", remote: nil)
        try box.git(["config", "commit.gpgsign", "true"], in: folder)
        try box.git(["config", "gpg.format", "ssh"], in: folder)
        try box.git(["config", "user.signingkey", key.path], in: folder)
        let allowed = box.url("allowed_signers")
        let publicKey = box.read("home/.ssh/signing.pub", in: box.root) ?? ""
        try "mara@example.org \(publicKey)".write(to: allowed, atomically: true, encoding: .utf8)
        try box.git(["config", "gpg.ssh.allowedSignersFile", allowed.path], in: folder)
        try box.write(agreementText, to: "agreement.md", in: folder)
        let run = try box.journal(["commit"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let verified = try box.run("/usr/bin/git", ["verify-commit", "HEAD"], in: folder)
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        #expect((verified.stdout + verified.stderr).contains("Good \"git\" signature"))
    }
}

/// A remote that accepts the connection and then says nothing never hangs a sync.
@Suite struct StalledRemoteTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")))
    func aSilentServerEndsTheSyncWithExitFour() throws {
        let box = try GitSandbox()
        let port = box.freePort()
        let server = try box.startSilentServer(port: port)
        defer { box.stop(server) }
        #expect(box.waitForListener(port: port))
        let folder = try box.person(
            "mentor", name: "Mara Quinn", email: "mara@example.org",
            remote: "git://127.0.0.1:\(port)/pair.git")
        try box.write(agreementText, to: "agreement.md", in: folder)
        #expect(try box.journal(["commit"], in: folder).status == 0)
        try box.write(goalText, to: "goals/speaking.md", in: folder)
        let started = Date()
        let run = try box.run(
            try journalBinary().path, ["sync"], in: folder, extra: ["JOURNAL_GIT_TIMEOUT": "2"], timeout: 40)
        #expect(!run.timedOut)
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(run.status == 4, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("stopped answering"), "\(run.stderr)")
        #expect(box.read("goals/speaking.md", in: folder) == goalText)
        #expect(try box.git(["log", "--format=%s"], in: folder).stdout.hasSuffix("Add agreement\n"))
    }
}

/// A shallow clone (what CI checkouts are): the log shows what it holds, and a sync says how
/// to bring in the rest rather than failing on a missing object.
@Suite struct ShallowCloneTests {
    @Test func theLogShowsWhatIsThereAndSyncSaysWhatToRun() throws {
        let box = try GitSandbox()
        let remote = box.url("pair.git")
        try box.git(["init", "-q", "--bare", "-b", "main", remote.path])
        let mentor = try box.person(
            "mentor", name: "Mara Quinn", email: "mara@example.org", remote: remote.path)
        try box.write(agreementText, to: "agreement.md", in: mentor)
        #expect(try box.journal(["sync"], in: mentor).status == 0)
        for day in ["2026-11-20", "2026-11-21"] {
            try box.write(reflectionText(day, title: "Day \(day)"), to: "reflections/\(day).md", in: mentor)
            #expect(try box.journal(["sync"], in: mentor).status == 0)
        }
        try box.git(["clone", "-q", "--depth", "2", "file://" + remote.path, box.url("ci").path])
        let ci = box.url("ci")
        try box.git(["config", "user.name", "Theo Park"], in: ci)
        try box.git(["config", "user.email", "theo@example.org"], in: ci)
        let log = try box.journal(["log"], in: ci)
        #expect(log.status == 0)
        #expect(log.stdout.contains("reflections/2026-11-21.md"), "\(log.stdout)")
        #expect(log.stderr.contains("git fetch --unshallow"))
        try box.write(goalText, to: "goals/speaking.md", in: ci)
        var run = try box.journal(["sync"], in: ci)
        #expect(run.status == 1)
        #expect(run.stderr.contains("git fetch --unshallow"), "\(run.stderr)")
        #expect(!run.stderr.contains("object not found"))
        try box.git(["fetch", "-q", "--unshallow"], in: ci)
        run = try box.journal(["sync"], in: ci)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(
            try box.git(["log", "-1", "--format=%s", "main"], in: remote).stdout == "Add goal speaking\n")
        try box.expectValid([ci, remote])
    }
}

/// One side changed a file the other deleted: said as such, the changed words kept.
@Suite struct ModifyDeleteTests {
    @Test func aChangeAndADeletionMeetAndNothingIsLost() throws {
        let box = try GitSandbox()
        let remote = box.url("pair.git")
        try box.git(["init", "-q", "--bare", "-b", "main", remote.path])
        let mentor = try box.person(
            "mentor", name: "Mara Quinn", email: "mara@example.org", remote: remote.path)
        try box.write(agreementText, to: "agreement.md", in: mentor)
        try box.write(goalText, to: "goals/speaking.md", in: mentor)
        #expect(try box.journal(["sync"], in: mentor).status == 0)
        try box.git(["clone", "-q", remote.path, box.url("mentee").path])
        let mentee = box.url("mentee")
        try box.git(["config", "user.name", "Theo Park"], in: mentee)
        try box.git(["config", "user.email", "theo@example.org"], in: mentee)
        try FileManager.default.removeItem(at: mentee.appendingPathComponent("goals/speaking.md"))
        #expect(try box.journal(["sync"], in: mentee).status == 0)
        try box.write(goalText + "Rehearsed twice.\n", to: "goals/speaking.md", in: mentor)
        let run = try box.journal(["sync"], in: mentor)
        #expect(run.status == 3, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("changed these files and the other deleted them"), "\(run.stdout)")
        #expect(!run.stdout.contains("<<<<<<<"))
        #expect(box.read("goals/speaking.md", in: mentor) == goalText + "Rehearsed twice.\n")
        // Left as it is, the change is kept and shared.
        let again = try box.journal(["sync"], in: mentor)
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(
            try box.git(["show", "main:goals/speaking.md"], in: remote).stdout == goalText
                + "Rehearsed twice.\n")
        try box.expectValid([mentor, mentee, remote])
    }
}

/// A repository another account owns: said with the exact command git wants, and trusted once told.
@Suite struct SafeDirectoryTests {
    @Test(.enabled(if: getuid() == 0, "changing a folder's owner needs root, as CI runs"))
    func anotherAccountsFolderIsNamedWithTheCommandToTrustIt() throws {
        let box = try GitSandbox()
        let folder = try box.person("shared", name: "Mara Quinn", email: "mara@example.org", remote: nil)
        try box.write(agreementText, to: "agreement.md", in: folder)
        let owner = try box.run("/bin/chown", ["-R", "65534:65534", folder.path])
        #expect(owner.status == 0, "\(owner.stderr)")
        defer { _ = try? box.run("/bin/chown", ["-R", "\(getuid()):\(getgid())", folder.path]) }
        let run = try box.journal(["status"], in: folder)
        #expect(run.status == 1)
        #expect(
            run.stderr.contains("git config --global --add safe.directory \(folder.path)"), "\(run.stderr)")
        #expect(!run.stderr.contains("was not found"))
        try box.git(["config", "--global", "--add", "safe.directory", folder.path])
        let trusted = try box.journal(["status"], in: folder)
        #expect(trusted.status == 0, "\(trusted.stderr)")
    }
}
