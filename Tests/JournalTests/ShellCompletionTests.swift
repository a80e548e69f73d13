import Foundation
import Testing

/// Shell completion as the shells themselves run it: global options before the subcommand,
/// files and folders where a path goes, the repository's remotes for `sync --remote`.
@Suite(.serialized) struct ShellCompletionTests {
    func setUp(_ box: GitSandbox) throws -> URL {
        let folder = try box.person(
            "pair", name: "Mara Quinn", email: "mara@example.org", remote: "/somewhere/shared.git")
        try box.git(["remote", "add", "backup", "/elsewhere/backup.git"], in: folder)
        try box.write(agreementText, to: "agreement.md", in: folder)
        try box.write("", to: "reports/old-report.html", in: folder)
        return folder
    }

    @Test func bash() throws {
        let box = try GitSandbox()
        let folder = try setUp(box)
        let script = box.url("journal.bash")
        try box.journal(["--generate-completion-script", "bash"], in: folder).stdout.write(
            to: script, atomically: true, encoding: .utf8)
        let path =
            try journalBinary().deletingLastPathComponent().path + ":" + (box.environment["PATH"] ?? "")
        func offered(_ line: String) throws -> [String] {
            let run = try box.run(
                "/bin/bash", [projectRoot.path + "/Tests/Completions/bash-complete.sh", script.path, line],
                in: folder,
                extra: ["PATH": path])
            return run.stdout.split(separator: "\n").map(String.init)
        }
        #expect(try offered("journal rep") == ["report"])
        #expect(
            try offered("journal -C \(folder.path) rep") == ["report"],
            "a global option before the subcommand")
        #expect(try offered("journal --today 2026-11-25 sy") == ["sync"])
        #expect(try offered("journal sync --remote ").sorted() == ["backup", "origin"])
        #expect(try offered("journal -C \(folder.path)/rep").contains("\(folder.path)/reports"))
        #expect(try offered("journal report --output reports/o") == ["reports/old-report.html"])
        #expect(try offered("journal lint agr") == ["agreement.md"])
        #expect(try Set(offered("journal help ")).isSuperset(of: ["report", "sync", "lsp", "calendar"]))
        let report = try box.journal(["report", "--format", "json"], in: folder)
        let ids =
            ((try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])?[
                "mentorships"]
            as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(!ids.isEmpty)
        #expect(try offered("journal new --mentorship ") == ids, "ids computed by journal")
    }

    @Test(
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/fish"), ".ci/run installs fish"))
    func fish() throws {
        let box = try GitSandbox()
        let folder = try setUp(box)
        let script = box.url("journal.fish")
        try box.journal(["--generate-completion-script", "fish"], in: folder).stdout.write(
            to: script, atomically: true, encoding: .utf8)
        func offered(_ line: String) throws -> [String] {
            let run = try box.run(
                "/usr/bin/fish", ["--no-config", "-c", "source \(script.path); complete -C '\(line)'"],
                in: folder)
            return run.stdout.split(separator: "\n").map { String($0.split(separator: "\t").first ?? "") }
        }
        #expect(try offered("journal rep") == ["report"])
        #expect(try offered("journal -C \(folder.path) rep") == ["report"])
        #expect(try offered("journal -C \(folder.path)/rep").contains("\(folder.path)/reports/"))
        #expect(try offered("journal report --output reports/o") == ["reports/old-report.html"])
        let path =
            try journalBinary().deletingLastPathComponent().path + ":" + (box.environment["PATH"] ?? "")
        let run = try box.run(
            "/usr/bin/fish",
            ["--no-config", "-c", "source \(script.path); complete -C 'journal sync --remote '"], in: folder,
            extra: ["PATH": path])
        let remotes = run.stdout.split(separator: "\n").map { String($0.split(separator: "\t").first ?? "") }
        #expect(
            remotes.sorted() == ["backup", "origin"],
            "values journal computes, in fish: \(run.stdout)\(run.stderr)")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/zsh"), ".ci/run installs zsh"))
    func zsh() throws {
        let box = try GitSandbox()
        let folder = try setUp(box)
        let functions = box.url("zsh-functions")
        try box.write(
            try box.journal(["--generate-completion-script", "zsh"], in: folder).stdout, to: "_journal",
            in: functions)
        let binaries = try journalBinary().deletingLastPathComponent().path
        func screen(_ line: String) throws -> String {
            try box.run(
                "/usr/bin/zsh",
                [
                    "-f", projectRoot.path + "/Tests/Completions/zsh-complete.zsh", functions.path, binaries,
                    line,
                ],
                in: folder, timeout: 60
            ).stdout
        }
        #expect(try screen("journal rep").contains("journal report"))
        #expect(
            try screen("journal -C \(folder.path) rep").contains("report"),
            "a global option before the subcommand")
        #expect(try screen("journal sync --remote or").contains("origin"))
        #expect(try screen("journal report --output reports/o").contains("reports/old-report.html"))
        #expect(try screen("journal help prog").contains("programme"))
    }
}
