import CGit2
import Foundation
import JournalKit

/// What a sync is about to write into the work tree, kept in `.git/journal-sync` (whole, and
/// flushed to disk) until the writing is done. A sync cut short there (a power cut, a closed
/// laptop, a kill) leaves it behind, and the next command that reads or records the files
/// (`sync`, `commit`, `status`) first puts every file it names back as the last saved change
/// has it, keeping aside what was there. So a half-written file is never taken for a person's
/// change, and no word is lost: a file that holds more than either version is kept in
/// `.git/journal-recovered/`.
struct SyncRecord: Codable {
    /// The process that wrote it.
    var pid: Int32
    /// The commit whose changes were being written (their side), as hexadecimal.
    var target: String
    /// The work-tree paths the step may write.
    var paths: [String]
    /// Whether the step was a merge (which leaves git's merge state behind).
    var merging: Bool
    /// When the sync started (seconds since 1970): a lock file no older is its own.
    var started: Double?

    static let name = "journal-sync"
}

/// What was done about an interrupted sync, for the person to be told.
public struct SyncRecovery: Sendable, Equatable {
    /// Files put back as the last saved change has them.
    public var restored: [String]
    /// Where what was in them before is kept, when anything was.
    public var keptAside: String?
    /// Whether an unfinished merge of that sync was abandoned (the next sync does it again).
    public var mergeUndone: Bool

    /// In plain words.
    public var summary: String {
        var text: String
        if restored.isEmpty {
            text = "an earlier sync was cut short while it combined your partner's changes with yours"
        } else {
            text =
                "an earlier sync was cut short while it wrote "
                + (restored.count == 1 ? "1 file" : "\(restored.count) files")
                + "; journal put \(restored.count == 1 ? "it" : "them") back as last saved"
            if let keptAside { text += " and kept what was in them in \(keptAside)" }
        }
        text += mergeUndone ? ", and brings in your partner's changes again" : ""
        return text + ". Nothing is lost."
    }
}

extension GitRepository {
    private var syncRecordURL: URL { commonDirectory.appendingPathComponent(SyncRecord.name) }

    /// Notes that this process is about to write `paths` for `target`; durable before it returns.
    func beginWrites(_ paths: [String], target: git_oid, merging: Bool) throws {
        let earlier = FileManager.default.contents(atPath: syncRecordURL.path).flatMap {
            try? JSONDecoder().decode(SyncRecord.self, from: $0)
        }
        let started = earlier?.pid == getpid() ? earlier?.started : nil
        let record = SyncRecord(
            pid: getpid(), target: target.hex, paths: paths, merging: merging,
            started: started ?? Date().timeIntervalSince1970)
        let data = (try? JSONEncoder().encode(record)) ?? Data()
        do {
            try AtomicFile.write(Array(data), to: syncRecordURL.path, mode: 0o644, replacing: true)
        } catch {
            throw GitError(.other, "cannot note what the sync writes in \(syncRecordURL.path): \(error)")
        }
    }

    /// A sync starts: noted (with no file yet), so that the locks it may leave if it is cut
    /// short are known to be its own.
    func beginSync() throws {
        try beginWrites([], target: git_oid(), merging: false)
    }

    /// The files are written; the sync goes on (to send), with nothing to put back.
    func finishWrites() {
        _ = try? beginWrites([], target: git_oid(), merging: false)
    }

    /// The sync is over: nothing to recover.
    func endWrites() {
        unlink(syncRecordURL.path)
    }

    /// Whether the record of a sync still lists files being written.
    func isWriting() -> Bool {
        guard let data = FileManager.default.contents(atPath: syncRecordURL.path),
            let record = try? JSONDecoder().decode(SyncRecord.self, from: data)
        else { return false }
        return !record.paths.isEmpty
    }

    /// Whether process `pid` is alive and is a journal (its number may since have gone to another
    /// program, which is no sync).
    public static func isJournal(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        guard let line = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return true }
        let program = line.split(separator: 0).first.map { String(decoding: $0, as: UTF8.self) } ?? ""
        return program.hasSuffix("journal")
    }

    /// The paths where HEAD's tree and `other`'s differ: what bringing `other` in may write.
    func pathsDiffering(from other: git_oid) throws -> [String] {
        let theirs = try commit(other)
        guard let head = try headCommit() else { return [] }
        let changes = try changedPaths(from: head, to: try theirs.tree())
        return changes.map(\.path)
    }

    /// Finishes what an interrupted sync left: every file it was writing is put back as HEAD
    /// has it (what was there, when it was neither version, is kept aside), an abandoned merge
    /// is undone, and the lock file the dead sync held is removed. Nil when no sync was
    /// interrupted. A sync still running in another process is left alone (and said).
    public func recoverInterruptedSync() throws -> SyncRecovery? {
        guard let data = FileManager.default.contents(atPath: syncRecordURL.path) else { return nil }
        guard let record = try? JSONDecoder().decode(SyncRecord.self, from: data) else {
            // Half a record: no file was written yet (the record is written whole first).
            endWrites()
            return nil
        }
        if record.pid != getpid(), Self.isJournal(record.pid) {
            throw GitError(
                .locked,
                "another journal sync is running in this folder (process \(record.pid)): wait for it to "
                    + "finish, then try again. If none is running, delete \(syncRecordURL.path)")
        }
        // Lock files the killed sync left (git's index, a branch, a remote branch; in a shared
        // copy that is a folder, its branches) are removed when no process holds them open and
        // they are no older than the sync.
        let since = Date(timeIntervalSince1970: record.started ?? 0).addingTimeInterval(-2)
        var folders = [commonDirectory]
        for name in remoteNames() {
            if let url = remoteURL(name), let folder = localRemoteFolder(url) {
                folders.append(URL(fileURLWithPath: folder))
            }
        }
        for folder in folders { StaleLocks.remove(in: folder, since: since) }
        // The temporary files of whole-file writes it did not finish.
        for folder in Set(record.paths.map { workdir.appendingPathComponent($0).deletingLastPathComponent() })
        {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            where AtomicFile.isTemporary(name) {
                let file = folder.appendingPathComponent(name)
                let changed =
                    (try? FileManager.default.attributesOfItem(atPath: file.path))?[.modificationDate]
                    as? Date
                if let changed, changed >= since { unlink(file.path) }
            }
        }

        let head = try headCommit()
        let headTree = try head?.tree()
        var theirsID = git_oid()
        let theirsTree: GitTree? =
            git_oid_fromstr(&theirsID, record.target) == 0 ? try? commit(theirsID).tree() : nil
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
        let aside = commonDirectory.appendingPathComponent("journal-recovered/\(stamp)")
        var restored: [String] = []
        var keptAny = false
        for path in record.paths {
            let file = workdir.appendingPathComponent(path).path
            let ours = headTree.flatMap { blobEntry($0, path) }
            let theirs = theirsTree.flatMap { blobEntry($0, path) }
            let exists = FileManager.default.fileExists(atPath: file)
            var current = git_oid()
            let hashed = exists && git_repository_hashfile(&current, pointer, file, GIT_OBJECT_BLOB, nil) == 0
            if let ours, hashed, current == ours.id { continue }
            if ours == nil && !exists { continue }
            // Neither what was saved nor what was coming, and not empty: keep it aside.
            let isTheirs = theirs.map { hashed && current == $0.id } ?? false
            if hashed, !isTheirs, let bytes = FileManager.default.contents(atPath: file), !bytes.isEmpty {
                let copy = aside.appendingPathComponent(path)
                try? FileManager.default.createDirectory(
                    at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
                try? AtomicFile.write(Array(bytes), to: copy.path, mode: 0o600, replacing: true)
                keptAny = true
            }
            if let ours {
                let bytes = try blobBytes(ours.id)
                do {
                    try AtomicFile.write(bytes, to: file, mode: ours.mode, replacing: true)
                } catch {
                    throw GitError(.other, "cannot put \(path) back as last saved: \(error)")
                }
            } else {
                unlink(file)
            }
            restored.append(path)
        }
        var mergeUndone = false
        if record.merging {
            // The merge is done again by the next sync, from a clean start: git's index as
            // HEAD has it (it may already hold the merge), and no merge in progress.
            let index = try self.index()
            if let headTree {
                try check(git_index_read_tree(index.pointer, headTree.pointer), "cannot undo the merge")
                try writeIndex(index)
            }
            if isMerging {
                git_repository_state_cleanup(pointer)
                mergeUndone = true
            }
        }
        endWrites()
        // Cut short before it wrote a file: nothing to tell but the locks already removed.
        guard !restored.isEmpty || mergeUndone else { return nil }
        return SyncRecovery(
            restored: restored, keptAside: keptAny ? aside.path : nil, mergeUndone: mergeUndone)
    }

    /// The blob `tree` holds at `path`, with the permission bits a file of it gets.
    func blobEntry(_ tree: GitTree, _ path: String) -> (id: git_oid, mode: mode_t)? {
        var entry: OpaquePointer?
        guard git_tree_entry_bypath(&entry, tree.pointer, path) == 0, let entry else { return nil }
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB, let id = git_tree_entry_id(entry) else {
            return nil
        }
        let mode =
            git_tree_entry_filemode(entry) == GIT_FILEMODE_BLOB_EXECUTABLE ? mode_t(0o755) : mode_t(0o644)
        return (id.pointee, mode)
    }

    /// A blob's bytes.
    func blobBytes(_ id: git_oid) throws -> [UInt8] {
        var id = id
        var blob: OpaquePointer?
        try check(git_blob_lookup(&blob, pointer, &id), "cannot read a saved file")
        guard let blob else { throw GitError(.other, "cannot read a saved file") }
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let raw = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: raw, count: size))
    }
}

/// Lock files git leaves when a process holding them dies: found under a repository's own
/// folder (its top and `refs/`), and removed only when no process has them open.
enum StaleLocks {
    static func remove(in folder: URL, since: Date) {
        var candidates: [URL] = []
        let top = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        candidates += top.filter { $0.hasSuffix(".lock") }.map { folder.appendingPathComponent($0) }
        if let walker = FileManager.default.enumerator(atPath: folder.appendingPathComponent("refs").path) {
            while let name = walker.nextObject() as? String {
                if name.hasSuffix(".lock") {
                    candidates.append(folder.appendingPathComponent("refs/" + name))
                }
            }
        }
        guard !candidates.isEmpty else { return }
        let held = openFiles()
        for lock in candidates {
            let changed =
                (try? FileManager.default.attributesOfItem(atPath: lock.path))?[.modificationDate] as? Date
            guard let changed, changed >= since, !held.contains(lock.resolvingSymlinksInPath().path) else {
                continue
            }
            unlink(lock.path)
        }
    }

    /// Every file some process of this computer has open, from /proc.
    static func openFiles() -> Set<String> {
        var files: Set<String> = []
        let processes = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for process in processes where process.allSatisfy(\.isNumber) {
            let descriptors = "/proc/\(process)/fd"
            for descriptor in (try? FileManager.default.contentsOfDirectory(atPath: descriptors)) ?? [] {
                if let target = try? FileManager.default.destinationOfSymbolicLink(
                    atPath: descriptors + "/" + descriptor)
                {
                    files.insert(target)
                }
            }
        }
        return files
    }
}
