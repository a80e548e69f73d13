import ArgumentParser
import Foundation
import JournalGit
import JournalKit
import JournalWorkspace

/// `journal sync`: commit, fetch, fast-forward or merge, push; never a lost word.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Send your changes to the shared copy and receive your partner's, combining both.",
        discussion: """
            Saves what you changed (never a private entry), receives what your partner sent, combines \
            the two entry by entry, and sends the result. Offline, your changes stay saved on this \
            computer and are sent at the next sync.
            Exit codes: 0 synced; 3 both of you changed the same lines (the files hold both versions: \
            edit them and run journal sync again); 4 the shared copy cannot be reached or refused the \
            login (your changes are saved here); 1 any other failure.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(
        help: ArgumentHelp(
            "The shared copy to sync with: the address your git host shows (the first time, for a journal "
                + "not shared yet), or the name of another shared copy.", valueName: "URL|NAME"),
        completion: .custom(Completions.remotes))
    var remote: String?

    @Flag(name: .shortAndLong, help: "Also say what happened in git's own words (branches and remotes).")
    var verbose = false

    func run() throws {
        let directory = try global.journalDirectory(allowingRepository: true)
        let remoteName = try SharedCopySetup.remoteName(for: remote, in: directory)
        Prompt.offerLogin()
        StopSignals.sayWhatHappensNext(StopSignals.afterSync)
        let result: SyncResult
        do {
            result = try JournalRepository.sync(
                workingDirectory: directory, cache: global.cache, remote: remoteName,
                environment: ProcessInfo.processInfo.environment, mergeDriver: RunningBinary.path,
                warn: printAll)
        } catch let interrupted as SyncInterrupted {
            throw stopped(interrupted)
        }
        printAll(result.warnings)
        let outcome = result.outcome
        let url = result.shared.repository.remoteURL(outcome.remote)
        if let commit = outcome.committed { print("Saved your changes: \(commit.summary).") }
        if outcome.integration == .conflicts {
            explainConflicts(outcome, shared: result.shared)
            throw ExitCode(3)
        }
        print(said(outcome, place: "the shared copy" + (url.map { " (\(sharedCopyName($0)))" } ?? "")))
        if verbose { print(gitWords(outcome, url: url)) }
    }

    /// A sync that could not reach the shared copy: what was saved here, and what happens next.
    private func stopped(_ interrupted: SyncInterrupted) -> Failure {
        if let commit = interrupted.committed {
            print("Saved your changes on this computer: \(commit.summary).")
        }
        var failed = failure(interrupted.error)
        if interrupted.error.kind == .unreachable || interrupted.error.kind == .authentication {
            failed.message +=
                interrupted.committed != nil
                ? ". Your changes are saved on this computer; they will be sent at the next sync."
                : ". Nothing is lost: what you wrote stays on this computer until the next sync."
        }
        return failed
    }

    /// What was received and sent, in plain words.
    private func said(_ outcome: SyncOutcome, place: String) -> String {
        let from =
            outcome.incomingAuthors.isEmpty
            ? "" : " from \(outcome.incomingAuthors.joined(separator: " and "))"
        let count = outcome.incomingCommits == 1 ? "1 change" : "\(outcome.incomingCommits) changes"
        var lines: [String] = []
        switch outcome.integration {
        case .conflicts: break
        case .upToDate:
            if !outcome.pushed { lines.append("Already in step with \(place): nothing to send or receive.") }
        case .fastForwarded: lines.append("Received \(count)\(from).")
        case .merged:
            lines.append(
                "Received \(count)\(from), and combined \(outcome.incomingCommits == 1 ? "it" : "them") with yours."
            )
        }
        if outcome.pushed {
            lines.append(
                "Sent your changes to \(place)"
                    + (outcome.retries > 0
                        ? " (your partner sent changes meanwhile: journal received and combined them first)."
                        : "."))
        }
        return lines.joined(separator: "\n")
    }

    /// The same in git's words (`--verbose`).
    private func gitWords(_ outcome: SyncOutcome, url: String?) -> String {
        var words = "git: branch \(outcome.branch), remote \(outcome.remote)"
        if let url { words += " (\(redact(url)))" }
        words += ", \(outcome.integration.rawValue)"
        if outcome.upstreamSet {
            words += "; \(outcome.branch) now tracks \(outcome.remote)/\(outcome.branch)"
        }
        if outcome.retries > 0 { words += "; sent again after \(outcome.retries) refusal(s)" }
        return words + "."
    }

    private func explainConflicts(_ outcome: SyncOutcome, shared: JournalRepository) {
        // A file one side changed and the other deleted holds no markers: it is kept as changed.
        let workdir = shared.repository.workdir
        let marked = outcome.conflicts.filter { outcome.conflictKinds[$0] != .changedAndDeleted }
        let kept = outcome.conflicts.filter { outcome.conflictKinds[$0] == .changedAndDeleted }
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
            for file in marked {
                guard
                    let text = try? String(contentsOf: workdir.appendingPathComponent(file), encoding: .utf8),
                    let shape = ConflictMarkers.shape(of: text)
                else { continue }
                if shape.bothReadTheSame {
                    lines.append(
                        "In \(name(file)) both versions read the same (they differ only in spaces or line ends): "
                            + "keep either one and delete the marker lines.")
                } else if shape.inFrontMatter {
                    lines.append(
                        "In \(name(file)) the two versions differ at the top, between the `---` lines: keep each "
                            + "setting there (such as status: or next:) only once, with the value you agree on."
                    )
                }
            }
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
