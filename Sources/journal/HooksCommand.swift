import ArgumentParser
import Foundation
import JournalKit

/// `journal hooks`: git hooks that keep the journal healthy.
struct HooksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hooks", abstract: "Install git hooks for the journal.", subcommands: [Install.self])

    /// `journal hooks install`: a pre-commit hook that runs `journal lint`.
    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a git pre-commit hook that runs `journal lint` before each commit.")

        @OptionGroup var global: GlobalOptions

        static let marker = "# Installed by `journal hooks install`."

        func run() throws {
            let root = JournalLoader.findRoot(from: try global.workingDirectory())
            guard let hooks = hooksDirectory(from: root) else {
                throw Failure(
                    message:
                        "\(root.path) is not inside a git repository; run `git init` (or `journal init`) first",
                    code: 1)
            }
            let hook = hooks.appendingPathComponent("pre-commit")
            let script = """
                #!/bin/sh
                \(Self.marker)
                # It checks the journal before each commit; `git commit --no-verify` skips it once.
                exec journal -C "\(root.path)" lint

                """
            if let existing = try? String(contentsOf: hook, encoding: .utf8) {
                guard existing.contains(Self.marker) else {
                    throw Failure(
                        message:
                            "\(hook.path) already exists and was not written by journal; it is left as it is. "
                            + "Add the line `journal lint` to it yourself to run both.",
                        code: 1)
                }
            }
            try FileManager.default.createDirectory(at: hooks, withIntermediateDirectories: true)
            try Data(script.utf8).write(to: hook, options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
            print("Installed \(hook.path): `journal lint` now runs before each commit.")
        }

        /// The hooks folder of the repository holding `root` (a `.git` folder or a `gitdir:` file).
        private func hooksDirectory(from root: URL) -> URL? {
            var current = root
            for _ in 0..<64 {
                let dotGit = current.appendingPathComponent(".git")
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: dotGit.path, isDirectory: &isDirectory) {
                    if isDirectory.boolValue { return dotGit.appendingPathComponent("hooks") }
                    if let text = try? String(contentsOf: dotGit, encoding: .utf8),
                        let line = text.split(separator: "\n").first, line.hasPrefix("gitdir: ")
                    {
                        let path = String(line.dropFirst("gitdir: ".count))
                        return URL(fileURLWithPath: path, relativeTo: current).standardizedFileURL
                            .appendingPathComponent("hooks")
                    }
                }
                let parent = current.deletingLastPathComponent()
                if parent.path == current.path { return nil }
                current = parent
            }
            return nil
        }
    }
}
