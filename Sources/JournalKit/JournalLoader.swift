import Foundation

/// Finds mentorships under a journal root and parses their entries, in parallel.
public enum JournalLoader {
    /// Files larger than this are reported, not read. A mentoring note is a few kilobytes; at
    /// this size the slowest Markdown a file can hold still renders in about a second
    /// (docs/performance.md, "Hostile files").
    public static let maxFileSize = 1024 * 1024

    /// The journal root for a starting folder: the nearest folder up holding `.journal.yml`,
    /// else the outermost mentorship the start is inside, else the start itself.
    public static func findRoot(from start: URL) -> URL {
        let fileManager = FileManager.default
        var mentorship: URL?
        var current = start.standardizedFileURL
        for _ in 0..<64 {
            if fileManager.fileExists(atPath: current.appendingPathComponent(".journal.yml").path) {
                return current
            }
            if fileManager.fileExists(atPath: current.appendingPathComponent("agreement.md").path) {
                mentorship = current
            }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { break }
            current = parent
        }
        return mentorship ?? start.standardizedFileURL
    }

    /// Reads the journal at `root`; with a cache location, files unchanged since an earlier
    /// run are taken from the cache instead of being parsed again.
    public static func load(root: URL, cache location: ParseCache.Location? = nil) -> Journal {
        loadCounting(root: root, cache: location).journal
    }

    /// `load`, also saying how many entries came from the cache.
    static func loadCounting(root: URL, cache location: ParseCache.Location?) -> (
        journal: Journal, reused: Int
    ) {
        let root = URL(fileURLWithPath: realPath(root.path) ?? root.standardizedFileURL.path)
        var walk = Walk(root: root)
        walk.run()
        let files = walk.entryFiles
        // `URL.path` is rebuilt on every call; the parse loop asks for it 20,000 times.
        let rootPath = root.path
        let cache = location.flatMap { ParseCache(location: $0, rootPath: rootPath) }
        let results = concurrentMap(files.count) { index in
            readEntry(rootPath: rootPath, file: files[index], cache: cache)
        }
        let parsed = results.map(\.0)
        cache?.save(paths: files.map(\.path), entries: parsed, outcomes: results.map(\.1))
        var byMentorship: [String: [Entry]] = [:]
        for (file, entry) in zip(files, parsed) {
            byMentorship[file.mentorship, default: []].append(entry)
        }
        let mentorships = walk.mentorships.map { path -> Mentorship in
            let entries = (byMentorship[path] ?? []).sorted {
                ($0.kind == .agreement ? 0 : 1, $0.path) < ($1.kind == .agreement ? 0 : 1, $1.path)
            }
            let id = path == "." ? root.lastPathComponent : String(path.split(separator: "/").last ?? "")
            return Mentorship(id: id, path: path, entries: entries)
        }
        let reused = results.count { if case .reused = $0.1 { true } else { false } }
        let journal = Journal(
            root: root, mentorships: mentorships, diagnostics: walk.diagnostics, fileCount: files.count)
        return (journal, reused)
    }

    private static func readEntry(
        rootPath: String, file: Walk.File, cache: ParseCache?
    ) -> (Entry, ParseCache.Outcome) {
        let absolute = rootPath + "/" + file.path
        var identity: ParseCache.Identity?
        if let cache {
            // Taken before reading: should the file change while it is read, the next run sees
            // a newer change time than the one kept, and parses it again.
            identity = ParseCache.Identity(path: absolute)
            if let identity, let (entry, range) = cache.entry(path: file.path, identity: identity) {
                return (entry, .reused(identity, range))
            }
        }
        let read = readFile(absolute)
        guard case .bytes(let bytes) = read else {
            var entry = EntryParser.parse(path: file.path, kind: file.kind, bytes: [])
            entry.privacy = Privacy.ofFile(at: absolute)
            entry.diagnostics = [
                read == .unreadable
                    ? Diagnostic(
                        rule: "file/unreadable", severity: .error, path: file.path, at: .fileStart,
                        message: "the file cannot be read (check its permissions)")
                    : Diagnostic(
                        rule: "file/too-large", severity: .error, path: file.path, at: .fileStart,
                        message: "the file is \(megabytes(read.size)) MB; entries above "
                            + "\(megabytes(maxFileSize)) MB are not read (journal leaves the file as it is): "
                            + "split it into several entries, or move what was pasted in by mistake out of it"
                    )
            ]
            return (entry, .none)
        }
        let entry = EntryParser.parse(path: file.path, kind: file.kind, bytes: bytes)
        return (entry, cache?.outcome(parsedWith: identity) ?? .none)
    }

    /// A size in megabytes with one decimal, as a person reads it: "1.0", "17.3".
    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// What reading a file gave.
    enum FileRead: Equatable {
        case bytes([UInt8])
        case tooLarge(Int)
        case unreadable

        var size: Int {
            switch self {
            case .bytes(let bytes): return bytes.count
            case .tooLarge(let size): return size
            case .unreadable: return 0
            }
        }
    }

    /// The whole file, read with one `open`, one `fstat` and as few `read`s as it takes:
    /// straight into the array the parser takes, without Foundation's `Data` in between.
    /// The size is checked on the open file, so a file that grows meanwhile is still bounded.
    /// With `truncating`, a larger file gives its first `limit` bytes instead of `.tooLarge`.
    static func readFile(_ path: String, limit: Int = maxFileSize, truncating: Bool = false) -> FileRead {
        // O_NONBLOCK: should a named pipe take the file's place after the walk, opening it
        // returns at once (and fstat refuses it) instead of waiting for a writer forever.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .unreadable }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return .unreadable }
        let expected = Int(status.st_size)
        if expected > limit && !truncating { return .tooLarge(expected) }
        var bytes = [UInt8](repeating: 0, count: min(max(expected, 0), limit) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                if count > limit {
                    guard truncating else { return .tooLarge(count) }
                    count = limit
                    break
                }
                bytes += [UInt8](repeating: 0, count: max(bytes.count, 4096))
            }
            let got = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return -1 }
                return read(descriptor, base + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return .unreadable
            }
            if got == 0 { break }
            count += got
        }
        bytes.removeSubrange(count...)
        return .bytes(bytes)
    }

    /// The path with links and `..` resolved, or the path itself when it does not exist.
    public static func resolve(_ path: String) -> String { realPath(path) ?? path }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// The directory walk: which folders are mentorships and which files are entries.
private struct Walk {
    struct File {
        var path: String
        var mentorship: String
        var kind: EntryKind
    }

    /// A name in a folder and its type, as the folder lists it.
    struct Listed {
        var name: String
        var type: UInt8
    }

    let root: URL
    let rootPath: String
    var mentorships: [String] = []
    var entryFiles: [File] = []
    var diagnostics: [Diagnostic] = []

    init(root: URL) {
        self.root = root
        self.rootPath = root.path
    }

    mutating func run() {
        visit(relative: ".", mentorship: nil, depth: 0)
        mentorships.sort()
        entryFiles.sort { $0.path < $1.path }
    }

    private func join(_ base: String, _ name: String) -> String { base == "." ? name : base + "/" + name }

    private func absolute(_ relative: String) -> String {
        relative == "." ? rootPath : rootPath + "/" + relative
    }

    /// The folder's names, sorted, with the type the folder records for each; one `readdir`
    /// pass instead of an `lstat` per file, which matters in a journal of 20,000 files.
    private func list(_ relative: String) -> [Listed]? {
        let path = absolute(relative)
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var result: [Listed] = []
        while let item = readdir(directory) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var type = item.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                // Some file systems do not record types in the folder.
                var status = stat()
                guard lstat(path + "/" + name, &status) == 0 else { continue }
                switch status.st_mode & S_IFMT {
                case S_IFREG: type = UInt8(DT_REG)
                case S_IFDIR: type = UInt8(DT_DIR)
                case S_IFLNK: type = UInt8(DT_LNK)
                default: continue
                }
            }
            result.append(Listed(name: name, type: type))
        }
        return result.sorted { $0.name < $1.name }
    }

    private mutating func visit(relative: String, mentorship enclosing: String?, depth: Int) {
        guard depth < 64, let listed = list(relative) else { return }
        var mentorship = enclosing
        if let agreement = listed.first(where: { $0.name == "agreement.md" }),
            isRegularFile(join(relative, "agreement.md"), type: agreement.type)
        {
            if let outer = enclosing {
                diagnostics.append(
                    Diagnostic(
                        rule: "mentorship/nested", severity: .error, path: join(relative, "agreement.md"),
                        at: .fileStart,
                        message:
                            "a mentorship inside the mentorship `\(outer)`; move it beside the other, not inside"
                    ))
            }
            mentorship = relative
            mentorships.append(relative)
            entryFiles.append(
                File(path: join(relative, "agreement.md"), mentorship: relative, kind: .agreement))
        }
        for item in listed {
            if item.name.hasPrefix(".") || item.name == "templates" { continue }
            let child = join(relative, item.name)
            if item.type == UInt8(DT_LNK) {
                checkLink(child)
                continue
            }
            if item.type == UInt8(DT_DIR) {
                if let mentorship, relative == mentorship, let kind = EntryKind(folder: item.name) {
                    collectEntries(folder: child, mentorship: mentorship, kind: kind, depth: depth + 1)
                } else {
                    visit(relative: child, mentorship: mentorship, depth: depth + 1)
                }
            }
        }
    }

    /// The entries of a `goals/`, `sessions/`, ... folder; its sub-folders are only searched
    /// for a nested mentorship.
    private mutating func collectEntries(folder: String, mentorship: String, kind: EntryKind, depth: Int) {
        guard let listed = list(folder) else { return }
        for item in listed where !item.name.hasPrefix(".") {
            let child = join(folder, item.name)
            switch item.type {
            case UInt8(DT_DIR) where item.name != "templates":
                visit(relative: child, mentorship: mentorship, depth: depth + 1)
            case UInt8(DT_REG), UInt8(DT_LNK):
                guard item.name.hasSuffix(".md"), item.name.lowercased() != "readme.md",
                    isRegularFile(child, type: item.type)
                else { continue }
                entryFiles.append(File(path: child, mentorship: mentorship, kind: kind))
            default:
                continue
            }
        }
    }

    /// Whether a listed name is a regular file, following a link only inside the root.
    private mutating func isRegularFile(_ relative: String, type: UInt8) -> Bool {
        if type == UInt8(DT_LNK) { return checkLink(relative) }
        return type == UInt8(DT_REG)
    }

    /// Whether a link leads to a regular file inside the root; a link out of the root is
    /// reported and never read; links to folders are not followed (no cycles).
    @discardableResult
    private mutating func checkLink(_ relative: String) -> Bool {
        guard let target = JournalLoader.realPath(absolute(relative)) else { return false }
        let inside = target == rootPath || target.hasPrefix(rootPath + "/")
        guard inside else {
            if relative.hasSuffix(".md"), !diagnostics.contains(where: { $0.path == relative }) {
                diagnostics.append(
                    Diagnostic(
                        rule: "file/outside-link", severity: .error, path: relative, at: .fileStart,
                        message: "a symbolic link that leads out of the journal; it is not read"))
            }
            return false
        }
        var status = stat()
        return stat(target, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }
}
