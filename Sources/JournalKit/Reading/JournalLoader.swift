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

    /// The journal holding `start`, or nil where there is none: a journal is a folder with a
    /// `.journal.yml`, a mentorship (a folder with an `agreement.md`), or a folder whose own
    /// folders include a mentorship; `start` may be anywhere inside one. Elsewhere (a home
    /// folder, a folder of projects) nothing is read, rather than every folder below.
    public static func locate(from start: URL) -> URL? {
        let fileManager = FileManager.default
        let root = findRoot(from: start)
        func has(_ folder: URL, _ name: String) -> Bool {
            fileManager.fileExists(atPath: folder.appendingPathComponent(name).path)
        }
        if has(root, ".journal.yml") || has(root, "agreement.md") { return root }
        let children = (try? fileManager.contentsOfDirectory(atPath: root.path)) ?? []
        for child in children where !child.hasPrefix(".") {
            if has(root.appendingPathComponent(child), "agreement.md") { return root }
        }
        return nil
    }

    /// Reads the journal at `root`; with a cache location, files unchanged since an earlier
    /// run are taken from the cache instead of being parsed again.
    public static func load(root: URL, cache location: ParseCache.Location? = nil) -> Journal {
        loadCounting(root: root, cache: location).journal
    }

    /// Reads a journal from another source than its folder: files as committed at a revision,
    /// as staged, or edited but unsaved. `root` names the journal (its last component is the
    /// id of a mentorship at the root); nothing is read from the disk and nothing is cached.
    public static func load(source: some JournalSource, root: URL, memo: EntryMemo? = nil) -> Journal {
        var walk = Walk(root: root, source: source)
        walk.run()
        let files = walk.entryFiles
        let parsed = concurrentMap(files.count) { index in
            let file = files[index]
            let read = source.read(file.path)
            if let memo, case .bytes(let bytes) = read,
                let entry = memo.entry(file.path, kind: file.kind, bytes: bytes)
            {
                return entry
            }
            let entry = parse(read, file: file, privacy: { source.privacy(of: file.path) })
            if let memo, case .bytes(let bytes) = read { memo.keep(entry, bytes: bytes) }
            return entry
        }
        return assemble(root: root, walk: walk, parsed: parsed)
    }

    /// `load`, also saying how many entries came from the cache.
    static func loadCounting(root: URL, cache location: ParseCache.Location?) -> (
        journal: Journal, reused: Int
    ) {
        let root = URL(fileURLWithPath: realPath(root.path) ?? root.standardizedFileURL.path)
        var walk = Walk(root: root, source: FolderSource(root: root))
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
        let reused = results.count { if case .reused = $0.1 { true } else { false } }
        return (assemble(root: root, walk: walk, parsed: parsed), reused)
    }

    /// The journal from the walk's mentorships and the parsed entries, in the walk's order.
    private static func assemble(root: URL, walk: Walk, parsed: [Entry]) -> Journal {
        let files = walk.entryFiles
        var byMentorship: [String: [Entry]] = [:]
        for (file, entry) in zip(files, parsed) {
            byMentorship[file.mentorship, default: []].append(entry)
        }
        let mentorships = walk.mentorships.map { path -> Mentorship in
            let entries = (byMentorship[path] ?? []).sorted {
                ($0.kind == .agreement ? 0 : 1, $0.path) < ($1.kind == .agreement ? 0 : 1, $1.path)
            }
            // Never where the clone happens to be: the agreement's id, else the folder's name,
            // else (the root is the mentorship) the pair's handles.
            let agreement = entries.first { $0.kind == .agreement }?.agreement
            let id =
                agreement?.id
                ?? (path == "."
                    ? agreement?.pairID ?? root.lastPathComponent
                    : String(path.split(separator: "/").last ?? ""))
            return Mentorship(id: id, path: path, entries: entries)
        }
        return Journal(
            root: root, mentorships: mentorships, diagnostics: walk.diagnostics, fileCount: files.count)
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
        let entry = parse(readFile(absolute), file: file, privacy: { Privacy.ofFile(at: absolute) })
        return (entry, cache?.outcome(parsedWith: identity) ?? .none)
    }

    /// An entry from what reading its file gave; `privacy` is asked only when the file could
    /// not be read whole.
    private static func parse(_ read: FileRead, file: Walk.File, privacy: () -> Privacy) -> Entry {
        guard case .bytes(let bytes) = read else {
            var entry = EntryParser.parse(path: file.path, kind: file.kind, bytes: [])
            entry.privacy = privacy()
            entry.diagnostics = [
                read == .unreadable
                    ? FileUnreadableRule.problem(
                        file.path, at: .fileStart, "the file cannot be read (check its permissions)")
                    : FileTooLargeRule.problem(
                        file.path, at: .fileStart,
                        "the file is \(megabytes(read.size)) MB; entries above "
                            + "\(megabytes(maxFileSize)) MB are not read (journal leaves the file as it is): "
                            + "split it into several entries, or move what was pasted in by mistake out of it"
                    )
            ]
            return entry
        }
        return EntryParser.parse(path: file.path, kind: file.kind, bytes: bytes)
    }

    /// A size in megabytes with one decimal, as a person reads it: "1.0", "17.3".
    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// What reading a file gave.
    public enum FileRead: Equatable, Sendable {
        /// The whole file.
        case bytes([UInt8])
        /// Larger than `maxFileSize`: its size.
        case tooLarge(Int)
        /// Not a regular file, or refused.
        case unreadable

        /// A file held in memory, as reading it from disk would give it.
        init(held bytes: [UInt8]) {
            self = bytes.count > maxFileSize ? .tooLarge(bytes.count) : .bytes(bytes)
        }

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

    let root: URL
    let source: any JournalSource
    var mentorships: [String] = []
    var entryFiles: [File] = []
    var diagnostics: [Diagnostic] = []

    init(root: URL, source: any JournalSource) {
        self.root = root
        self.source = source
    }

    mutating func run() {
        visit(relative: ".", mentorship: nil, depth: 0)
        mentorships.sort()
        entryFiles.sort { $0.path < $1.path }
    }

    private func join(_ base: String, _ name: String) -> String { base == "." ? name : base + "/" + name }

    private mutating func visit(relative: String, mentorship enclosing: String?, depth: Int) {
        guard depth < 64, let listed = source.list(relative) else { return }
        var mentorship = enclosing
        if let agreement = listed.first(where: { $0.name == "agreement.md" }),
            isRegularFile(join(relative, "agreement.md"), type: agreement.kind)
        {
            if let outer = enclosing {
                diagnostics.append(
                    MentorshipNestedRule.problem(
                        join(relative, "agreement.md"), at: .fileStart,
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
            if item.kind == .link {
                checkLink(child)
                continue
            }
            if item.kind == .folder {
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
        guard let listed = source.list(folder) else { return }
        for item in listed where !item.name.hasPrefix(".") {
            let child = join(folder, item.name)
            switch item.kind {
            case .folder where item.name != "templates":
                visit(relative: child, mentorship: mentorship, depth: depth + 1)
            case .file, .link:
                guard item.name.hasSuffix(".md"), item.name.lowercased() != "readme.md",
                    isRegularFile(child, type: item.kind)
                else { continue }
                entryFiles.append(File(path: child, mentorship: mentorship, kind: kind))
            default:
                continue
            }
        }
    }

    /// Whether a listed name is a regular file, following a link only inside the root.
    private mutating func isRegularFile(_ relative: String, type: SourceItem.Kind) -> Bool {
        if type == .link { return checkLink(relative) }
        return type == .file
    }

    /// Whether a link leads to a regular file inside the root; a link out of the root is
    /// reported and never read; links to folders are not followed (no cycles).
    @discardableResult
    private mutating func checkLink(_ relative: String) -> Bool {
        switch source.linkTarget(relative) {
        case .insideFile: return true
        case .elsewhere: return false
        case .outside:
            if relative.hasSuffix(".md"), !diagnostics.contains(where: { $0.path == relative }) {
                diagnostics.append(
                    FileOutsideLinkRule.problem(
                        relative, at: .fileStart,
                        "a symbolic link that leads out of the journal; it is not read"))
            }
            return false
        }
    }
}
