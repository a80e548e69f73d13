import Foundation
import Testing

/// `journal programme`: pairs in repositories of their own, served by a git daemon and by a
/// private HTTP host with a login, read from mirrors in the cache folder; each pair's facts are
/// those of `journal report` in a clone of its own.
@Suite(.serialized) struct ProgrammeTests {
    static let gitDaemon = "/usr/lib/git-core/git-daemon"

    /// A pair's journal pushed to `bare` (made with `branch` as its first branch), committed on `day`.
    func publish(_ box: GitSandbox, _ name: String, to bare: URL, branch: String = "main", day: String) throws
        -> URL
    {
        try box.git(["init", "-q", "--bare", "-b", branch, bare.path])
        let work = box.url("work-\(name)")
        try box.run("/bin/cp", ["-a", projectRoot.path + "/examples/ada-grace", work.path])
        try box.git(["init", "-q", "-b", branch], in: work)
        try box.git(["add", "-A"], in: work)
        try commit(box, in: work, "Start", day: day)
        try box.git(["push", "-q", bare.path, branch], in: work)
        return work
    }

    func commit(_ box: GitSandbox, in work: URL, _ message: String, day: String) throws {
        let stamp = "\(day)T12:00:00+01:00"
        box.environment["GIT_AUTHOR_DATE"] = stamp
        box.environment["GIT_COMMITTER_DATE"] = stamp
        defer {
            box.environment["GIT_AUTHOR_DATE"] = nil
            box.environment["GIT_COMMITTER_DATE"] = nil
        }
        try box.git(["commit", "-qm", message], in: work)
    }

    func json(_ run: Run) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]) ?? [:]
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: gitDaemon) && PrivateHTTPHost.available))
    func aProgrammeReadFromTheGitHosts() throws {
        let box = try GitSandbox()
        let served = box.url("served")
        let alpha = try publish(
            box, "alpha", to: served.appendingPathComponent("alpha.git"), day: "2026-11-20")
        _ = try publish(
            box, "beta", to: served.appendingPathComponent("beta.git"), branch: "trunk", day: "2026-11-20")
        let port = box.freePort()
        let daemon = try box.startServer(
            Self.gitDaemon,
            [
                "--reuseaddr", "--listen=127.0.0.1", "--port=\(port)", "--base-path=\(served.path)",
                "--export-all", served.path,
            ],
            log: "daemon.log")
        defer { box.stop(daemon) }
        #expect(box.waitForListener(port: port), "git daemon: \(box.read("daemon.log", in: box.root) ?? "")")
        let host = try PrivateHTTPHost(box, user: "coordinator", password: "pr0gramme-token")
        defer { host.stop() }
        let secretURL = try host.repository("secret.git")
        let secretWork = box.url("work-secret")
        try box.run("/bin/cp", ["-a", projectRoot.path + "/examples/ada-grace", secretWork.path])
        try box.git(["init", "-q", "-b", "main"], in: secretWork)
        try box.git(["add", "-A"], in: secretWork)
        try commit(box, in: secretWork, "Start", day: "2026-11-20")
        try box.git(
            ["push", "-q", host.folder.appendingPathComponent("repos/secret.git").path, "main"],
            in: secretWork)
        try host.storeCredentials(user: "coordinator", password: "pr0gramme-token")

        let office = box.url("office")
        try FileManager.default.createDirectory(at: office, withIntermediateDirectories: true)
        let cache = box.url("cache")
        let env = ["JOURNAL_CACHE_DIR": cache.path]
        for arguments in [
            ["git://127.0.0.1:\(port)/alpha.git", "--name", "Alpha pair", "--cohort", "spring"],
            ["git://127.0.0.1:\(port)/beta.git", "--name", "Beta pair", "--cohort", "autumn"],
            [secretURL, "--name", "Secret pair", "--cohort", "spring"],
            ["git://127.0.0.1:\(port)/gone.git", "--name", "Gone pair"],
        ] {
            #expect(try box.journal(["programme", "add"] + arguments, in: office, extra: env).status == 0)
        }
        #expect(try box.journal(["programme", "list"], in: office).stdout.split(separator: "\n").count == 4)

        var run = try box.journal(
            ["--today", "2026-11-25", "programme", "report", "--format", "json"], in: office, extra: env)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        if hasTestPython {
            let (ok, said) = try OutputSchemaTests.valid(box, "programme", run.stdout, tag: "programme")
            #expect(ok, "journal schema programme: \(said)")
        }
        var report = json(run)
        var pairs = report["pairs"] as? [[String: Any]] ?? []
        func pair(_ name: String) -> [String: Any] { pairs.first { $0["name"] as? String == name } ?? [:] }
        #expect(pairs.count == 4)
        #expect((pair("Gone pair")["problem"] as? String)?.isEmpty == false, "a missing repository says why")
        // Each readable pair's facts are those of `journal report` in a clone of its own.
        let expected = try box.journal(["--today", "2026-11-25", "report", "--format", "json"], in: alpha)
        let own = (json(expected)["overview"] as? [[String: Any]])?.first ?? [:]
        for name in ["Alpha pair", "Beta pair", "Secret pair"] {
            let row = (pair(name)["mentorships"] as? [[String: Any]])?.first ?? [:]
            #expect(pair(name)["problem"] is NSNull, "\(name): \(pair(name)["problem"] ?? "")")
            for key in [
                "last_session", "days_overdue", "attention", "open_action_items", "overdue_action_items",
                "goals_active",
            ] {
                #expect("\(row[key] ?? "")" == "\(own[key] ?? "")", "\(name) \(key)")
            }
        }
        // The commit read is the remote's, as git sees it; the mirrors live in the cache folder.
        let mirrors = try FileManager.default.contentsOfDirectory(
            atPath: cache.appendingPathComponent("programme").path)
        #expect(mirrors.count == 4)
        let alphaTip = try box.git(["rev-parse", "main"], in: served.appendingPathComponent("alpha.git"))
            .stdout
        #expect("\(pair("Alpha pair")["commit"] ?? "")\n" == alphaTip)
        let betaTip = try box.git(["rev-parse", "trunk"], in: served.appendingPathComponent("beta.git"))
            .stdout
        #expect("\(pair("Beta pair")["commit"] ?? "")\n" == betaTip, "the default branch, though not main")
        #expect(
            !FileManager.default.fileExists(atPath: alpha.appendingPathComponent(".git/refs/journal").path))
        // Totals by cohort.
        let totals = report["totals"] as? [[String: Any]] ?? []
        let all = totals.first ?? [:]
        #expect(all["pairs"] as? Int == 4)
        #expect(all["unreadable"] as? Int == 1)
        let spring = totals.first { $0["cohort"] as? String == "spring" } ?? [:]
        #expect(spring["pairs"] as? Int == 2)

        // Nothing changed: the next run only asks the host for each repository's refs, over one
        // connection each, and downloads nothing.
        let accessLog = host.folder.appendingPathComponent("access.log")
        let logged = (try? String(contentsOf: accessLog, encoding: .utf8)) ?? ""
        run = try box.journal(
            ["--today", "2026-11-25", "programme", "report", "--format", "json"], in: office, extra: env)
        #expect(run.status == 0)
        let asked = ((try? String(contentsOf: accessLog, encoding: .utf8)) ?? "").dropFirst(logged.count)
        let answered = asked.split(separator: "\n").filter {
            $0.contains("/secret.git/info/refs") && $0.contains("\" 200 ")
        }
        #expect(answered.count == 1, "one listing of the refs: \(asked)")
        #expect(!asked.contains("POST"), "a warm run downloads nothing: \(asked)")
        #expect(json(run)["pairs"] as? [[String: Any]] != nil)

        // Metrics only: no question, action item or reflection text of the pairs; --details adds them.
        run = try box.journal(
            ["--today", "2026-11-25", "programme", "report", "--no-fetch"], in: office, extra: env)
        #expect(run.status == 0)
        #expect(!run.stdout.contains("lower arithmetic expressions"), "an action item's text")
        #expect(run.stdout.contains("Alpha pair") && run.stdout.contains("Gone pair"))
        run = try box.journal(
            ["--today", "2026-11-25", "programme", "report", "--no-fetch", "--details"], in: office,
            extra: env)
        #expect(run.stdout.contains("lower arithmetic expressions"))
        for format in ["markdown", "html", "csv"] {
            run = try box.journal(
                ["--today", "2026-11-25", "programme", "report", "--no-fetch", "--format", format],
                in: office, extra: env)
            #expect(run.status == 0 && run.stdout.contains("Secret pair"), "\(format): \(run.stderr)")
        }

        // A pair writes a session the next day; another repository disappears.
        try box.write(
            "---\ndate: 2026-11-24\nstatus: held\n---\n## Notes\n\nWe met.\n", to: "sessions/2026-11-24.md",
            in: alpha)
        try box.git(["add", "-A"], in: alpha)
        try commit(box, in: alpha, "Session", day: "2026-11-24")
        try box.git(["push", "-q", served.appendingPathComponent("alpha.git").path, "main"], in: alpha)
        try FileManager.default.removeItem(at: served.appendingPathComponent("beta.git"))
        run = try box.journal(
            ["--today", "2026-11-25", "programme", "report", "--format", "json"], in: office, extra: env)
        report = json(run)
        pairs = report["pairs"] as? [[String: Any]] ?? []
        let alphaRow = (pair("Alpha pair")["mentorships"] as? [[String: Any]])?.first ?? [:]
        #expect(alphaRow["last_session"] as? String == "2026-11-24")
        #expect((pair("Beta pair")["problem"] as? String)?.isEmpty == false, "a repository that went away")
        #expect(
            (pair("Secret pair")["mentorships"] as? [[String: Any]])?.isEmpty == false,
            "the others all the same")

        // As of an earlier day, each repository as it stood then.
        run = try box.journal(
            ["--today", "2026-11-22", "programme", "report", "--format", "json", "--no-fetch"], in: office,
            extra: env)
        pairs = json(run)["pairs"] as? [[String: Any]] ?? []
        let earlier = (pair("Alpha pair")["mentorships"] as? [[String: Any]])?.first ?? [:]
        #expect(earlier["last_session"] as? String == "2026-11-03")
        #expect(pair("Alpha pair")["committed_on"] as? String == "2026-11-20")
        #expect(
            (pair("Beta pair")["problem"] as? String)?.hasPrefix("the last fetch failed") == true,
            "a run without fetching still says why a mirror is stale")

        // Removing a pair takes its lines out of the file, the others' untouched.
        #expect(try box.journal(["programme", "remove", "Gone pair"], in: office).status == 0)
        let file = box.read("programme.yml", in: office) ?? ""
        #expect(!file.contains("gone.git") && file.contains("Secret pair") && file.contains("cohort: autumn"))
    }

    /// Branches come and go on a host: a branch deleted there is gone from the mirror, and the
    /// pair that reads it says so instead of showing its last commit as current; a branch moved
    /// back (a force push) is read where it is now.
    @Test func branchesDeletedOrMovedOnTheRemoteAreReadAsTheyAreNow() throws {
        let box = try GitSandbox()
        let spring = box.url("served/spring.git")
        let springWork = try publish(box, "spring", to: spring, day: "2026-11-20")
        try box.git(["checkout", "-q", "-b", "spring"], in: springWork)
        try box.write(
            "---\ndate: 2026-11-21\nstatus: held\n---\n## Notes\n\nMet.\n", to: "sessions/2026-11-21.md",
            in: springWork)
        try box.git(["add", "-A"], in: springWork)
        try commit(box, in: springWork, "Spring session", day: "2026-11-21")
        try box.git(["push", "-q", spring.path, "spring"], in: springWork)
        let moved = box.url("served/moved.git")
        let movedWork = try publish(box, "moved", to: moved, day: "2026-11-20")
        let office = box.url("office")
        try FileManager.default.createDirectory(at: office, withIntermediateDirectories: true)
        let env = ["JOURNAL_CACHE_DIR": box.url("cache").path]
        for arguments in [
            [spring.path, "--name", "Spring", "--branch", "spring"], [moved.path, "--name", "Moved"],
        ] {
            let added = try box.journal(["programme", "add"] + arguments, in: office)
            #expect(added.status == 0, "\(added.stderr)")
        }
        func pairs() throws -> [String: [String: Any]] {
            let run = try box.journal(
                ["--today", "2026-11-25", "programme", "report", "--format", "json"], in: office, extra: env)
            #expect(run.status == 0, "\(run.stderr)")
            let list = json(run)["pairs"] as? [[String: Any]] ?? []
            return Dictionary(
                list.map { ("\($0["name"] ?? "")", $0) }, uniquingKeysWith: { first, _ in first })
        }
        func tip(_ branch: String, _ bare: URL) throws -> String {
            try box.git(["rev-parse", branch], in: bare).stdout.trimmingCharacters(
                in: .whitespacesAndNewlines)
        }
        // On a terminal a progress line counts the pairs; without one, nothing but the report.
        let onTerminal = try box.run(
            "/usr/bin/script",
            ["-qec", "\(try journalBinary().path) --today 2026-11-25 programme report", "/dev/null"],
            in: office, extra: env)
        #expect(onTerminal.stdout.contains("Fetched 2, failed 0, left 0"), "\(onTerminal.stdout)")
        let quiet = try box.journal(["--today", "2026-11-25", "programme", "report"], in: office, extra: env)
        #expect(!quiet.stderr.contains("Fetched") && !quiet.stdout.contains("Fetched"))
        var read = try pairs()
        #expect("\(read["Spring"]?["commit"] ?? "")" == (try tip("spring", spring)))
        let first = try tip("main", moved)
        #expect("\(read["Moved"]?["commit"] ?? "")" == first)

        // One pair's main gains a commit, then is forced back; the other's branch is deleted.
        try box.write("Later.\n", to: "notes.md", in: movedWork)
        try box.git(["add", "-A"], in: movedWork)
        try commit(box, in: movedWork, "Later", day: "2026-11-22")
        try box.git(["push", "-q", moved.path, "main"], in: movedWork)
        read = try pairs()
        #expect("\(read["Moved"]?["commit"] ?? "")" == (try tip("main", moved)))
        try box.git(["push", "-q", "--force", moved.path, "\(first):refs/heads/main"], in: movedWork)
        try box.git(["push", "-q", spring.path, ":spring"], in: springWork)
        read = try pairs()
        #expect("\(read["Moved"]?["commit"] ?? "")" == first, "the branch where it is now")
        let problem = read["Spring"]?["problem"] as? String ?? ""
        #expect(problem.contains("spring"), "a deleted branch is said to be gone: \(problem)")
        // git agrees: each mirror holds its remote's branches and no other.
        for (bare, name) in [(spring, "spring"), (moved, "moved")] {
            let mirror =
                try FileManager.default.contentsOfDirectory(atPath: box.url("cache/programme").path)
                .first { $0.hasPrefix(name) } ?? ""
            let mirrored = try box.git(
                ["for-each-ref", "--format=%(refname) %(objectname)", "refs/heads"],
                in: box.url("cache/programme/\(mirror)")
            ).stdout
            let served = try box.git(
                ["for-each-ref", "--format=%(refname) %(objectname)", "refs/heads"], in: bare
            )
            .stdout
            #expect(mirrored == served, "\(name)")
        }
    }

    @Test func aProgrammeFileWithMistakesSaysWhere() throws {
        let box = try GitSandbox()
        let office = box.url("office")
        try box.write("pairs:\n  - name: no url here\n", to: "programme.yml", in: office)
        let run = try box.journal(
            ["programme", "report"], in: office, extra: ["JOURNAL_CACHE_DIR": box.url("cache").path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("programme.yml:2:"), "\(run.stderr)")
        #expect(run.stderr.contains("url"))
    }

    /// A host that accepts the connection and then says nothing ends only its own pair's fetch:
    /// the pairs fetched after it in the same batch are fetched all the same.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")))
    func aStalledHostStopsOnlyItsOwnPair() throws {
        let box = try GitSandbox()
        let port = box.freePort()
        let server = try box.startSilentServer(port: port)
        defer { box.stop(server) }
        #expect(box.waitForListener(port: port))
        let served = box.url("served")
        for name in ["first", "last"] {
            _ = try publish(box, name, to: served.appendingPathComponent("\(name).git"), day: "2026-11-20")
        }
        let office = box.url("office")
        try box.write(
            "pairs:\n  - url: \(served.path)/first.git\n  - url: git://127.0.0.1:\(port)/silent.git\n"
                + "  - url: \(served.path)/last.git\n", to: "programme.yml", in: office)
        let run = try box.journal(
            ["--today", "2026-11-25", "programme", "report", "--format", "json", "--parallel", "1"],
            in: office,
            extra: ["JOURNAL_CACHE_DIR": box.url("cache").path, "JOURNAL_GIT_TIMEOUT": "2"])
        #expect(run.status == 0, "\(run.stderr)")
        let pairs = json(run)["pairs"] as? [[String: Any]] ?? []
        func pair(_ name: String) -> [String: Any] { pairs.first { $0["name"] as? String == name } ?? [:] }
        #expect(
            (pair("silent")["problem"] as? String)?.contains("stopped answering") == true, "\(pair("silent"))"
        )
        #expect(pair("first")["problem"] is NSNull)
        #expect(pair("last")["problem"] is NSNull, "fetched after the stalled one")
    }
}
