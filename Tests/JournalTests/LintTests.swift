import Foundation
import JournalKit
import TestSupport
import Testing

/// Writes a small journal into a new folder; returns the folder.
func makeJournal(_ files: [String: String]) throws -> URL {
    try makeFolder(prefix: "journal-e2e", files: files)
}

/// Runs the real git CLI in a folder, with an identity of its own.
@discardableResult
func git(_ arguments: [String], in directory: URL) throws -> String {
    try runProgram(
        URL(fileURLWithPath: "/usr/bin/env"),
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"] + arguments, in: directory
    ).stdout
}

/// A valid agreement, the same one the rule examples use.
let goodAgreement = RuleExample.agreement + "\n"

@Suite struct LintCommandTests {
    static let today = ["--today", "2026-11-25"]

    @Test func cleanJournalExitsZero() throws {
        let root = try makeJournal([
            "agreement.md": goodAgreement, "sessions/2026-11-24.md": "---\ndate: 2026-11-24\n---\n",
        ])
        let run = try journal(Self.today + ["lint"], in: root)
        #expect(run.status == 0)
        #expect(run.stdout == "2 files checked: 0 errors, 0 warnings, 0 notes\n")
    }

    @Test func textIsCompilerStyleSortedAndExitsOneOnError() throws {
        let root = try makeJournal([
            "agreement.md": goodAgreement,
            "sessions/2026-11-24.md": "---\ndate: 2026-11-24\ngoals: [nope]\n---\n- [ ] book a room\n",
            "goals/a.md": "---\ntitle: A\nstatus: Active\n---\n",
        ])
        let run = try journal(Self.today + ["lint"], in: root)
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.first
                == "goals/a.md:1:1: warning: the active goal `a` has no `measure`: how will you know it is reached? [goal/no-measure]"
                || lines.first?.hasPrefix("goals/a.md:") == true)
        #expect(
            lines.contains(
                "goals/a.md:3:9: error: `status` is `Active`; expected one of active, proposed, achieved, paused, dropped (status values are lower case) [field/invalid]"
            ))
        #expect(
            lines.contains(
                "sessions/2026-11-24.md:3:9: error: no goal `nope` in this mentorship (its goals: a) [goal/unknown]"
            ))
        #expect(
            lines.contains {
                $0.hasPrefix("sessions/2026-11-24.md:5:1: warning: ") && $0.hasSuffix("[action/no-owner]")
            })
        let paths = lines.dropLast().map { $0.split(separator: ":").first.map(String.init) ?? "" }
        #expect(paths == paths.sorted())
        #expect(lines.last?.contains("1 error") == true || lines.last?.contains("errors") == true)
    }

    @Test func warningsFailOnlyWithStrict() throws {
        let root = try makeJournal([
            "agreement.md": goodAgreement,
            "sessions/2026-11-24.md": "---\ndate: 2026-11-24\n---\n- [ ] book a room\n",
        ])
        #expect(try journal(Self.today + ["lint"], in: root).status == 0)
        #expect(try journal(Self.today + ["lint", "--strict"], in: root).status == 1)
    }

    @Test func badUsageExitsTwo() throws {
        let root = try makeJournal(["agreement.md": goodAgreement])
        #expect(try journal(["lint", "--format", "xml"], in: root).status == 2)
        #expect(try journal(["lint", "no-such-file.md"], in: root).status == 2)
        #expect(try journal(["lint", "--dry-run"], in: root).status == 2)
    }

    @Test func jsonFollowsTheContract() throws {
        let root = try makeJournal([
            "agreement.md": goodAgreement,
            "sessions/2026-11-24.md": "---\ndate: 2026-11-24\ngoals: [nope]\n---\n",
        ])
        let run = try journal(Self.today + ["lint", "--format", "json"], in: root)
        #expect(run.status == 1)
        let document = try run.json()
        #expect(document["schema"] as? String == "journal-lint/1")
        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        let first = try #require(diagnostics.first)
        #expect(first["rule"] as? String == "goal/unknown")
        #expect(first["severity"] as? String == "error")
        #expect(first["path"] as? String == "sessions/2026-11-24.md")
        #expect(first["line"] as? Int == 3)
        #expect(first["column"] as? Int == 9)
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["files"] as? Int == 2)
        #expect(summary["errors"] as? Int == 1)
        #expect(summary["warnings"] as? Int == 0)
        #expect(summary["infos"] as? Int == 0)
    }

    @Test func sarifCarriesRulesAndResults() throws {
        let root = try makeJournal([
            "agreement.md": goodAgreement,
            "sessions/2026-11-24.md": "---\ndate: 2026-11-24\ngoals: [nope]\n---\n",
        ])
        let run = try journal(Self.today + ["lint", "--format", "sarif"], in: root)
        #expect(run.status == 1)
        let document = try run.json()
        #expect(document["version"] as? String == "2.1.0")
        let sarifRun = try #require((document["runs"] as? [[String: Any]])?.first)
        let driver = try #require((sarifRun["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count >= 26)
        let unknown = try #require(rules.first { $0["id"] as? String == "goal/unknown" })
        #expect(((unknown["help"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
        let results = try #require(sarifRun["results"] as? [[String: Any]])
        #expect(results.count == 1)
        #expect(results.first?["ruleId"] as? String == "goal/unknown")
        #expect(results.first?["level"] as? String == "error")
        let location =
            (results.first?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        #expect(
            (location?["artifactLocation"] as? [String: Any])?["uri"] as? String == "sessions/2026-11-24.md")
        #expect((location?["region"] as? [String: Any])?["startLine"] as? Int == 3)
    }

    @Test func githubWorkflowCommands() throws {
        let root = try makeJournal([
            "agreement.md": goodAgreement,
            "sessions/2026-11-24.md":
                "---\ndate: 2026-11-24\ngoals: [nope]\n---\n- [ ] book a room, 50% done\n",
        ])
        let run = try journal(Self.today + ["lint", "--format", "github"], in: root)
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.contains {
                $0.hasPrefix(
                    "::error file=sessions/2026-11-24.md,line=3,col=9,title=goal/unknown::no goal `nope`")
            })
        #expect(
            lines.contains {
                $0.hasPrefix("::warning file=sessions/2026-11-24.md,line=5,col=1,title=action/no-owner::")
                    && $0.contains("50%25 done")
            })
    }

    @Test func pathsNarrowTheOutputButKeepCrossFileKnowledge() throws {
        let root = try makeJournal([
            "agreement.md": goodAgreement,
            "goals/speaking.md": "---\ntitle: Speak\ntarget: 2027-01-01\nmeasure: A talk\n---\n",
            "sessions/2026-11-24.md": "---\ndate: 2026-11-24\ngoals: [speaking]\n---\n",
            "reflections/2026-11-24.md": "---\ndate: 2026-11-24\ngoals: [nope]\n---\n",
        ])
        let sessions = try journal(Self.today + ["lint", "sessions/2026-11-24.md"], in: root)
        #expect(sessions.status == 0, "the goal is known from another file: \(sessions.stdout)")
        let reflections = try journal(Self.today + ["lint", "reflections"], in: root)
        #expect(reflections.status == 1)
        #expect(reflections.stdout.hasPrefix("reflections/2026-11-24.md:3:9: error"))
    }

    @Test func configurationChangesSeveritiesAndReportsUnknownRules() throws {
        let root = try makeJournal([
            "agreement.md": goodAgreement,
            "sessions/2026-11-24.md": "---\ndate: 2026-11-24\ngoals: [nope]\n---\n- [ ] book a room\n",
            ".journal.yml": "lint:\n  rules:\n    goal/unknown: warning\n    action/no-owner: off\n",
        ])
        let run = try journal(Self.today + ["lint"], in: root)
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("warning: no goal `nope`"))
        #expect(!run.stdout.contains("action/no-owner"))
        try Data("lint:\n  rules:\n    goal/unknwn: off\n    action/no-owner: loud\n".utf8)
            .write(to: root.appendingPathComponent(".journal.yml"))
        let bad = try journal(Self.today + ["lint"], in: root)
        #expect(bad.status == 1)
        #expect(
            bad.stdout.contains(
                ".journal.yml:3:5: error: unknown rule `goal/unknwn`; did you mean `goal/unknown`? [config/invalid]"
            ))
        #expect(
            bad.stdout.contains(
                ".journal.yml:4:22: error: `action/no-owner` should be set to error, warning, info or off [config/invalid]"
            ))
    }

    @Test func inlineDisableSilencesARuleForOneFile() throws {
        let root = try makeJournal([
            "agreement.md": goodAgreement,
            "sessions/2026-11-23.md":
                "---\ndate: 2026-11-23\n---\n<!-- journal-lint disable action/no-owner -->\n- [ ] book a room\n",
            "sessions/2026-11-24.md": "---\ndate: 2026-11-24\n---\n- [ ] book a room\n",
        ])
        let run = try journal(Self.today + ["lint", "--format", "json"], in: root)
        let paths = (try run.json()["diagnostics"] as? [[String: Any]])?.map { $0["path"] as? String }
        #expect(paths == ["sessions/2026-11-24.md"])
    }

    @Test func privateTrackedIsAskedOfGit() throws {
        let root = try makeJournal([
            "agreement.md": goodAgreement,
            "reflections/2026-11-24-secret.md": "---\ndate: 2026-11-24\nprivate: true\n---\nsecret\n",
            "reflections/2026-11-23-secret.md": "---\ndate: 2026-11-23\nprivate: true\n---\nsecret\n",
        ])
        try git(["init", "-q", "-b", "main"], in: root)
        try git(["add", "agreement.md", "reflections/2026-11-24-secret.md"], in: root)
        try git(["commit", "-q", "-m", "oops"], in: root)
        #expect(try git(["ls-files"], in: root).contains("reflections/2026-11-24-secret.md"))
        let run = try journal(Self.today + ["lint"], in: root)
        #expect(run.status == 1)
        #expect(
            run.stdout.contains(
                "reflections/2026-11-24-secret.md:1:1: error: this private entry is tracked by git"))
        #expect(!run.stdout.contains("2026-11-23-secret.md:1:1: error"))
    }

    @Test func symbolicLinkOutOfTheJournalIsReportedNeverRead() throws {
        let outside = try makeJournal(["secret.md": "---\ndate: 2026-11-24\n---\nsecret words\n"])
        let root = try makeJournal(["agreement.md": goodAgreement, "sessions/.keep": ""])
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("sessions/2026-11-24.md").path,
            withDestinationPath: outside.appendingPathComponent("secret.md").path)
        let run = try journal(Self.today + ["lint"], in: root)
        #expect(run.status == 1)
        #expect(
            run.stdout.contains(
                "sessions/2026-11-24.md:1:1: error: a symbolic link that leads out of the journal"))
    }
}

@Suite struct LintWordingTests {
    @Test func oneDayIsOneDay() throws {
        let root = try makeJournal([
            "agreement.md": goodAgreement,
            "sessions/2026-11-20.md": "---\ndate: 2026-11-20\n---\n- [ ] @mentee send it (due 2026-11-24)\n",
        ])
        let run = try journal(["--today", "2026-11-25", "lint"], in: root)
        #expect(run.stdout.contains("was due 2026-11-24 (1 day ago) [action/overdue]"), "\(run.stdout)")
        // A missing evaluation names the file `journal new evaluation` writes, whatever the handle.
        let completed = try makeJournal([
            "agreement.md": """
            ---
            mentor:
              name: Grace Hopper
              handle: grace
            mentee: Ada Lovelace <ada@example.org>
            started: 2026-01-05
            cadence: weekly
            status: completed
            ---
            """,
            "evaluations/mentee.md": "---\nauthor: mentee\ndate: 2026-11-20\n---\n",
        ])
        let lint = try journal(["--today", "2026-11-25", "lint"], in: completed)
        #expect(
            lint.stdout.contains("`journal new evaluation` writes evaluations/mentor.md"), "\(lint.stdout)")
        let new = try journal(["--today", "2026-11-25", "new", "evaluation", "--no-edit"], in: completed)
        #expect(new.status == 0, "\(new.stderr)")
        let help = try journal(["--help"], in: root)
        #expect(help.stdout.contains("--no-cache"), "\(help.stdout)")
    }
}

@Suite struct RepeatedMentorshipTests {
    @Test func reportTakesSeveralAndWritingCommandsRefuseThem() throws {
        // A copy: were the refusal to fail, `new` would write into it, not into the fixtures.
        let program = try temporaryFolder().appendingPathComponent("program")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("program"), to: program)
        let run = try journal(
            [
                "--today", "2026-11-25", "report", "--format", "json", "--mentorship", "alex-bo",
                "--mentorship", "eli-fay",
            ],
            in: program)
        #expect(run.status == 0, "\(run.stderr)")
        let ids = try #require(try run.json()["mentorships"] as? [[String: Any]]).compactMap {
            $0["id"] as? String
        }
        #expect(Set(ids) == ["alex-bo", "eli-fay"])
        let unknown = try journal(
            ["report", "--mentorship", "alex-bo", "--mentorship", "nobody"], in: program)
        #expect(unknown.status == 2 && unknown.stderr.contains("no mentorship `nobody`"))
        for command in [["new", "session", "--no-edit"], ["log"]] {
            let refused = try journal(
                command + ["--mentorship", "alex-bo", "--mentorship", "eli-fay"], in: program)
            #expect(refused.status == 2, "\(command): \(refused.stderr)")
            #expect(refused.stderr.contains("give --mentorship once"), "\(refused.stderr)")
        }
    }
}

@Suite struct LintFixTests {
    @Test func aFixThatWouldBringANewProblemIsNotMade() throws {
        // `anchor` is one letter from `author`, but a list is no author: renaming it would trade a
        // warning for an error. The other key's fix is independent and still made.
        let original = "---\ndate: 2026-11-24\nanchor: [top, bottom]\ntitel: Week one\n---\n# Week one\n"
        let root = try makeJournal(["agreement.md": goodAgreement, "reflections/2026-11-24.md": original])
        let path = root.appendingPathComponent("reflections/2026-11-24.md").path
        #expect(chmod(path, 0o600) == 0)
        let run = try journal(["--today", "2026-11-25", "lint", "--fix"], in: root)
        #expect(run.stdout.contains("renamed `titel` to `title`"), "\(run.stdout)")
        #expect(!run.stdout.contains("renamed `anchor`"), "\(run.stdout)")
        let fixed = try String(contentsOfFile: path, encoding: .utf8)
        #expect(fixed == original.replacingOccurrences(of: "titel", with: "title"))
        #expect(!run.stdout.contains("error:"), "\(run.stdout)")
        // A private reflection written 0600 stays 0600.
        var status = stat()
        #expect(stat(path, &status) == 0 && status.st_mode & 0o777 == 0o600)
        // No temporary file is left beside it.
        let names = try FileManager.default.contentsOfDirectory(
            atPath: root.appendingPathComponent("reflections").path)
        #expect(names == ["2026-11-24.md"])
    }

    @Test func renamesAMisspeltKeyInPlace() throws {
        let original = "---\ndate: 2026-11-24   # the day we met\nagneda:\n  - Plan   # keep\n---\nBody.\n"
        let root = try makeJournal(["agreement.md": goodAgreement, "sessions/2026-11-24.md": original])
        let run = try journal(["--today", "2026-11-25", "lint", "--fix"], in: root)
        #expect(run.stdout.contains("sessions/2026-11-24.md: line 3: renamed `agneda` to `agenda`"))
        let fixed = try String(
            contentsOf: root.appendingPathComponent("sessions/2026-11-24.md"), encoding: .utf8)
        #expect(fixed == original.replacingOccurrences(of: "agneda", with: "agenda"))
        #expect(run.status == 0)
    }

    @Test func addsTheDateFromTheFileNameKeepingCRLF() throws {
        let original = "---\r\nduration: 45m\r\n---\r\nNotes.\r\n"
        let root = try makeJournal(["agreement.md": goodAgreement, "sessions/2026-11-24-call.md": original])
        let run = try journal(["--today", "2026-11-25", "lint", "--fix"], in: root)
        #expect(run.status == 0, "\(run.stdout)")
        let fixed = try String(
            contentsOf: root.appendingPathComponent("sessions/2026-11-24-call.md"), encoding: .utf8)
        #expect(fixed == "---\r\ndate: 2026-11-24\r\nduration: 45m\r\n---\r\nNotes.\r\n")
    }

    @Test func insertsFencesAroundALeadingBlockThatIsFrontMatter() throws {
        let original = "date: 2026-11-24\nagenda: [Plan]\n\n# Notes\nWe met.\n"
        let root = try makeJournal(["agreement.md": goodAgreement, "sessions/2026-11-24.md": original])
        let run = try journal(["--today", "2026-11-25", "lint", "--fix"], in: root)
        #expect(run.status == 0, "\(run.stdout)")
        let fixed = try String(
            contentsOf: root.appendingPathComponent("sessions/2026-11-24.md"), encoding: .utf8)
        #expect(fixed == "---\ndate: 2026-11-24\nagenda: [Plan]\n---\n\n# Notes\nWe met.\n")
    }

    @Test func leavesProseAlone() throws {
        let original = "Note: this is prose, not front matter.\nIt goes on.\n"
        let root = try makeJournal(["agreement.md": goodAgreement, "sessions/2026-11-24.md": original])
        let run = try journal(["--today", "2026-11-25", "lint", "--fix"], in: root)
        #expect(run.status == 1)
        let after = try String(
            contentsOf: root.appendingPathComponent("sessions/2026-11-24.md"), encoding: .utf8)
        #expect(after == original)
    }

    @Test func dryRunShowsADiffAndWritesNothing() throws {
        let original = "---\ndate: 2026-11-24\nagneda: [Plan]\n---\n"
        let root = try makeJournal(["agreement.md": goodAgreement, "sessions/2026-11-24.md": original])
        let run = try journal(["--today", "2026-11-25", "lint", "--fix", "--dry-run"], in: root)
        #expect(run.status == 0)
        #expect(run.stdout.contains("--- a/sessions/2026-11-24.md\n+++ b/sessions/2026-11-24.md\n"))
        #expect(run.stdout.contains("-agneda: [Plan]\n+agenda: [Plan]\n"))
        let after = try String(
            contentsOf: root.appendingPathComponent("sessions/2026-11-24.md"), encoding: .utf8)
        #expect(after == original)
    }
}

@Suite struct HooksTests {
    @Test func installWritesAnExecutablePreCommitHookAndKeepsForeignOnes() throws {
        let root = try makeJournal(["agreement.md": goodAgreement])
        try git(["init", "-q", "-b", "main"], in: root)
        let run = try journal(["hooks", "install"], in: root)
        #expect(run.status == 0, "\(run.stderr)")
        let hook = root.appendingPathComponent(".git/hooks/pre-commit")
        let text = try String(contentsOf: hook, encoding: .utf8)
        #expect(text.contains("lint"))
        #expect(FileManager.default.isExecutableFile(atPath: hook.path))
        // Installing again replaces our own hook; a hook someone else wrote is never overwritten.
        #expect(try journal(["hooks", "install"], in: root).status == 0)
        try Data("#!/bin/sh\necho mine\n".utf8).write(to: hook)
        let refused = try journal(["hooks", "install"], in: root)
        #expect(refused.status == 1)
        #expect(try String(contentsOf: hook, encoding: .utf8) == "#!/bin/sh\necho mine\n")
    }

    @Test func outsideARepositoryItSaysSo() throws {
        let root = try makeJournal(["agreement.md": goodAgreement])
        let run = try journal(["hooks", "install"], in: root)
        #expect(run.status == 1)
        #expect(run.stderr.contains("not inside a git repository"))
    }
}
