import CGit2
import Foundation
import JournalKit

extension GitRepository {
    /// A merge without conflicts, computed in memory and written file by file: each file is
    /// written whole (temporary file, flushed, renamed) and only when it still holds what was
    /// last saved, checked just before it is replaced, so a line typed during the sync is never
    /// overwritten. Returns false, having written nothing, when the merge has conflicts or a
    /// file in its way changed (the caller then merges as before, which refuses to overwrite);
    /// throws when a file changed halfway, after putting back the files already written.
    func mergeWritingWholeFiles(
        head: GitCommit, theirs: git_oid, options: inout git_merge_options, message: String
    ) throws -> Bool {
        let theirID = theirs
        let their = try commit(theirID)
        var merged: OpaquePointer?
        let code = git_merge_commits(&merged, pointer, head.pointer, their.pointer, &options)
        guard code == 0, let merged else { return false }
        let mergedIndex = GitIndex(merged)
        if git_index_has_conflicts(mergedIndex.pointer) != 0 { return false }
        var treeID = git_oid()
        guard git_index_write_tree_to(&treeID, mergedIndex.pointer, pointer) == 0 else { return false }
        var treePointer: OpaquePointer?
        guard git_tree_lookup(&treePointer, pointer, &treeID) == 0, let treePointer else { return false }
        let tree = GitTree(treePointer)
        let headTree = try head.tree()
        let changes = try changedPaths(from: head, to: tree)

        // Every file to write must hold what was last saved (or not exist when it is new).
        func holdsLastSaved(_ path: String) -> Bool {
            let file = workdir.appendingPathComponent(path).path
            guard let saved = blobEntry(headTree, path) else {
                return !FileManager.default.fileExists(atPath: file)
            }
            var current = git_oid()
            return git_repository_hashfile(&current, pointer, file, GIT_OBJECT_BLOB, nil) == 0
                && current == saved.id
        }
        guard changes.allSatisfy({ holdsLastSaved($0.path) }) else { return false }

        try beginWrites(changes.map(\.path), target: theirID, merging: false)
        var written: [String] = []
        for change in changes {
            // Checked again once the new file is on disk, just before it takes the name.
            guard try writeWhole(change.path, from: tree, unless: { !holdsLastSaved(change.path) }) else {
                // Changed a moment ago: the person's words stay; what was written goes back.
                for path in written { _ = try? writeWhole(path, from: headTree) }
                finishWrites()
                throw GitError(
                    .wouldOverwrite,
                    "\(change.path) changed while journal was combining your partner's changes with yours, so "
                        + "journal left it as you wrote it and changed nothing else. Nothing was sent and "
                        + "nothing is lost: run `journal sync` again")
            }
            written.append(change.path)
        }
        // git's index takes the merged tree, and the merge is recorded as `journal sync` always
        // recorded it: a commit with both parents.
        let index = try self.index()
        try check(git_index_read_tree(index.pointer, tree.pointer), "cannot record the merge")
        for path in written
        where FileManager.default.fileExists(atPath: workdir.appendingPathComponent(path).path) {
            git_index_add_bypath(index.pointer, path)
        }
        try writeIndex(index)
        let mergeHead = commonDirectory.appendingPathComponent("MERGE_HEAD")
        do {
            try AtomicFile.write(
                Array((theirID.hex + "\n").utf8), to: mergeHead.path, mode: 0o644, replacing: true)
        } catch {
            throw GitError(.other, "cannot record the merge: \(error)")
        }
        guard try commitIndex(message: message) != nil else {
            throw GitError(.other, "cannot record the merge")
        }
        finishWrites()
        return true
    }

    /// Writes `path` as `tree` has it, whole, or removes it when the tree has none; false, with
    /// nothing changed, when `changed` says the file changed meanwhile.
    @discardableResult
    private func writeWhole(_ path: String, from tree: GitTree, unless changed: () -> Bool = { false }) throws
        -> Bool
    {
        let file = workdir.appendingPathComponent(path)
        guard let wanted = blobEntry(tree, path) else {
            if changed() { return false }
            unlink(file.path)
            return true
        }
        let bytes = try blobBytes(wanted.id)
        try? FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        do {
            return try AtomicFile.write(
                bytes, to: file.path, mode: wanted.mode, replacing: true, unless: changed)
        } catch {
            throw GitError(.other, "cannot write \(path): \(error)")
        }
    }
}
