import Foundation
import JournalGit
import JournalKit

/// What `journal status` says, as values: where the journal stands against the shared copy, a
/// merge waiting to be finished, what changed since the last commit (by mentorship and kind, the
/// private entries marked as staying here), and the lint counts. The command only words it.
public struct JournalStatus {
    /// Where the journal stands.
    public enum Standing: Equatable {
        /// HEAD is on no branch: an earlier version is checked out.
        case earlierVersion
        /// No commit yet.
        case nothingSaved
        /// Sent and received up to the last sync.
        case inStep(place: String)
        /// Changes to send and to receive, as of the last sync.
        case apart(ahead: Int, behind: Int, place: String)
        /// A shared copy is named, nothing sent to it yet.
        case notSentYet(place: String)
        /// No shared copy.
        case notShared
    }

    /// One changed file of the journal.
    public struct Change: Equatable {
        /// Its mentorship (its id at the root, else its folder), or "other files".
        public var group: String
        /// Its kind's place in the order of kinds.
        public var order: Int
        /// "added", "changed", "deleted"; nil for a private file, which stays here.
        public var verb: String?
        /// The entry in words ("session 2026-11-20").
        public var description: String
        /// Its path in the journal.
        public var path: String
        /// Why it stays on this computer, when it is private.
        public var privateReason: String?
        public var isPrivate: Bool
    }

    public var standing: Standing
    /// git's own words: the branch and what it tracks.
    public var gitWords: String
    /// What an interrupted sync left and was put back, to say first.
    public var recovered: String?
    public var merging: Bool
    /// Files still holding both versions (journal paths).
    public var unresolved: [String]
    /// Files resolved, to be committed by the next sync.
    public var resolved: [String]
    public var changes: [Change]
    /// Private entries git already tracks (journal commits none of their private changes).
    public var trackedPrivate: [String]
    public var errors: Int
    public var warnings: Int
    /// Where the encrypted backup of the person's private entries stands, in one sentence, when
    /// this journal has one.
    public var backup: String? = nil

    /// How many changes would be shared by a commit.
    public var shareableCount: Int { changes.filter { !$0.isPrivate }.count }
}

extension OpenedJournal {
    /// The status of this journal's repository; an interrupted sync is finished or undone first.
    public func status() throws -> JournalStatus {
        let shared = try repository()
        let recovered = try shared.recoverInterruptedSync()
        let trackedPrivate = try shared.keepPrivateEntriesLocal()
        let status = try shared.repository.status(scope: shared.scope)
        let url = shared.repository.remoteURL(
            status.upstream?.split(separator: "/").first.map(String.init) ?? "origin")
        let place = "the shared copy" + (url.map { " (\(sharedCopyName($0)))" } ?? "")
        let standing: JournalStatus.Standing =
            if status.branch == nil {
                .earlierVersion
            } else if !status.hasCommits {
                .nothingSaved
            } else if status.upstream != nil {
                status.ahead == 0 && status.behind == 0
                    ? .inStep(place: place) : .apart(ahead: status.ahead, behind: status.behind, place: place)
            } else if url != nil {
                .notSentYet(place: place)
            } else {
                .notShared
            }
        let gitWords =
            (status.branch.map { "branch \($0)" } ?? "no branch")
            + (status.upstream.map { ", tracking \($0)" } ?? "")

        let layout = shared.layout
        func change(_ path: String, verb: String?, privacy: Privacy?) -> JournalStatus.Change {
            JournalStatus.Change(
                group: EntryWording.mentorship(of: path, in: layout).map { $0.path == "." ? $0.id : $0.path }
                    ?? "other files",
                order: EntryWording.kind(of: path, in: layout).flatMap {
                    EntryKind.allCases.firstIndex(of: $0)
                }
                    ?? EntryKind.allCases.count,
                verb: verb, description: EntryWording.describe(path, in: layout), path: path,
                privateReason: privacy?.reason, isPrivate: privacy != nil)
        }
        // The same decision staging takes: a file kept local is never listed as a change.
        var privateHere: [String: Privacy] = [:]
        for path in shared.privatePaths {
            if let inJournal = shared.journalPath(path) { privateHere[inJournal] = shared.privacy(path) }
        }
        for item in status.changes where item.kind != .deleted {
            guard let path = shared.journalPath(item.path) else { continue }
            let privacy = shared.privacy(item.path)
            if privacy.keepsLocal { privateHere[path] = privacy }
        }
        var changes: [JournalStatus.Change] = []
        for item in status.changes {
            guard let path = shared.journalPath(item.path), privateHere[path] == nil else { continue }
            changes.append(change(path, verb: EntryWording.pastTense(item.kind), privacy: nil))
        }
        for (path, privacy) in privateHere.sorted(by: { $0.key < $1.key }) {
            changes.append(change(path, verb: nil, privacy: privacy))
        }
        let journalPaths = { (paths: [String]) in paths.map { shared.journalPath($0) ?? $0 } }
        var result = JournalStatus(
            standing: standing, gitWords: gitWords, recovered: recovered.map { "\($0)" },
            merging: status.merging, unresolved: journalPaths(status.unresolved),
            resolved: journalPaths(status.conflicted.filter { !status.unresolved.contains($0) }),
            changes: changes, trackedPrivate: trackedPrivate,
            errors: diagnostics.filter { $0.severity == .error }.count,
            warnings: diagnostics.filter { $0.severity == .warning }.count)
        result.backup = shared.backupSentence(environment: ProcessInfo.processInfo.environment)
        return result
    }
}
