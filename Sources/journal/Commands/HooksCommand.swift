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
                through with a warning. It also tells git to merge entries as `journal sync` does                 (merge.journal.driver in .git/config, for the `*.md merge=journal` line of .gitattributes).
                """)

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let root = try Failure.requireJournal(holding: try global.workingDirectory())
            let hook = try PreCommitHook.install(journalRoot: root, binary: RunningBinary.path)
            print("Installed \(hook.path): the staged entries are checked before each commit.")
            if let repository = try GitRepository.discover(at: root) {
                try repository.installMergeDriver(binary: RunningBinary.path)
                print("git merges entries as `journal sync` does (merge.journal.driver in .git/config).")
            }
        }
    }
}
