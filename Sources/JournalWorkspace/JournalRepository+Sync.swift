import Foundation
import JournalGit
import JournalKit

/// What `journal sync` did, for the command to tell.
public struct SyncResult {
    /// The journal after the sync (read again when the shared files arrived first).
    public var shared: JournalRepository
    /// What happened, with the commits a first sync adopted from the remote counted in.
    public var outcome: SyncOutcome
    /// Warnings for standard error (private entries git already tracks).
    public var warnings: [String]
}

/// The remote could not be reached or refused us; what was written was committed here first.
public struct SyncInterrupted: Error {
    /// Why the remote was not reached.
    public var error: GitError
    /// The local commit made before giving up, when there was something to commit.
    public var committed: GitCommitInfo?
}

extension JournalRepository {
    /// Commits, fetches, fast-forwards or merges, and pushes: the six steps of docs/git.md, with
    /// private entries never staged and the exclude list kept.
    /// `warn` hears, as soon as they are known and before anything is sent, the entries being
    /// saved that journal cannot read.
    public static func sync(
        workingDirectory: URL, cache: ParseCache.Location?, remote: String?, environment: [String: String],
        mergeDriver binary: String? = nil, warn: @escaping @Sendable ([String]) -> Void = { _ in }
    ) throws -> SyncResult {
        var shared = try JournalRepository(workingDirectory: workingDirectory, cache: cache)
        // A sync cut short is undone first, so that nothing half-written is committed.
        let recovered = try shared.recoverInterruptedSync()
        if recovered != nil {
            shared = try JournalRepository(workingDirectory: workingDirectory, cache: cache)
        }
        try shared.repository.ensureReadyToCommit()
        try shared.repository.ensureFullHistory()
        // Private entries changed here are encrypted first, so that even an offline sync saves them.
        let backupNotes = try shared.refreshBackup(environment: environment).notes
        // The opt-in that moves the fetch and push to the installed git, for ssh set-ups libssh2
        // cannot follow: `sync.transport: git` in .journal.yml, or JOURNAL_GIT_TRANSPORT=git.
        let transport =
            environment["JOURNAL_GIT_TRANSPORT"].flatMap { $0.isEmpty ? nil : $0 }
            ?? JournalSettings.load(root: shared.layout.root).syncTransport
        let viaGit = transport == "git"
        var adopted: (commits: Int, authors: [String])?
        do {
            adopted = try shared.repository.startFromRemote(
                remote: remote, environment: environment, useGitCommand: viaGit)
        } catch let error as GitError {
            // Step 2 comes before step 3: what was written is committed here even when the
            // remote cannot be reached.
            var committed: GitCommitInfo?
            if error.kind == .unreachable || error.kind == .authentication, !shared.repository.isMerging {
                _ = try? shared.keepPrivateEntriesLocal()
                if let staged = try? shared.repository.stageReporting(shared.rule),
                    case let changes = staged.changes, !changes.isEmpty
                {
                    committed = try? shared.repository.commitIndex(
                        message: EntryWording.message(for: changes, describe: shared.describe))
                }
            }
            throw SyncInterrupted(error: error, committed: committed)
        }
        // The shared files just arrived: read the journal again to know its private entries.
        if adopted != nil { shared = try JournalRepository(workingDirectory: workingDirectory, cache: cache) }
        // The first sync of a clone tells git how to merge entries the way this sync does.
        if let binary { MergeSetup.defineDriverIfMissing(in: shared.repository, binary: binary) }
        var warnings = (recovered.map { [$0] } ?? []) + backupNotes
        warnings += shared.trackedPrivateWarnings(try shared.keepPrivateEntriesLocal())
        let layout = shared.layout
        let scope = shared.scope
        let workdir = shared.repository.workdir
        var plan = SyncPlan(rule: shared.rule, remote: remote, environment: environment) { changes in
            warn(Self.unreadableWarnings(changes, workdir: workdir, scope: scope, layout: layout))
            return EntryWording.message(for: changes) { path in
                let inJournal = RelativePath.inside(scope, path) ?? path
                return EntryWording.describe(inJournal, in: layout)
            }
        }
        plan.useGitCommand = viaGit
        // The sync saves what was written before it reaches out: when the shared copy cannot be
        // reached, that saved change is named, to be sent next time.
        let before = shared.repository.lastCommit()
        var outcome: SyncOutcome
        do {
            outcome = try shared.repository.sync(plan)
        } catch let error as GitError where error.kind == .unreachable || error.kind == .authentication {
            let after = shared.repository.lastCommit()
            throw SyncInterrupted(error: error, committed: after?.id != before?.id ? after : nil)
        }
        // Vault files that came in are opened: entries changed on another of the person's
        // computers come back, both changed are merged, and what that changed is sent at once.
        if outcome.integration != .conflicts {
            let (notes, refresh) = try shared.refreshBackup(environment: environment, shared: true)
            warnings += notes
            if refresh.written > 0 || refresh.removed > 0 {
                let again = try shared.repository.sync(plan)
                outcome.pushed = outcome.pushed || again.pushed
                outcome.warnings += again.warnings
            }
        }
        warnings += outcome.warnings.map { "journal: " + $0 }
        warnings += try shared.recordKeptLocal(
            outcome.keptLocal, tracked: outcome.keptLocal.filter(shared.repository.isTracked))
        if let adopted {
            if outcome.integration == .upToDate { outcome.integration = .fastForwarded }
            outcome.incomingCommits += adopted.commits
            outcome.incomingAuthors =
                adopted.authors + outcome.incomingAuthors.filter { !adopted.authors.contains($0) }
        }
        return SyncResult(shared: shared, outcome: outcome, warnings: warnings)
    }
}
