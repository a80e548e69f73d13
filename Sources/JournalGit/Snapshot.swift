import CGit2
import Foundation

/// The files of a folder as git holds them, without a checkout: as committed at a revision, or
/// as staged in an index. Only regular files (no links, no submodules).
public struct GitSnapshot: Sendable {
    /// Bytes by path relative to the folder asked for, `/`-separated. A file above the limit
    /// asked for holds only its first `limit + 1` bytes, enough to tell it is too large.
    public var files: [String: [UInt8]]
    /// The commit read (40 hexadecimal digits), or nil for an index.
    public var commit: String?
}

extension GitRepository {
    /// The folder `scope` (relative to the work tree, `""` for all of it) as committed at
    /// `revision` (anything `git rev-parse` takes: a branch, a tag, `HEAD~3`, an id).
    public func snapshot(at revision: String, scope: String, limit: Int) throws -> GitSnapshot {
        var object: OpaquePointer?
        let code = git_revparse_single(&object, pointer, revision + "^{commit}")
        guard code == 0, let object else {
            throw GitError(
                .unknownRevision,
                "`\(revision)` names no commit in this repository (`git log --oneline` lists them; "
                    + "a branch, a tag, HEAD~2 or a commit id will do)")
        }
        let commit = GitCommit(object)
        let tree = try commit.tree()
        var files: [String: [UInt8]] = [:]
        var folder = tree
        if !scope.isEmpty {
            var entry: OpaquePointer?
            guard git_tree_entry_bypath(&entry, tree.pointer, scope) == 0, let entry else {
                return GitSnapshot(files: [:], commit: commit.id.hex)
            }
            defer { git_tree_entry_free(entry) }
            guard git_tree_entry_type(entry) == GIT_OBJECT_TREE else {
                return GitSnapshot(files: [:], commit: commit.id.hex)
            }
            var subtree: OpaquePointer?
            try check(git_tree_lookup(&subtree, pointer, git_tree_entry_id(entry)), "cannot read \(scope)")
            guard let subtree else { throw GitError(.other, "cannot read \(scope)") }
            folder = GitTree(subtree)
        }
        try collect(folder, prefix: "", into: &files, limit: limit, depth: 0)
        return GitSnapshot(files: files, commit: commit.id.hex)
    }

    /// The folder `scope` as staged: in the repository's index, or in the index file at
    /// `indexPath` (git names another in `GIT_INDEX_FILE` while `git commit -a` runs its hooks).
    public func stagedSnapshot(scope: String, indexPath: String?, limit: Int) throws -> GitSnapshot {
        let index: GitIndex
        if let indexPath {
            var opened: OpaquePointer?
            try check(git_index_open(&opened, indexPath), "cannot read the index \(indexPath)")
            guard let opened else { throw GitError(.other, "cannot read the index \(indexPath)") }
            git_index_set_caps(opened, Int32(GIT_INDEX_CAPABILITY_FROM_OWNER.rawValue))
            index = GitIndex(opened)
        } else {
            index = try self.index()
        }
        let prefix = scope.isEmpty ? "" : scope + "/"
        var files: [String: [UInt8]] = [:]
        for position in 0..<git_index_entrycount(index.pointer) {
            guard let entry = git_index_get_byindex(index.pointer, position)?.pointee,
                let pathPointer = entry.path
            else { continue }
            // Stage 0 only: a conflicted path cannot be committed as it is anyway.
            let stage = (Int32(entry.flags) & GIT_INDEX_ENTRY_STAGEMASK) >> GIT_INDEX_ENTRY_STAGESHIFT
            guard stage == 0, entry.mode & 0o170000 == 0o100000 else { continue }
            let path = String(cString: pathPointer)
            guard prefix.isEmpty || path.hasPrefix(prefix) else { continue }
            files[String(path.dropFirst(prefix.count))] = try blob(entry.id, limit: limit)
        }
        return GitSnapshot(files: files, commit: nil)
    }

    private func collect(
        _ tree: GitTree, prefix: String, into files: inout [String: [UInt8]], limit: Int, depth: Int
    ) throws {
        guard depth < 64 else { return }
        for position in 0..<git_tree_entrycount(tree.pointer) {
            guard let entry = git_tree_entry_byindex(tree.pointer, position),
                let namePointer = git_tree_entry_name(entry), let id = git_tree_entry_id(entry)?.pointee
            else { continue }
            let path = prefix + String(cString: namePointer)
            switch git_tree_entry_filemode(entry) {
            case GIT_FILEMODE_TREE:
                var subtree: OpaquePointer?
                var subtreeID = id
                try check(git_tree_lookup(&subtree, pointer, &subtreeID), "cannot read \(path)")
                guard let subtree else { continue }
                try collect(
                    GitTree(subtree), prefix: path + "/", into: &files, limit: limit, depth: depth + 1)
            case GIT_FILEMODE_BLOB, GIT_FILEMODE_BLOB_EXECUTABLE:
                files[path] = try blob(id, limit: limit)
            default:
                continue
            }
        }
    }

    /// A blob's bytes, at most `limit + 1` of them.
    private func blob(_ id: git_oid, limit: Int) throws -> [UInt8] {
        var id = id
        var blob: OpaquePointer?
        try check(git_blob_lookup(&blob, pointer, &id), "cannot read a file's content (\(id.hex))")
        guard let blob else { return [] }
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard let content = git_blob_rawcontent(blob), size > 0 else { return [] }
        let count = min(size, limit + 1)
        return Array(UnsafeRawBufferPointer(start: content, count: count))
    }
}
