import ArgumentParser
import Foundation
import JournalGit
import JournalKit
import JournalWorkspace

/// `journal hooks`: git hooks that keep the journal healthy.
struct HooksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hooks", abstract: "Install git hooks for the journal.", subcommands: [Install.self])

    /// `journal hooks install`: a pre-commit hook that lints what is about to be committed.
    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a git pre-commit hook that checks the staged entries before each commit.",
            discussion: """
                The hook goes where git looks for hooks (core.hooksPath when set, else the hooks \
                folder every work tree of the repository shares). It checks the entries as they are \
                staged, not as they are in the folder: a draft you have not added never stops a \
                commit, and a staged entry with an error, or a staged private entry, always does. \
                It runs this journal by its full path, else the one on PATH, else lets the commit \
                through with a warning.
                """)

        @OptionGroup var global: GlobalOptions

        static let marker = "# Installed by `journal hooks install`."

        func run() throws {
            let root = JournalLoader.findRoot(from: try global.workingDirectory())
            guard let repository = try GitRepository.discover(at: root),
                let folder = repository.relativePath(of: root)
            else {
                throw Failure(
                    message:
                        "\(root.path) is not inside a git repository; run `git init` (or `journal init`) first",
                    status: .failure)
            }
            let hooks = try repository.hooksDirectory()
            let hook = hooks.appendingPathComponent("pre-commit")
            if FileManager.default.fileExists(atPath: hook.path) {
                let existing = FileManager.default.contents(atPath: hook.path).map {
                    String(decoding: $0, as: UTF8.self)
                }
                guard existing?.contains(Self.marker) == true else {
                    throw Failure(
                        message:
                            "\(hook.path) already exists and was not written by journal; it is left as it is. "
                            + "To run both, add this line to it: "
                            + "\(shellQuoted(Self.executablePath())) -C \(shellQuoted(root.path)) lint",
                        status: .failure)
                }
            }
            let script = Self.script(binary: Self.executablePath(), folder: folder.isEmpty ? "." : folder)
            do {
                try FileManager.default.createDirectory(at: hooks, withIntermediateDirectories: true)
                try Data(script.utf8).write(to: hook, options: .atomic)
                try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
            } catch {
                throw Failure(
                    message:
                        "cannot write \(hook.path): \(error.localizedDescription) (check the folder's permissions)",
                    status: .failure)
            }
            print("Installed \(hook.path): the staged entries are checked before each commit.")
        }

        /// The hook. Every value from outside is quoted for the shell (`shellQuoted`), so a folder named
        /// `$(…)` or holding quotes is only ever a name.
        static func script(binary: String, folder: String) -> String {
            """
            #!/bin/sh
            \(marker)
            # Before each commit it checks the journal's entries as they are staged (what the commit
            # will hold), not as they are in the folder. `git commit --no-verify` skips it once.
            journal_binary=\(shellQuoted(binary))
            journal_folder=\(shellQuoted(folder))
            if [ ! -x "$journal_binary" ]; then
              if command -v journal >/dev/null 2>&1; then
                journal_binary=$(command -v journal)
              else
                echo "journal: not found (neither $journal_binary nor on PATH): the journal was not checked." >&2
                echo "journal: run \\`journal hooks install\\` again once journal is installed." >&2
                exit 0
              fi
            fi
            # The entries as staged, read from git's index (while `git commit -a` or
            # `git commit PATH` runs its hooks, from the index git names in GIT_INDEX_FILE).
            "$journal_binary" -C "$journal_folder" lint --staged
            status=$?
            if [ "$status" -ne 0 ]; then
              echo "journal: the commit was stopped: fix what is listed above and \\`git add\\` it again" >&2
              echo "journal: (or \\`git commit --no-verify\\` to commit anyway)." >&2
            fi
            exit "$status"

            """
        }

        /// The full path of the running `journal`, links resolved.
        static func executablePath() -> String {
            if let resolved = realpath("/proc/self/exe", nil) {
                defer { free(resolved) }
                return String(cString: resolved)
            }
            let argument = CommandLine.arguments.first ?? "journal"
            return URL(fileURLWithPath: argument).standardizedFileURL.path
        }
    }
}
