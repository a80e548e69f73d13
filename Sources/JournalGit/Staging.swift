import CGit2
import Foundation
import JournalKit

/// A file that differs from the last commit.
public struct GitChange: Sendable, Hashable {
    /// How the file differs.
    public enum Kind: String, Sendable, Hashable {
        /// New since the last commit.
        case added
        /// Changed since the last commit.
        case modified
        /// Gone since the last commit.
        case deleted
    }

    /// The path relative to the work tree, `/`-separated.
    public var path: String
    /// How it differs.
    public var kind: Kind

    /// Creates a change.
    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }
}

/// Which files `journal` shares: everything under `scope` except the `keepLocal` paths and
/// the paths `isLocal` says stay local.
public struct StagingRule: Sendable {
    /// A folder relative to the work tree (`""` for all of it).
    public var scope: String
    /// Paths relative to the work tree that are never staged (private entries).
    public var keepLocal: Set<String>
    /// Asked about every other path the status walk finds changed or new, so that a caller
    /// need not read every file beforehand to know which are private.
    public var isLocal: (@Sendable (String) -> Bool)?

    /// Creates a rule.
    public init(scope: String, keepLocal: Set<String>, isLocal: (@Sendable (String) -> Bool)? = nil) {
        self.scope = scope
        self.keepLocal = keepLocal
        self.isLocal = isLocal
    }

    func contains(_ path: String) -> Bool {
        scope.isEmpty || path == scope || path.hasPrefix(scope + "/")
    }
}

/// What a staging did.
public struct StagingResult: Sendable, Equatable {
    /// The staged changes against HEAD.
    public var changes: [GitChange]
    /// Changed or new paths kept out of the index (private entries).
    public var keptLocal: [String]
    /// Kept paths that HEAD has: private entries git already tracks, left alone.
    public var trackedLocal: [String]
    /// Changed paths left unstaged because a `filter=` attribute (git-lfs, say) would have git
    /// run a program on them that journal cannot run: with the name of the filter.
    public var filtered: [(path: String, filter: String)] = []
    /// Tracked paths whose private version another program had staged: put back to HEAD's
    /// version in the index, so that the commit leaves them as they were shared.
    public var unstagedPrivate: [String] = []

    /// What to tell the person about a path left unstaged for its filter.
    public static func filterWarning(_ item: (path: String, filter: String)) -> String {
        "warning: \(item.path) goes through git's `\(item.filter)` filter (see .gitattributes), which journal "
            + "cannot run, so it was not committed; commit it with git: "
            + "git add \(item.path) && git commit"
    }

    public static func == (lhs: StagingResult, rhs: StagingResult) -> Bool {
        lhs.changes == rhs.changes && lhs.keptLocal == rhs.keptLocal && lhs.trackedLocal == rhs.trackedLocal
            && lhs.filtered.map(\.path) == rhs.filtered.map(\.path)
    }
}

/// A commit `journal` made.
public struct GitCommitInfo: Sendable, Equatable {
    /// The commit id (40 hexadecimal digits).
    public var id: String
    /// The first line of its message.
    public var summary: String
    /// How many parents it has (2 for a merge).
    public var parents: Int
    /// The files it changed, relative to the work tree.
    public var changes: [GitChange]
}

/// One line of git's status: a path and its state in the index and the work tree.
struct StatusLine {
    var path: String
    var flags: UInt32
    /// Whether HEAD has the path.
    var inHead: Bool
    /// Whether the path exists after the change (in the work tree, else in the index).
    var existsAfter: Bool

    func has(_ flag: git_status_t) -> Bool { flags & flag.rawValue != 0 }

    var change: GitChange.Kind? {
        switch (inHead, existsAfter) {
        case (false, true): return .added
        case (true, false): return .deleted
        case (true, true): return .modified
        case (false, false): return nil
        }
    }
}

extension GitRepository {
    /// git's status under `scope`: one line per path that differs from HEAD, untracked files
    /// included, ignored ones (and so private entries) not.
    func statusLines(scope: String) throws -> [StatusLine] {
        var options = git_status_options()
        try check(git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)), "cannot read status")
        options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
        options.flags =
            GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
            | GIT_STATUS_OPT_EXCLUDE_SUBMODULES.rawValue
        let pathspec = GitStringArray(scope.isEmpty ? [] : [scope])
        let list: GitStatusList = try pathspec.withArray { array in
            options.pathspec = array.pointee
            var list: OpaquePointer?
            try check(
                git_status_list_new(&list, pointer, &options), "cannot read the status of the work tree")
            guard let list else { throw GitError(.other, "cannot read the status of the work tree") }
            return GitStatusList(list)
        }
        var lines: [StatusLine] = []
        let count = git_status_list_entrycount(list.pointer)
        lines.reserveCapacity(count)
        // In a sparse checkout the files outside the cone are absent on purpose (git marks them
        // skip-worktree): they are not deleted, and must never be committed as deleted.
        var index: GitIndex?
        for position in 0..<count {
            guard let entry = git_status_byindex(list.pointer, position)?.pointee else { continue }
            let flags = entry.status.rawValue
            let staged = entry.head_to_index?.pointee
            let unstaged = entry.index_to_workdir?.pointee
            guard
                let pathPointer = unstaged?.new_file.path ?? staged?.new_file.path ?? unstaged?.old_file.path
                    ?? staged?.old_file.path
            else { continue }
            let path = String(cString: pathPointer)
            var line = StatusLine(path: path, flags: flags, inHead: true, existsAfter: true)
            if flags & GIT_STATUS_CONFLICTED.rawValue != 0 {
                line.inHead = try headHas(path)
                line.existsAfter = FileManager.default.fileExists(
                    atPath: workdir.appendingPathComponent(path).path)
            } else {
                // Without a HEAD-to-index delta the index agrees with HEAD for this path.
                line.inHead =
                    staged.map { _ in !line.has(GIT_STATUS_INDEX_NEW) } ?? !line.has(GIT_STATUS_WT_NEW)
                line.existsAfter =
                    unstaged.map { _ in !line.has(GIT_STATUS_WT_DELETED) }
                    ?? !line.has(GIT_STATUS_INDEX_DELETED)
            }
            if line.has(GIT_STATUS_WT_DELETED) && !line.has(GIT_STATUS_INDEX_DELETED) {
                if index == nil { index = try self.index() }
                if let index, Self.skipsWorktree(path, in: index) { continue }
            }
            lines.append(line)
        }
        return lines
    }

    /// Points the branch HEAD names at `id` (creating it on a first commit), as a commit does.
    func moveHead(to id: git_oid, message: String) throws {
        var id = id
        var head: OpaquePointer?
        try check(git_reference_lookup(&head, pointer, "HEAD"), "cannot read HEAD")
        guard let head else { throw GitError(.other, "cannot read HEAD") }
        defer { git_reference_free(head) }
        let branch =
            git_reference_type(head) == GIT_REFERENCE_SYMBOLIC
            ? git_reference_symbolic_target(head).map { String(cString: $0) } : nil
        guard let branch else { throw GitError(.other, "git is not on a branch here, so nothing was saved") }
        let summary = "commit: " + (message.split(separator: "\n").first.map(String.init) ?? "")
        var updated: OpaquePointer?
        try check(git_reference_create(&updated, pointer, branch, &id, 1, summary), "cannot move \(branch)")
        if let updated { git_reference_free(updated) }
    }

    /// The `filter=` driver `.gitattributes` names for `path`, when one is set: git runs its
    /// `clean` program when staging, which libgit2 does not.
    func filterDriver(_ path: String) -> String? {
        var value: UnsafePointer<CChar>?
        guard git_attr_get(&value, pointer, 0, path, "filter") == 0, let value,
            git_attr_value(value) == GIT_ATTR_VALUE_STRING
        else { return nil }
        return String(cString: value)
    }

    /// Whether git's index marks `path` as left out of the work tree (sparse checkout).
    static func skipsWorktree(_ path: String, in index: GitIndex) -> Bool {
        guard let entry = git_index_get_bypath(index.pointer, path, 0)?.pointee else { return false }
        return UInt32(entry.flags_extended) & GIT_INDEX_ENTRY_SKIP_WORKTREE.rawValue != 0
    }

    private func headHas(_ path: String) throws -> Bool {
        guard let head = try headCommit() else { return false }
        let tree = try head.tree()
        var entry: OpaquePointer?
        let code = git_tree_entry_bypath(&entry, tree.pointer, path)
        if let entry { git_tree_entry_free(entry) }
        return code == 0
    }

    /// Stages every change under the rule's scope (never a `keepLocal` path) from one status
    /// walk, and writes the index. Returns the staged changes against HEAD.
    public func stage(_ rule: StagingRule) throws -> [GitChange] {
        try stageReporting(rule).changes
    }

    /// Stages as `stage` does, and also tells which changed paths were kept local.
    public func stageReporting(_ rule: StagingRule) throws -> StagingResult {
        let lines = try statusLines(scope: rule.scope)
        let index = try index()
        var result = StagingResult(changes: [], keptLocal: [], trackedLocal: [])
        var changes: [GitChange] = []
        var touched = false
        // A temporary file of journal's own, left by a process cut short, is never committed.
        for line in lines where rule.contains(line.path) && !AtomicFile.isTemporary(line.path) {
            let local =
                rule.keepLocal.contains(line.path) || (line.existsAfter && rule.isLocal?(line.path) == true)
            if local {
                result.keptLocal.append(line.path)
                if line.inHead { result.trackedLocal.append(line.path) }
                // Someone staged a private entry by hand: unstage it (the file stays). A private
                // version of a file already in HEAD, staged by another program (`git add -u`, an
                // editor's git panel), is unstaged too: the index goes back to HEAD's version, so
                // the commit keeps the shared version and never the private one.
                if line.has(GIT_STATUS_INDEX_NEW) {
                    try check(
                        git_index_remove_bypath(index.pointer, line.path), "cannot unstage \(line.path)")
                    touched = true
                } else if line.inHead,
                    line.has(GIT_STATUS_INDEX_MODIFIED) || line.has(GIT_STATUS_INDEX_TYPECHANGE)
                        || line.has(GIT_STATUS_INDEX_RENAMED)
                {
                    try restoreFromHead(line.path, in: index)
                    result.unstagedPrivate.append(line.path)
                    touched = true
                }
                continue
            }
            let needsStaging =
                line.has(GIT_STATUS_CONFLICTED) || line.has(GIT_STATUS_WT_NEW)
                || line.has(GIT_STATUS_WT_MODIFIED)
                || line.has(GIT_STATUS_WT_DELETED) || line.has(GIT_STATUS_WT_TYPECHANGE)
                || line.has(GIT_STATUS_WT_RENAMED)
            if needsStaging, line.existsAfter, let filter = filterDriver(line.path) {
                // Committed raw it would not be what git commits (an LFS pointer, say).
                result.filtered.append((line.path, filter))
                continue
            }
            if needsStaging {
                if line.existsAfter {
                    try check(git_index_add_bypath(index.pointer, line.path), "cannot stage \(line.path)")
                } else {
                    try check(git_index_remove_bypath(index.pointer, line.path), "cannot stage \(line.path)")
                }
                touched = true
            }
            if let kind = line.change { changes.append(GitChange(path: line.path, kind: kind)) }
        }
        if touched { try writeIndex(index) }
        result.changes = changes
        return result
    }

    /// Puts HEAD's version of `path` back in the index, as `git restore --staged` does.
    private func restoreFromHead(_ path: String, in index: GitIndex) throws {
        guard let head = try headCommit() else { return }
        let tree = try head.tree()
        var entry: OpaquePointer?
        guard git_tree_entry_bypath(&entry, tree.pointer, path) == 0, let entry else {
            try check(git_index_remove_bypath(index.pointer, path), "cannot unstage \(path)")
            return
        }
        defer { git_tree_entry_free(entry) }
        var indexEntry = git_index_entry()
        indexEntry.mode = UInt32(git_tree_entry_filemode(entry).rawValue)
        if let id = git_tree_entry_id(entry) { indexEntry.id = id.pointee }
        try path.withCString { name in
            indexEntry.path = name
            try check(git_index_add(index.pointer, &indexEntry), "cannot unstage \(path)")
        }
    }

    func writeIndex(_ index: GitIndex) throws {
        let code = git_index_write(index.pointer)
        if code == GIT_ELOCKED.rawValue || (code < 0 && lockFileExists("index")) {
            var error = GitError(code: code, context: "cannot write git's index")
            error.kind = .locked
            error.message =
                "another git program is working in this repository (.git/index.lock exists): "
                + "wait for it to finish and try again; if none is running, delete .git/index.lock. "
                + "Nothing was changed."
            throw error
        }
        try check(code, "cannot write git's index")
    }

    private func lockFileExists(_ name: String) -> Bool {
        let gitdir = String(cString: git_repository_path(pointer))
        return FileManager.default.fileExists(atPath: gitdir + "/" + name + ".lock")
    }

    /// Commits what the index holds with the author from git configuration. In a merge, the
    /// commit gets the merged commit as second parent and the merge state is cleared. Returns
    /// nil when there is nothing to commit.
    public func commitIndex(message: String) throws -> GitCommitInfo? {
        try ensureReadyToCommit()
        let index = try index()
        if git_index_has_conflicts(index.pointer) != 0 {
            throw GitError(.other, "conflicts remain in git's index: resolve them before committing")
        }
        let signature = try signature()
        let author = try authorSignature()
        var treeID = git_oid()
        try check(git_index_write_tree(&treeID, index.pointer), "cannot record the files")
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, pointer, &treeID), "cannot record the files")
        guard let tree else { throw GitError(.other, "cannot record the files") }
        let treeHandle = GitTree(tree)

        var parents: [GitCommit] = []
        if let head = try headCommit() { parents.append(head) }
        let merging = isMerging
        if merging { parents += try mergeHeads().map { try commit($0) } }
        if !merging, let head = parents.first, try head.tree().id == treeHandle.id { return nil }

        let changes = try changedPaths(from: parents.first, to: treeHandle)
        var id = git_oid()
        var parentPointers: [OpaquePointer?] = parents.map { $0.pointer }
        if let signing = CommitSigning(config: try config(), environment: ProcessInfo.processInfo.environment)
        {
            // Signed as `git commit` signs when commit.gpgsign is set; unsigned never.
            var buffer = git_buf()
            defer { git_buf_dispose(&buffer) }
            let made = parentPointers.withUnsafeMutableBufferPointer { parentsBuffer in
                git_commit_create_buffer(
                    &buffer, pointer, author.pointer, signature.pointer, nil, message, treeHandle.pointer,
                    parentsBuffer.count, parentsBuffer.baseAddress)
            }
            try check(made, "cannot commit")
            let content = buffer.ptr.map { String(cString: $0) } ?? ""
            let committer = "\(signature.name) <\(signature.email)>"
            let signed = try signing.sign(content, committer: committer)
            try check(
                git_commit_create_with_signature(&id, pointer, content, signed, "gpgsig"), "cannot commit")
            try moveHead(to: id, message: message)
        } else {
            let code = parentPointers.withUnsafeMutableBufferPointer { buffer in
                git_commit_create(
                    &id, pointer, "HEAD", author.pointer, signature.pointer, nil, message, treeHandle.pointer,
                    buffer.count, buffer.baseAddress)
            }
            try check(code, "cannot commit")
        }
        if merging { try check(git_repository_state_cleanup(pointer), "cannot finish the merge") }
        let summary =
            message.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return GitCommitInfo(id: id.hex, summary: summary, parents: parents.count, changes: changes)
    }

    func mergeHeads() throws -> [git_oid] {
        final class Collector { var ids: [git_oid] = [] }
        let collector = Collector()
        let code = withExtendedLifetime(collector) {
            git_repository_mergehead_foreach(
                pointer,
                { id, payload in
                    guard let id, let payload else { return 0 }
                    Unmanaged<Collector>.fromOpaque(payload).takeUnretainedValue().ids.append(id.pointee)
                    return 0
                }, Unmanaged.passUnretained(collector).toOpaque())
        }
        if code == GIT_ENOTFOUND.rawValue { return [] }
        try check(code, "cannot read the merge in progress")
        return collector.ids
    }

    /// The files that differ between a commit (or nothing) and a tree.
    func changedPaths(from parent: GitCommit?, to tree: GitTree, scope: String = "") throws -> [GitChange] {
        let parentTree = try parent?.tree()
        var options = git_diff_options()
        try check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "cannot compare")
        let pathspec = GitStringArray(scope.isEmpty ? [] : [scope])
        let diff: GitDiff = try pathspec.withArray { array in
            options.pathspec = array.pointee
            var diff: OpaquePointer?
            try check(
                git_diff_tree_to_tree(&diff, pointer, parentTree?.pointer, tree.pointer, &options),
                "cannot compare commits")
            guard let diff else { throw GitError(.other, "cannot compare commits") }
            return GitDiff(diff)
        }
        var changes: [GitChange] = []
        for position in 0..<git_diff_num_deltas(diff.pointer) {
            guard let delta = git_diff_get_delta(diff.pointer, position)?.pointee else { continue }
            let kind: GitChange.Kind
            switch delta.status {
            case GIT_DELTA_ADDED: kind = .added
            case GIT_DELTA_DELETED: kind = .deleted
            default: kind = .modified
            }
            guard let path = delta.new_file.path ?? delta.old_file.path else { continue }
            changes.append(GitChange(path: String(cString: path), kind: kind))
        }
        return changes
    }

    /// Paths with conflicts in git's index (a merge in progress).
    public func conflictedPaths() throws -> [String] {
        let index = try index()
        guard git_index_has_conflicts(index.pointer) != 0 else { return [] }
        var iterator: OpaquePointer?
        try check(git_index_conflict_iterator_new(&iterator, index.pointer), "cannot list conflicts")
        guard let iterator else { return [] }
        defer { git_index_conflict_iterator_free(iterator) }
        var paths: [String] = []
        var ancestor: UnsafePointer<git_index_entry>?
        var ours: UnsafePointer<git_index_entry>?
        var theirs: UnsafePointer<git_index_entry>?
        while git_index_conflict_next(&ancestor, &ours, &theirs, iterator) == 0 {
            if let path = ours?.pointee.path ?? theirs?.pointee.path ?? ancestor?.pointee.path {
                paths.append(String(cString: path))
            }
        }
        return paths.sorted()
    }

    /// Conflicted paths whose files still hold git's conflict markers.
    public func unresolvedConflicts() throws -> [String] {
        try conflictedPaths().filter { path in
            ConflictMarkers.present(in: workdir.appendingPathComponent(path))
        }
    }
}
