import ArgumentParser
import Foundation
import JournalGit
import JournalKit
import JournalWorkspace

/// `journal commit`: records every journal change (never a private entry) in git.
struct CommitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commit",
        abstract: "Record every change to the journal in git (private entries never).",
        discussion: """
            Stages new, changed and deleted entries, .journal.yml and templates/ under the journal \
            folder and commits them with user.name and user.email from git configuration. Private \
            entries are never staged; they are listed in .git/info/exclude so that git skips them too.
            Exit codes: 0 committed (or nothing to commit), 1 failure, 3 conflicts still to resolve.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .shortAndLong, help: "The commit message (default: one naming the entries that changed).")
    var message: String?

    func validate() throws {
        if let message, message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("-m wants a message that is not empty")
        }
    }

    func run() throws {
        let shared = try JournalRepository(
            workingDirectory: try global.journalDirectory(allowingRepository: true), cache: global.cache)
        let result = try shared.commit(message: message)
        printAll(result.warnings)
        guard let commit = result.commit else {
            print("Nothing to commit: the journal is as it was at the last commit.")
            return
        }
        print("Committed \(commit.id.prefix(7)): \(commit.summary)")
        for change in commit.changes {
            print("  \(EntryWording.pastTense(change.kind)) \(shared.describe(change.path))")
        }
    }
}
