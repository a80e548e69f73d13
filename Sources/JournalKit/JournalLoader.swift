import Foundation

/// Finds mentorships under a journal root and parses their entries, in parallel.
public enum JournalLoader {
    /// Files larger than this are reported, not read.
    public static let maxFileSize = 16 * 1024 * 1024

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

    /// Reads the journal at `root`.
    public static func load(root: URL) -> Journal {
        let root = URL(fileURLWithPath: realPath(root.path) ?? root.standardizedFileURL.path)
        var walk = Walk(root: root)
        walk.run()
        let files = walk.entryFiles
        var parsed = [Entry?](repeating: nil, count: files.count)
        parsed.withUnsafeMutableBufferPointer { buffer in
            let results = UnsafeSendable(buffer)
            DispatchQueue.concurrentPerform(iterations: files.count) { index in
                let file = files[index]
                results.value[index] = readEntry(root: root, file: file)
            }
        }
        var byMentorship: [String: [Entry]] = [:]
        for (file, entry) in zip(files, parsed) {
            if let entry { byMentorship[file.mentorship, default: []].append(entry) }
        }
        let mentorships = walk.mentorships.map { path -> Mentorship in
            let entries = (byMentorship[path] ?? []).sorted {
                ($0.kind == .agreement ? 0 : 1, $0.path) < ($1.kind == .agreement ? 0 : 1, $1.path)
            }
            let id = path == "." ? root.lastPathComponent : String(path.split(separator: "/").last ?? "")
            return Mentorship(id: id, path: path, entries: entries)
        }
        return Journal(
            root: root, mentorships: mentorships, diagnostics: walk.diagnostics, fileCount: files.count)
    }

    private static func readEntry(root: URL, file: Walk.File) -> Entry {
        let path = root.path + "/" + file.path
        if file.size > maxFileSize {
            var entry = EntryParser.parse(path: file.path, kind: file.kind, bytes: [])
            entry.diagnostics = [
                Diagnostic(
                    rule: "file/too-large", severity: .error, path: file.path, at: .fileStart,
                    message: "the file is \(file.size / 1_048_576) MB; entries above 16 MB are not read")
            ]
            return entry
        }
        guard let bytes = readBytes(path, expected: file.size) else {
            var entry = EntryParser.parse(path: file.path, kind: file.kind, bytes: [])
            entry.diagnostics = [
                Diagnostic(
                    rule: "file/unreadable", severity: .error, path: file.path, at: .fileStart,
                    message: "the file cannot be read (check its permissions)")
            ]
            return entry
        }
        return EntryParser.parse(path: file.path, kind: file.kind, bytes: bytes)
    }

    /// The whole file, read with one `open` and as few `read`s as it takes: straight into the
    /// array the parser takes, without Foundation's `Data` in between.
    static func readBytes(_ path: String, expected: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: max(expected, 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes += [UInt8](repeating: 0, count: max(bytes.count, 4096)) }
            let got = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return -1 }
                return read(descriptor, base + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if got == 0 { break }
            count += got
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// The path with links and `..` resolved, or the path itself when it does not exist.
    public static func resolve(_ path: String) -> String { realPath(path) ?? path }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Lets `concurrentPerform` write each result into its own slot of one buffer.
private struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// The directory walk: which folders are mentorships and which files are entries.
private struct Walk {
    struct File {
        var path: String
        var mentorship: String
        var kind: EntryKind
        var size: Int
    }

    let root: URL
    var mentorships: [String] = []
    var entryFiles: [File] = []
    var diagnostics: [Diagnostic] = []

    init(root: URL) { self.root = root }

    mutating func run() {
        visit(relative: ".", mentorship: nil, depth: 0)
        mentorships.sort()
        entryFiles.sort { $0.path < $1.path }
    }

    private func join(_ base: String, _ name: String) -> String { base == "." ? name : base + "/" + name }

    private func absolute(_ relative: String) -> String {
        relative == "." ? root.path : root.path + "/" + relative
    }

    private func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    private mutating func visit(relative: String, mentorship enclosing: String?, depth: Int) {
        guard depth < 64 else { return }
        let directory = absolute(relative)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        var mentorship = enclosing
        if names.contains("agreement.md"), isRegularFile(join(relative, "agreement.md")) != nil {
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
            if let size = isRegularFile(join(relative, "agreement.md")) {
                entryFiles.append(
                    File(
                        path: join(relative, "agreement.md"), mentorship: relative, kind: .agreement,
                        size: size))
            }
        }
        for name in names.sorted() {
            if name.hasPrefix(".") || name == "templates" { continue }
            let child = join(relative, name)
            let path = absolute(child)
            var status = stat()
            guard lstat(path, &status) == 0 else { continue }
            let type = status.st_mode & S_IFMT
            if type == S_IFLNK {
                checkLink(child)
                continue
            }
            if type == S_IFDIR {
                if let mentorship, relative == mentorship, let kind = EntryKind(folder: name) {
                    collectEntries(folder: child, mentorship: mentorship, kind: kind)
                    // An entry folder may still hide a nested mentorship deeper down.
                    visitForNested(child, mentorship: mentorship, depth: depth + 1)
                } else {
                    visit(relative: child, mentorship: mentorship, depth: depth + 1)
                }
            }
        }
    }

    private mutating func visitForNested(_ relative: String, mentorship: String, depth: Int) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: absolute(relative)) else {
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") && name != "templates" {
            let child = join(relative, name)
            if isDirectory(absolute(child)) {
                visit(relative: child, mentorship: mentorship, depth: depth + 1)
            }
        }
    }

    private mutating func collectEntries(folder: String, mentorship: String, kind: EntryKind) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: absolute(folder)) else {
            return
        }
        for name in names.sorted() where name.hasSuffix(".md") && !name.hasPrefix(".") {
            if name.lowercased() == "readme.md" { continue }
            let child = join(folder, name)
            var status = stat()
            guard lstat(absolute(child), &status) == 0 else { continue }
            if status.st_mode & S_IFMT == S_IFLNK {
                guard let size = checkLink(child) else { continue }
                entryFiles.append(File(path: child, mentorship: mentorship, kind: kind, size: size))
            } else if status.st_mode & S_IFMT == S_IFREG {
                entryFiles.append(
                    File(path: child, mentorship: mentorship, kind: kind, size: Int(status.st_size)))
            }
        }
    }

    /// The size of a regular file (following a link only inside the root), else nil.
    private mutating func isRegularFile(_ relative: String) -> Int? {
        var status = stat()
        guard lstat(absolute(relative), &status) == 0 else { return nil }
        if status.st_mode & S_IFMT == S_IFLNK { return checkLink(relative) }
        return status.st_mode & S_IFMT == S_IFREG ? Int(status.st_size) : nil
    }

    /// A link to a regular file inside the root gives that file's size; a link out of the
    /// root is reported and never read; links to folders are not followed (no cycles).
    @discardableResult
    private mutating func checkLink(_ relative: String) -> Int? {
        guard let target = JournalLoader.realPath(absolute(relative)) else { return nil }
        let inside = target == root.path || target.hasPrefix(root.path + "/")
        guard inside else {
            if relative.hasSuffix(".md"), !diagnostics.contains(where: { $0.path == relative }) {
                diagnostics.append(
                    Diagnostic(
                        rule: "file/outside-link", severity: .error, path: relative, at: .fileStart,
                        message: "a symbolic link that leads out of the journal; it is not read"))
            }
            return nil
        }
        var status = stat()
        guard stat(target, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(status.st_size)
    }
}
