import Foundation
import JournalGit
import JournalKit

/// What `journal commit` did.
public struct CommitResult {
    /// The commit made, or nil when the journal was as it was at the last commit.
    public var commit: GitCommitInfo?
    /// Warnings for standard error (private entries git already tracks).
    public var warnings: [String]
}

extension JournalRepository {
    /// Stages every change of the journal (never a private entry), lists the private ones in
    /// `.git/info/exclude`, and commits with `message` or one naming the entries that changed.
    /// A merge left by `journal sync` is finished, unless files still hold conflict markers.
    public func commit(message: String?) throws -> CommitResult {
        // Before anything is staged: a rebase or cherry-pick stopped on conflicts keeps its index.
        try repository.ensureReadyToCommit()
        var warnings = try recoverInterruptedSync().map { [$0] } ?? []
        warnings += trackedPrivateWarnings(try keepPrivateEntriesLocal())
        let merging = repository.isMerging
        if merging {
            let unresolved = try repository.unresolvedConflicts()
            if !unresolved.isEmpty {
                throw Failure(
                    message: "these files still hold conflict markers from the last sync: "
                        + unresolved.joined(separator: ", ")
                        + ". Keep the words you want, delete the marker lines, then run `journal sync`.",
                    status: .conflicts)
            }
        }
        let conflicted = merging ? try repository.conflictedPaths() : []
        let staged = try repository.stageReporting(rule)
        warnings += try recordKeptLocal(staged.keptLocal, tracked: staged.trackedLocal)
        warnings += staged.filtered.map { "journal: " + StagingResult.filterWarning($0) }
        let changes = staged.changes
        if changes.isEmpty && !merging { return CommitResult(commit: nil, warnings: warnings) }
        var text = message ?? EntryWording.message(for: changes, describe: describe)
        if merging && message == nil {
            text =
                "Finish merging shared changes"
                + (conflicted.isEmpty ? "" : "; resolve " + conflicted.joined(separator: ", "))
        }
        return CommitResult(commit: try repository.commitIndex(message: text), warnings: warnings)
    }
}
