import CGit2
import Foundation
import JournalKit

/// One commit of the timeline: who, when, and which files it added, changed or deleted.
public struct GitCommitRecord: Sendable, Equatable {
    /// The commit id (40 hexadecimal digits).
    public var id: String
    /// The author's name.
    public var authorName: String
    /// The author's email.
    public var authorEmail: String
    /// When it was written, in seconds since 1970.
    public var time: Int64
    /// The author's offset from UTC in minutes, for the author's own calendar date.
    public var offsetMinutes: Int
    /// The first line of the message.
    public var summary: String
    /// The files it touched under the scope, relative to the work tree.
    public var changes: [GitChange]
}

/// Where the branch stands against its upstream, as last fetched (status never fetches).
public struct GitStatusSummary: Sendable, Equatable {
    /// The local branch (`main`), nil on a detached HEAD.
    public var branch: String?
    /// Whether the branch has a commit yet.
    public var hasCommits: Bool
    /// The upstream as `remote/branch`, when one is configured or `origin/<branch>` exists.
    public var upstream: String?
    /// Commits here and not on the upstream.
    public var ahead: Int
    /// Commits on the upstream and not here.
    public var behind: Int
    /// Changes since the last commit under the scope (staged or not), by path.
    public var changes: [GitChange]
    /// Whether a merge is in progress.
    public var merging: Bool
    /// Files git has as conflicted.
    public var conflicted: [String]
    /// Conflicted files that still hold conflict markers.
    public var unresolved: [String]
}

extension GitRepository {
    /// The commits reachable from HEAD, newest first, with the files each touched under
    /// `scope`. Merge commits and commits touching nothing under `scope` are left out: the
    /// changes a merge brings in are listed at the commits that made them.
    /// (`upTo`: from that commit instead of HEAD.)
    public func history(scope: String, upTo commitID: String? = nil) throws -> [GitCommitRecord] {
        let tipCommit: GitCommit?
        if let commitID {
            var object: OpaquePointer?
            try check(
                git_revparse_single(&object, pointer, commitID + "^{commit}"), "cannot read \(commitID)")
            tipCommit = object.map(GitCommit.init)
        } else {
            tipCommit = try headCommit()
        }
        guard let head = tipCommit else { return [] }
        if git_repository_is_shallow(pointer) == 1 { return try shallowHistory(from: head, scope: scope) }
        var walk: OpaquePointer?
        try check(git_revwalk_new(&walk, pointer), "cannot read history")
        guard let walk else { return [] }
        let walker = GitRevwalk(walk)
        // Newest first, and commits of the same second by history: children before their parents.
        try check(
            git_revwalk_sorting(walker.pointer, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue),
            "cannot read history")
        var tip = head.id
        try check(git_revwalk_push(walker.pointer, &tip), "cannot read history")
        var records: [GitCommitRecord] = []
        var id = git_oid()
        while git_revwalk_next(&id, walker.pointer) == 0 {
            let commit = try commit(id)
            guard commit.parentCount <= 1 else { continue }
            let parent = commit.parentCount == 1 ? try commit.parent(0) : nil
            let changes = try changedPaths(from: parent, to: commit.tree(), scope: scope)
            guard !changes.isEmpty else { continue }
            let author = git_commit_author(commit.pointer)?.pointee
            let summary = git_commit_summary(commit.pointer).map { String(cString: $0) } ?? ""
            records.append(
                GitCommitRecord(
                    id: id.hex, authorName: author?.name.map { String(cString: $0) } ?? "?",
                    authorEmail: author?.email.map { String(cString: $0) } ?? "",
                    time: author.map { Int64($0.when.time) } ?? Int64(git_commit_time(commit.pointer)),
                    offsetMinutes: Int(author?.when.offset ?? git_commit_time_offset(commit.pointer)),
                    summary: summary, changes: changes))
        }
        return records
    }

    /// The history a shallow clone holds (git's walk stops at the commits whose parents were
    /// not fetched): newest first; a commit whose parent is missing is where the clone starts,
    /// and what it changed cannot be known, so it is not listed.
    private func shallowHistory(from head: GitCommit, scope: String) throws -> [GitCommitRecord] {
        var pending = [head]
        var seen: Set<String> = [head.id.hex]
        var found: [(time: Int64, record: GitCommitRecord)] = []
        while let commit = pending.popLast() {
            var parents: [GitCommit] = []
            for index in 0..<commit.parentCount {
                guard let parent = try? commit.parent(index) else { continue }
                parents.append(parent)
                if seen.insert(parent.id.hex).inserted { pending.append(parent) }
            }
            guard commit.parentCount <= 1, parents.count == commit.parentCount else { continue }
            let changes = try changedPaths(from: parents.first, to: commit.tree(), scope: scope)
            guard !changes.isEmpty else { continue }
            let author = git_commit_author(commit.pointer)?.pointee
            let time = author.map { Int64($0.when.time) } ?? Int64(git_commit_time(commit.pointer))
            found.append(
                (
                    time,
                    GitCommitRecord(
                        id: commit.id.hex, authorName: author?.name.map { String(cString: $0) } ?? "?",
                        authorEmail: author?.email.map { String(cString: $0) } ?? "", time: time,
                        offsetMinutes: Int(author?.when.offset ?? git_commit_time_offset(commit.pointer)),
                        summary: git_commit_summary(commit.pointer).map { String(cString: $0) } ?? "",
                        changes: changes)
                ))
        }
        return found.sorted { $0.time > $1.time }.map(\.record)
    }

    /// The state `journal status` shows: changes under `scope`, merge state, ahead and behind.
    public func status(scope: String) throws -> GitStatusSummary {
        let lines = try statusLines(scope: scope)
        let changes = lines.filter { !AtomicFile.isTemporary($0.path) }.compactMap { line in
            line.change.map { GitChange(path: line.path, kind: $0) }
        }
        let conflicted = try conflictedPaths()
        let head = try headCommit()
        var summary = GitStatusSummary(
            branch: nil, hasCommits: head != nil, upstream: nil, ahead: 0, behind: 0, changes: changes,
            merging: isMerging, conflicted: conflicted,
            unresolved: conflicted.filter { ConflictMarkers.present(in: workdir.appendingPathComponent($0)) })
        guard let upstream = try? upstream(remoteOverride: nil) else { return summary }
        summary.branch = upstream.branch
        guard let tracking = try reference(upstream.trackingRef)?.target else { return summary }
        summary.upstream = "\(upstream.remote)/\(upstream.remoteBranch)"
        if var local = head?.id {
            var remote = tracking
            var ahead = 0
            var behind = 0
            try check(
                git_graph_ahead_behind(&ahead, &behind, pointer, &local, &remote),
                "cannot compare with upstream")
            summary.ahead = ahead
            summary.behind = behind
        }
        return summary
    }
}
