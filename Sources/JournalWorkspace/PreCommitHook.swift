import Foundation
import JournalGit
import JournalKit

/// The git pre-commit hook `journal hooks install` writes: it lints the entries as they are
/// staged before each commit.
public enum PreCommitHook {
    /// The line that marks a hook as written by journal (and so safe to write again).
    public static let marker = "# Installed by `journal hooks install`."

    /// Writes the hook for the journal at `journalRoot` where git looks for hooks, running
    /// `binary`; returns where it went. A hook journal did not write is left alone.
    public static func install(journalRoot root: URL, binary: String) throws -> URL {
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
            guard existing?.contains(marker) == true else {
                throw Failure(
                    message:
                        "\(hook.path) already exists and was not written by journal; it is left as it is. "
                        + "To run both, add this line to it: "
                        + "\(shellQuoted(binary)) -C \(shellQuoted(root.path)) lint",
                    status: .failure)
            }
        }
        let script = script(binary: binary, folder: folder.isEmpty ? "." : folder)
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
        return hook
    }

    /// The hook. Every value from outside is quoted for the shell (`shellQuoted`), so a folder named
    /// `$(…)` or holding quotes is only ever a name.
    public static func script(binary: String, folder: String) -> String {
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
}
