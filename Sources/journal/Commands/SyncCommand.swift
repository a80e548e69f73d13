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

    @Option(
        help: "The remote to sync with (default: the branch's upstream remote, else origin).",
        completion: .custom(Completions.remotes))
    var remote: String?

    func run() throws {
        let result: SyncResult
        do {
            result = try JournalRepository.sync(
                workingDirectory: try global.journalDirectory(), cache: global.cache, remote: remote,
                environment: ProcessInfo.processInfo.environment, mergeDriver: RunningBinary.path)
        } catch let interrupted as SyncInterrupted {
            if let commit = interrupted.committed {
                print("Committed \(commit.id.prefix(7)): \(commit.summary)")
            }
            throw failure(interrupted.error)
        }
        printAll(result.warnings)
        let shared = result.shared
        let outcome = result.outcome
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

    private func explainConflicts(_ outcome: SyncOutcome, shared: JournalRepository) {
        // A file one side changed and the other deleted holds no markers: it is kept as changed.
        let workdir = shared.repository.workdir
        let marked = outcome.conflicts.filter {
            ConflictMarkers.present(in: workdir.appendingPathComponent($0))
        }
        let kept = outcome.conflicts.filter { !marked.contains($0) }
        let name = { (path: String) in shared.journalPath(path) ?? path }
        var lines: [String] = []
        if !marked.isEmpty {
            if outcome.conflictsFromEarlierSync {
                lines.append(
                    "The last sync stopped because both of you changed the same lines, and these files")
                lines.append("still hold both versions:")
            } else {
                lines.append(
                    "You and the other side changed the same lines, so journal could not combine them.")
                lines.append("These files now hold both versions, one after the other:")
            }
            for file in marked { lines.append("  \(name(file))") }
            lines.append("")
            lines.append("In each file, find the block that starts with a line of <<<<<<< (your version),")
            lines.append("then ======= , then the other version, ending with a line of >>>>>>> . Each marker")
            lines.append(
                "line says whose words follow or precede it. Keep the words you both want, delete the")
            lines.append("three marker lines, save, and run `journal sync` again.")
        }
        if !kept.isEmpty {
            if !lines.isEmpty { lines.append("") }
            lines.append(
                "One of you changed these files and the other deleted them. They are kept here, as changed:")
            for file in kept { lines.append("  \(name(file))") }
            lines.append(
                "If you both want one gone, delete it; otherwise leave it. Then run `journal sync` again.")
        }
        lines.append("Nothing was sent, and nothing is lost: every version is in the files.")
        print(lines.joined(separator: "\n"))
    }
}
