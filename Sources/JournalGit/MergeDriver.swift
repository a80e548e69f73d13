import CGit2
import Foundation
import JournalKit

/// journal's merge for entries, as git and libgit2 run it: `EntryMerge` for Markdown entries,
/// else git's own line merge (libgit2's copy of git's xdiff), with the same labels either way.
/// `journal sync` runs it in-process through libgit2's merge-driver interface; `git merge` and
/// `git pull` run `journal merge-driver` through the `merge.journal.driver` setting.
public enum MergeDriver {
    /// The name in `.gitattributes` (`*.md merge=journal`) and in `merge.journal.*`.
    public static let name = "journal"
    /// The line `journal init` writes into `.gitattributes`.
    public static let attributesLine = "*.md merge=\(name)"

    /// A merged file.
    public struct Merged: Sendable, Equatable {
        /// The file's bytes, with conflict markers where the sides disagree.
        public var bytes: [UInt8]
        /// Whether it merged without a conflict.
        public var clean: Bool
    }

    /// Merges one file: as an entry when it is one, else line by line as git does.
    public static func merge(
        base: [UInt8]?, ours: [UInt8], theirs: [UInt8], path: String, labels: MergeLabels
    )
        -> Merged
    {
        if let entry = EntryMerge.merge(base: base, ours: ours, theirs: theirs, path: path, labels: labels) {
            return Merged(bytes: entry.bytes, clean: entry.conflicts == 0)
        }
        return lineMerge(base: base ?? [], ours: ours, theirs: theirs, path: path, labels: labels)
    }

    /// git's three-way line merge (`git merge-file`). A binary side is not merged: ours is kept
    /// and the file stays conflicted, as git does.
    public static func lineMerge(
        base: [UInt8], ours: [UInt8], theirs: [UInt8], path: String, labels: MergeLabels
    )
        -> Merged
    {
        _ = GitLibrary.initialised
        if [base, ours, theirs].contains(where: { $0.contains(0) }) {
            return Merged(bytes: ours, clean: false)
        }
        var options = git_merge_file_options()
        guard git_merge_file_options_init(&options, UInt32(GIT_MERGE_FILE_OPTIONS_VERSION)) == 0 else {
            return Merged(bytes: ours, clean: false)
        }
        var result = git_merge_file_result()
        defer { git_merge_file_result_free(&result) }
        let code = base.withUnsafeBufferPointer { b in
            ours.withUnsafeBufferPointer { o in
                theirs.withUnsafeBufferPointer { t in
                    path.withCString { path in
                        labels.ours.withCString { ourLabel in
                            labels.theirs.withCString { theirLabel in
                                var inputs = [b, o, t].map { buffer in
                                    var input = git_merge_file_input()
                                    _ = git_merge_file_input_init(
                                        &input, UInt32(GIT_MERGE_FILE_INPUT_VERSION))
                                    input.ptr = buffer.baseAddress.map {
                                        UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)
                                    }
                                    input.size = buffer.count
                                    input.path = path
                                    input.mode = 0o100644
                                    return input
                                }
                                options.our_label = ourLabel
                                options.their_label = theirLabel
                                return git_merge_file(&result, &inputs[0], &inputs[1], &inputs[2], &options)
                            }
                        }
                    }
                }
            }
        }
        guard code == 0, let pointer = result.ptr else {
            return Merged(bytes: code == 0 ? [] : ours, clean: code == 0 && result.automergeable != 0)
        }
        let bytes = Array(UnsafeRawBufferPointer(start: pointer, count: result.len))
        return Merged(bytes: bytes, clean: result.automergeable != 0)
    }

    // MARK: - Inside libgit2's merges

    /// Registers the driver with libgit2 once per process; true when libgit2 knows it.
    static let registered: Bool = {
        _ = GitLibrary.initialised
        let driver = UnsafeMutablePointer<git_merge_driver>.allocate(capacity: 1)
        driver.initialize(to: git_merge_driver())
        driver.pointee.version = UInt32(GIT_MERGE_DRIVER_VERSION)
        driver.pointee.apply = applyDriver
        let code = git_merge_driver_register(name, driver)
        return code == 0 || code == GIT_EEXISTS.rawValue
    }()
}

/// libgit2's call for a file both sides changed: journal's merge, or back to libgit2's line
/// merge (`GIT_PASSTHROUGH`) for what is not an entry.
private func applyDriver(
    _ driver: UnsafeMutablePointer<git_merge_driver>?,
    _ pathOut: UnsafeMutablePointer<UnsafePointer<CChar>?>?,
    _ modeOut: UnsafeMutablePointer<UInt32>?, _ mergedOut: UnsafeMutablePointer<git_buf>?,
    _ filterName: UnsafePointer<CChar>?, _ source: OpaquePointer?
) -> Int32 {
    let passThrough = GIT_PASSTHROUGH.rawValue
    guard let source, let pathOut, let modeOut, let mergedOut,
        let repository = git_merge_driver_source_repo(source),
        let ours = git_merge_driver_source_ours(source), let theirs = git_merge_driver_source_theirs(source),
        let pathPointer = ours.pointee.path
    else { return passThrough }
    let path = String(cString: pathPointer)
    guard EntryMerge.applies(to: path) else { return passThrough }
    func content(_ entry: UnsafePointer<git_index_entry>) -> [UInt8]? {
        var id = entry.pointee.id
        var blob: OpaquePointer?
        guard git_blob_lookup(&blob, repository, &id) == 0, let blob else { return nil }
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size <= EntryMerge.sizeLimit else { return nil }
        guard let raw = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: raw, count: size))
    }
    let ancestor = git_merge_driver_source_ancestor(source)
    guard let oursBytes = content(ours), let theirsBytes = content(theirs) else { return passThrough }
    var baseBytes: [UInt8]?
    if let ancestor {
        guard let bytes = content(ancestor) else { return passThrough }
        baseBytes = bytes
    }
    // A conflict is only noted here: the caller writes the file, with its own labels, from
    // the three versions libgit2 keeps in the merged index.
    guard
        let result = EntryMerge.merge(
            base: baseBytes, ours: oursBytes, theirs: theirsBytes, path: path,
            labels: MergeLabels(ours: "ours", theirs: "theirs"))
    else { return passThrough }
    if result.conflicts > 0 { return GIT_EMERGECONFLICT.rawValue }
    guard let buffer = malloc(result.bytes.count + 1)?.assumingMemoryBound(to: CChar.self) else {
        return passThrough
    }
    result.bytes.withUnsafeBytes { bytes in
        if let base = bytes.baseAddress { memcpy(buffer, base, bytes.count) }
    }
    buffer[result.bytes.count] = 0
    mergedOut.pointee.ptr = buffer
    mergedOut.pointee.size = result.bytes.count
    mergedOut.pointee.reserved = result.bytes.count + 1
    pathOut.pointee = UnsafePointer(pathPointer)
    modeOut.pointee = ours.pointee.mode
    return 0
}

extension GitRepository {
    /// The words on conflict markers, the same for `journal sync` and for git running
    /// `journal merge-driver`: who is merging (git's `user.name`), and the shared copy the
    /// branch follows, named as a person knows it (`github.com/ada/mentoring`), or `sharedCopy`
    /// when the sync knows it first.
    public func mergeLabels(sharedCopy: String? = nil) -> MergeLabels {
        let config = try? config()
        let name = config?.string("user.name").map { "\($0) (this computer)" } ?? "this computer"
        var theirs = sharedCopy.map { "\($0) (the shared copy)" } ?? "the other side"
        if sharedCopy == nil, let branchRef = try? headBranch(), branchRef.hasPrefix("refs/heads/") {
            let branch = String(branchRef.dropFirst("refs/heads/".count))
            if let remote = config?.string("branch.\(branch).remote"),
                let merge = config?.string("branch.\(branch).merge"), merge.hasPrefix("refs/heads/")
            {
                let place =
                    remoteURL(remote).map(sharedCopyName)
                    ?? "\(remote)/\(merge.dropFirst("refs/heads/".count))"
                theirs = "\(place) (the shared copy)"
            }
        }
        return MergeLabels(ours: name, theirs: theirs)
    }

    /// Whether git knows how to run journal's merge (`merge.journal.driver` is set).
    public var hasMergeDriver: Bool {
        (try? config().string("merge.\(MergeDriver.name).driver")) != nil
    }

    /// Tells git how to run journal's merge (in this repository's own configuration):
    /// `binary` by its full path, else `journal` on PATH, else git's line merge, so that a
    /// merge never stops because journal went missing.
    public func installMergeDriver(binary: String) throws {
        let config = try localConfig()
        try config.set(
            "merge.\(MergeDriver.name).name", "journal: entries merged by field, section and action item")
        try config.set("merge.\(MergeDriver.name).driver", Self.mergeDriverCommand(binary: binary))
    }

    /// The shell command git runs for the driver; `%O %A %B %P` are git's (quoted by git).
    public static func mergeDriverCommand(binary: String) -> String {
        let quoted = "'" + binary.replacingOccurrences(of: "'", with: "'\\''") + "'"
        return "if [ -x \(quoted) ]; then \(quoted) merge-driver %O %A %B %P; "
            + "elif command -v journal >/dev/null 2>&1; then journal merge-driver %O %A %B %P; "
            + "else git merge-file -L 'this computer' -L base -L 'the other side' %A %O %B; fi"
    }

    func localConfig() throws -> GitConfig {
        let config = try config()
        var local: OpaquePointer?
        try check(
            git_config_open_level(&local, config.pointer, GIT_CONFIG_LEVEL_LOCAL), "cannot open .git/config")
        guard let local else { throw GitError(.other, "cannot open .git/config") }
        return GitConfig(local)
    }
}
