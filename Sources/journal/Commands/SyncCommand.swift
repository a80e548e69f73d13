import ArgumentParser
import Foundation
import JournalGit
import JournalKit
import JournalWorkspace

/// `journal sync`: commit, fetch, fast-forward or merge, push; never a lost word.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Share the journal: commit, fetch, merge the other side's changes, push.",
        discussion: """
            Exit codes: 0 synced; 3 both sides changed the same lines (the files hold both versions: \
            edit them and run journal sync again); 4 the remote is unreachable or refused the \
            credentials; 1 any other failure.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "The remote to sync with (default: the branch's upstream remote, else origin).")
    var remote: String?

    func run() throws {
        var shared = try SharedJournal(workingDirectory: try global.workingDirectory(), cache: global.cache)
        // Like git, resolve a remote given as a relative path from the top of the work tree.
        _ = FileManager.default.changeCurrentDirectoryPath(shared.repository.workdir.path)
        var adopted: (commits: Int, authors: [String])?
        do {
            adopted = try shared.repository.startFromRemote(
                remote: remote, environment: ProcessInfo.processInfo.environment)
        } catch let error as GitError {
            // Step 2 comes before step 3: what was written is committed here even when the
            // remote cannot be reached.
            if error.kind == .unreachable || error.kind == .authentication, !shared.repository.isMerging {
                _ = try? shared.keepPrivateEntriesLocal()
                if let staged = try? shared.repository.stageReporting(shared.rule),
                    case let changes = staged.changes, !changes.isEmpty,
                    let commit = try? shared.repository.commitIndex(
                        message: EntryWording.message(for: changes, describe: shared.describe))
                {
                    print("Committed \(commit.id.prefix(7)): \(commit.summary)")
                }
            }
            throw failure(error)
        }
        // The shared files just arrived: read the journal again to know its private entries.
        if adopted != nil {
            shared = try SharedJournal(workingDirectory: try global.workingDirectory(), cache: global.cache)
        }
        printAll(shared.trackedPrivateWarnings(try shared.keepPrivateEntriesLocal()))
        let layout = shared.layout
        let scope = shared.scope
        let plan = SyncPlan(rule: shared.rule, remote: remote) { changes in
            EntryWording.message(for: changes) { path in
                let inJournal = scope.isEmpty ? path : String(path.dropFirst(scope.count + 1))
                return EntryWording.describe(inJournal, in: layout)
            }
        }
        var outcome = try shared.repository.sync(plan)
        printAll(
            try shared.recordKeptLocal(
                outcome.keptLocal, tracked: outcome.keptLocal.filter(shared.repository.isTracked)))
        if let adopted {
            if outcome.integration == .upToDate { outcome.integration = .fastForwarded }
            outcome.incomingCommits += adopted.commits
            outcome.incomingAuthors =
                adopted.authors + outcome.incomingAuthors.filter { !adopted.authors.contains($0) }
        }
        if let commit = outcome.committed {
            print("Committed \(commit.id.prefix(7)): \(commit.summary)")
        }
        let upstream = "\(outcome.remote)/\(outcome.branch)"
        let from =
            outcome.incomingAuthors.isEmpty ? "" : " by \(outcome.incomingAuthors.joined(separator: ", "))"
        let count = outcome.incomingCommits == 1 ? "1 commit" : "\(outcome.incomingCommits) commits"
        switch outcome.integration {
        case .conflicts:
            explainConflicts(outcome, shared: shared)
            throw ExitCode(3)
        case .upToDate:
            print(outcome.pushed ? "Nothing new on \(outcome.remote)." : "Up to date with \(outcome.remote).")
        case .fastForwarded:
            print("Brought in \(count)\(from) from \(outcome.remote).")
        case .merged:
            print("Merged \(count)\(from) from \(outcome.remote) with yours (a merge commit joins both).")
        }
        if outcome.pushed {
            var line = "Sent your commits to \(outcome.remote)"
            if outcome.upstreamSet { line += "; \(outcome.branch) now follows \(upstream)" }
            if outcome.retries > 0 {
                line +=
                    " (the remote moved meanwhile: fetched and merged again \(outcome.retries) time"
                    + (outcome.retries == 1 ? ")" : "s)")
            }
            print(line + ".")
        } else {
            print("Nothing to send.")
        }
    }

    private func explainConflicts(_ outcome: SyncOutcome, shared: SharedJournal) {
        let files = outcome.conflicts.map { shared.journalPath($0) ?? $0 }
        var lines: [String] = []
        if outcome.conflictsFromEarlierSync {
            lines.append("The last sync stopped because both of you changed the same lines, and these files")
            lines.append("still hold both versions:")
        } else {
            lines.append("You and the other side changed the same lines, so journal could not combine them.")
            lines.append("These files now hold both versions, one after the other:")
        }
        for file in files { lines.append("  \(file)") }
        lines.append("")
        lines.append("In each file, find the block that starts with a line of <<<<<<< (your version),")
        lines.append("then ======= , then the other version, ending with a line of >>>>>>> . Each marker")
        lines.append("line says whose words follow or precede it. Keep the words you both want, delete the")
        lines.append("three marker lines, save, and run `journal sync` again.")
        lines.append("Nothing was sent, and nothing is lost: both versions are in the files.")
        print(lines.joined(separator: "\n"))
    }
}
