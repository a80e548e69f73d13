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
        // The encrypted copies of private entries are brought into step before anything is staged.
        warnings += try refreshBackup(environment: ProcessInfo.processInfo.environment).notes
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
        warnings += unreadableWarnings(changes)
        var text = message ?? EntryWording.message(for: changes, describe: describe)
        if merging && message == nil {
            text =
                "Finish merging shared changes"
                + (conflicted.isEmpty ? "" : "; resolve " + conflicted.joined(separator: ", "))
        }
        return CommitResult(commit: try repository.commitIndex(message: text), warnings: warnings)
    }
}

extension JournalRepository {
    /// The entries among `changes` journal cannot read (a YAML error, a duplicate key, no
    /// closing fence: `Entry.unreadable`), each named with its line and what is wrong, in plain
    /// words, for the person to see before the change is sent.
    public func unreadableWarnings(_ changes: [GitChange]) -> [String] {
        Self.unreadableWarnings(changes, workdir: repository.workdir, scope: scope, layout: layout)
    }

    static func unreadableWarnings(_ changes: [GitChange], workdir: URL, scope: String, layout: JournalLayout)
        -> [String]
    {
        changes.compactMap { change -> String? in
            guard change.kind != .deleted else { return nil }
            guard let inJournal = RelativePath.inside(scope, change.path) else { return nil }
            guard let kind = EntryWording.kind(of: inJournal, in: layout) else { return nil }
            let file = workdir.appendingPathComponent(change.path).path
            let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int ?? 0
            guard size <= JournalLoader.maxFileSize, let bytes = FileManager.default.contents(atPath: file)
            else {
                return nil
            }
            let entry = EntryParser.parse(path: inJournal, kind: kind, bytes: Array(bytes))
            guard let problem = entry.unreadable else { return nil }
            return
                "journal: \(inJournal), line \(problem.line): \(problem.message). journal cannot read this "
                + "entry, so reports leave out what it says (for both of you); it is saved as you wrote it. "
                + "Correct it (`journal lint` shows where), then save again."
        }
    }
}
