import CGit2
import Foundation
import JournalKit

/// How a file conflicts, as the merge found it.
public enum ConflictKind: String, Sendable, Equatable {
    /// Both sides changed the same lines: the file holds both versions between markers.
    case bothChanged
    /// One side changed the file, the other deleted it: the changed version is kept to decide on.
    case changedAndDeleted
}

extension GitRepository {
    /// How each conflicted path of git's index conflicts (a merge left by an earlier sync).
    public func conflictKinds() throws -> [String: ConflictKind] {
        var kinds: [String: ConflictKind] = [:]
        try eachConflict(try index()) { ancestor, ours, theirs in
            guard let path = ours?.pointee.path ?? theirs?.pointee.path ?? ancestor?.pointee.path else {
                return
            }
            kinds[String(cString: path)] = ours != nil && theirs != nil ? .bothChanged : .changedAndDeleted
        }
        return kinds
    }

    /// What one merged file becomes in the work tree.
    private enum MergedFile {
        /// As the merge's blob has it.
        case blob(git_oid, mode_t)
        /// journal's merge with its conflict markers, or the side that kept a file the other
        /// deleted: the person's to resolve.
        case conflicted([UInt8], mode_t)
        /// Removed by the merge.
        case removed
    }

    /// The three-way merge of `theirs` into HEAD, computed in memory (entries as journal merges
    /// them, other files as git does) and only then written, file by file: each file whole
    /// (temporary file, flushed, renamed) and only when it still holds what was last saved,
    /// checked again just before it is replaced, so a line typed during the sync is never
    /// overwritten. Without conflicts the merge is committed; with conflicts, the files carry
    /// journal's markers, git's index the three versions, and the merge stays in progress for
    /// the person to resolve. Returns the conflicted paths. Throws, having changed nothing,
    /// when a file in the merge's way is not as last saved, or changed while it was written.
    func mergeInMemory(
        head: GitCommit, theirs: git_oid, options: inout git_merge_options, labels: MergeLabels,
        message: String
    ) throws -> [(path: String, kind: ConflictKind)] {
        let their = try commit(theirs)
        var merged: OpaquePointer?
        try check(
            git_merge_commits(&merged, pointer, head.pointer, their.pointer, &options),
            "cannot merge the remote's changes")
        guard let merged else { throw GitError(.other, "cannot merge the remote's changes") }
        let mergedIndex = GitIndex(merged)
        let headTree = try head.tree()
        try settleVaultFiles(mergedIndex)

        var plan: [(path: String, file: MergedFile)] = []
        let conflicts = try conflictedFiles(mergedIndex, labels: labels)
        plan += conflicts.map { ($0.path, .conflicted($0.bytes, $0.mode)) }
        let conflicted = Set(conflicts.map(\.path))
        for path in try pathsDiffering(from: theirs) where !conflicted.contains(path) {
            let saved = blobEntry(headTree, path)
            if let entry = git_index_get_bypath(mergedIndex.pointer, path, 0)?.pointee {
                let mode: mode_t = entry.mode == 0o100755 ? 0o755 : 0o644
                guard entry.mode == 0o100644 || entry.mode == 0o100755 else { continue }
                if let saved, saved.id == entry.id, saved.mode == mode { continue }
                plan.append((path, .blob(entry.id, mode)))
            } else if saved != nil {
                plan.append((path, .removed))
            }
        }

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
        if let inTheWay = plan.first(where: { !holdsLastSaved($0.path) }) {
            throw GitError(
                .wouldOverwrite,
                "\(inTheWay.path) here is not as it was last saved, and your partner's changes would "
                    + "replace it, so journal changed nothing and sent nothing. Move that file aside (or "
                    + "save it with `journal commit`) and run `journal sync` again")
        }

        // From here files are written: what is written is noted first (`SyncRecord`), so that a
        // sync cut short is undone by the next command, never taken for a person's change.
        try beginWrites(plan.map(\.path), target: theirs, merging: true)
        var written: [String] = []
        for (path, file) in plan {
            // Checked again once the new file is on disk, just before it takes the name.
            guard try write(path, file, unless: { !holdsLastSaved(path) }) else {
                // Changed a moment ago: the person's words stay; what was written goes back.
                for path in written { _ = try? writeWhole(path, from: headTree) }
                finishWrites()
                throw GitError(
                    .wouldOverwrite,
                    "\(path) changed while journal was combining your partner's changes with yours, so "
                        + "journal left it as you wrote it and changed nothing else. Nothing was sent and "
                        + "nothing is lost: run `journal sync` again")
            }
            written.append(path)
        }

        // The merge is recorded as git records one (MERGE_HEAD, MERGE_MSG), then git's index
        // takes the merged entries, with the three versions of each conflicted file.
        for (name, text) in [("MERGE_HEAD", theirs.hex + "\n"), ("MERGE_MSG", message + "\n")] {
            let file = commonDirectory.appendingPathComponent(name).path
            do {
                try AtomicFile.write(Array(text.utf8), to: file, mode: 0o644, replacing: true)
            } catch {
                throw GitError(.other, "cannot record the merge: \(error)")
            }
        }
        let index = try self.index()
        for (path, file) in plan {
            switch file {
            case .blob:
                guard let entry = git_index_get_bypath(mergedIndex.pointer, path, 0) else { continue }
                try check(git_index_add(index.pointer, entry), "cannot record the merge of \(path)")
            case .removed:
                try check(git_index_remove_bypath(index.pointer, path), "cannot record the merge of \(path)")
            case .conflicted: continue
            }
        }
        try eachConflict(mergedIndex) { ancestor, ours, theirs in
            try check(
                git_index_conflict_add(index.pointer, ancestor, ours, theirs), "cannot record the conflicts")
        }
        try writeIndex(index)
        if conflicts.isEmpty {
            guard try commitIndex(message: message) != nil else {
                throw GitError(.other, "cannot record the merge")
            }
        }
        // Every file is written: conflicts, if any, are the person's to resolve now.
        finishWrites()
        return conflicts.map { ($0.path, $0.kind) }.sorted { $0.path < $1.path }
    }

    /// The conflicted files of a merge computed in memory, each as journal writes it: an entry
    /// with journal's markers, another file with git's, or the version of the side that kept
    /// a file the other deleted.
    private func conflictedFiles(_ index: GitIndex, labels: MergeLabels) throws
        -> [(path: String, bytes: [UInt8], mode: mode_t, kind: ConflictKind)]
    {
        typealias Side = (id: git_oid, mode: UInt32)
        var sides: [(path: String, base: Side?, ours: Side?, theirs: Side?)] = []
        try eachConflict(index) { ancestor, ours, theirs in
            guard let path = ours?.pointee.path ?? theirs?.pointee.path ?? ancestor?.pointee.path else {
                return
            }
            func side(_ entry: UnsafePointer<git_index_entry>?) -> Side? {
                entry.map { ($0.pointee.id, $0.pointee.mode) }
            }
            sides.append((String(cString: path), side(ancestor), side(ours), side(theirs)))
        }
        return try sides.map { conflict in
            let mode: mode_t = (conflict.ours ?? conflict.theirs)?.mode == 0o100755 ? 0o755 : 0o644
            guard let ours = conflict.ours, let theirs = conflict.theirs else {
                // Changed on one side, deleted on the other: the changed version stays to decide on.
                let kept = conflict.ours ?? conflict.theirs
                return (conflict.path, try kept.map { try blobBytes($0.id) } ?? [], mode, .changedAndDeleted)
            }
            let merged = MergeDriver.merge(
                base: try conflict.base.map { try blobBytes($0.id) }, ours: try blobBytes(ours.id),
                theirs: try blobBytes(theirs.id), path: conflict.path, labels: labels)
            return (conflict.path, merged.bytes, mode, .bothChanged)
        }
    }

    /// A vault file two computers both changed is never a conflict of ciphertexts: the one merged
    /// in is taken (or the one kept, when the other side deleted it), and the private backup
    /// then merges the two entries' plaintexts from the base it kept (`PrivateBackup.refresh`).
    private func settleVaultFiles(_ index: GitIndex) throws {
        var taken: [(path: String, entry: git_index_entry)] = []
        try eachConflict(index) { _, ours, theirs in
            guard let kept = theirs ?? ours, case let path = String(cString: kept.pointee.path),
                VaultFiles.holds(path)
            else { return }
            taken.append((path, kept.pointee))
        }
        for (path, var entry) in taken {
            // The entry's own path points into the index's memory, gone with the conflict.
            try check(git_index_conflict_remove(index.pointer, path), "cannot merge \(path)")
            entry.flags &= ~UInt16(0x3000)  // stage 0
            try path.withCString { name in
                entry.path = name
                try check(git_index_add(index.pointer, &entry), "cannot merge \(path)")
            }
        }
    }

    /// Calls `body` with the three versions (any may be missing) of each conflicted path.
    private func eachConflict(
        _ index: GitIndex,
        _ body: (
            UnsafePointer<git_index_entry>?, UnsafePointer<git_index_entry>?, UnsafePointer<git_index_entry>?
        ) throws -> Void
    ) throws {
        guard git_index_has_conflicts(index.pointer) != 0 else { return }
        var iterator: OpaquePointer?
        try check(git_index_conflict_iterator_new(&iterator, index.pointer), "cannot list conflicts")
        guard let iterator else { return }
        defer { git_index_conflict_iterator_free(iterator) }
        var ancestor: UnsafePointer<git_index_entry>?
        var ours: UnsafePointer<git_index_entry>?
        var theirs: UnsafePointer<git_index_entry>?
        while git_index_conflict_next(&ancestor, &ours, &theirs, iterator) == 0 {
            try body(ancestor, ours, theirs)
        }
    }

    /// Writes one merged file whole; false, with nothing changed, when `changed` says the file
    /// changed meanwhile.
    private func write(_ path: String, _ file: MergedFile, unless changed: () -> Bool) throws -> Bool {
        let url = workdir.appendingPathComponent(path)
        let bytes: [UInt8]
        let mode: mode_t
        switch file {
        case .removed:
            if changed() { return false }
            unlink(url.path)
            return true
        case .blob(let id, let blobMode):
            bytes = try blobBytes(id)
            mode = blobMode
        case .conflicted(let merged, let mergedMode):
            bytes = merged
            mode = mergedMode
        }
        try? FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        do {
            return try AtomicFile.write(bytes, to: url.path, mode: mode, replacing: true, unless: changed)
        } catch {
            throw GitError(.other, "cannot write \(path): \(error)")
        }
    }

    /// Writes `path` as `tree` has it, whole, or removes it when the tree has none.
    private func writeWhole(_ path: String, from tree: GitTree) throws {
        if let saved = blobEntry(tree, path) {
            _ = try write(path, .blob(saved.id, saved.mode), unless: { false })
        } else {
            _ = try write(path, .removed, unless: { false })
        }
    }
}
