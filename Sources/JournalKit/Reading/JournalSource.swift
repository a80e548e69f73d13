import Foundation

/// A name in a folder of a journal, and what it is.
public struct SourceItem: Sendable, Equatable {
    /// What a name stands for.
    public enum Kind: Sendable, Equatable {
        case file, folder, link
    }

    /// The name, without its folder.
    public var name: String
    /// What it is.
    public var kind: Kind

    /// An item.
    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }
}

/// Where a symbolic link leads.
public enum LinkTarget: Sendable, Equatable {
    /// To a regular file inside the journal: read it.
    case insideFile
    /// Out of the journal: reported, never read.
    case outside
    /// To a folder, to nothing, or to something else inside: passed over.
    case elsewhere
}

/// Where the reader takes a journal's files from: its folder, a commit, git's index, or text an
/// editor has not saved. Paths are relative to the journal root, `/`-separated, `.` for the
/// root itself.
public protocol JournalSource: Sendable {
    /// The names in a folder, sorted; nil when there is no such folder.
    func list(_ folder: String) -> [SourceItem]?
    /// A file's bytes, bounded by the entry size limit.
    func read(_ path: String) -> JournalLoader.FileRead
    /// Where the link at `path` leads.
    func linkTarget(_ path: String) -> LinkTarget
    /// The privacy of a file that could not be read whole (too large, unreadable).
    func privacy(of path: String) -> Privacy
}

/// The journal's folder on disk: the everyday source.
struct FolderSource: JournalSource {
    let rootPath: String

    /// The folder at `root` (links already resolved).
    public init(root: URL) { rootPath = root.path }

    private func absolute(_ relative: String) -> String {
        relative == "." ? rootPath : rootPath + "/" + relative
    }

    /// The folder's names, sorted, with the type the folder records for each; one `readdir`
    /// pass instead of an `lstat` per file, which matters in a journal of 20,000 files.
    public func list(_ folder: String) -> [SourceItem]? {
        let path = absolute(folder)
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var result: [SourceItem] = []
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
            switch type {
            case UInt8(DT_REG): result.append(SourceItem(name: name, kind: .file))
            case UInt8(DT_DIR): result.append(SourceItem(name: name, kind: .folder))
            case UInt8(DT_LNK): result.append(SourceItem(name: name, kind: .link))
            default: continue
            }
        }
        return result.sorted { $0.name < $1.name }
    }

    public func read(_ path: String) -> JournalLoader.FileRead { JournalLoader.readFile(absolute(path)) }

    public func linkTarget(_ path: String) -> LinkTarget {
        guard let target = JournalLoader.realPath(absolute(path)) else { return .elsewhere }
        guard target == rootPath || target.hasPrefix(rootPath + "/") else { return .outside }
        var status = stat()
        return stat(target, &status) == 0 && status.st_mode & S_IFMT == S_IFREG ? .insideFile : .elsewhere
    }

    public func privacy(of path: String) -> Privacy { Privacy.ofFile(at: absolute(path)) }
}

/// Files held in memory: a commit's or the index's blobs, or buffers an editor has not saved.
/// Folders are the paths' folders; there are no links.
public struct MemorySource: JournalSource {
    /// The files, by path relative to the journal root.
    public let files: [String: [UInt8]]
    private let folders: [String: [SourceItem]]

    /// The files, by path relative to the journal root.
    public init(files: [String: [UInt8]]) {
        self.files = files
        var folders: [String: Set<String>] = [".": []]
        var items: [String: [SourceItem]] = [:]
        for path in files.keys {
            var parts = path.split(separator: "/").map(String.init)
            guard let name = parts.popLast() else { continue }
            let parent = parts.isEmpty ? "." : parts.joined(separator: "/")
            items[parent, default: []].append(SourceItem(name: name, kind: .file))
            // Every folder up to the root holds the next one down.
            while let folder = parts.popLast() {
                let above = parts.isEmpty ? "." : parts.joined(separator: "/")
                folders[above, default: []].insert(folder)
            }
        }
        for (folder, names) in folders {
            items[folder, default: []] += names.map { SourceItem(name: $0, kind: .folder) }
        }
        self.folders = items.mapValues { $0.sorted { $0.name < $1.name } }
    }

    public func list(_ folder: String) -> [SourceItem]? { folders[folder] }

    public func read(_ path: String) -> JournalLoader.FileRead {
        guard let bytes = files[path] else { return .unreadable }
        return bytes.count > JournalLoader.maxFileSize ? .tooLarge(bytes.count) : .bytes(bytes)
    }

    public func linkTarget(_ path: String) -> LinkTarget { .elsewhere }

    public func privacy(of path: String) -> Privacy {
        guard let bytes = files[path] else { return .shared }
        if bytes.count <= JournalLoader.maxFileSize { return Privacy.of(bytes: bytes) }
        guard Privacy.mentionsPrivate(Array(bytes.prefix(Privacy.mentionWindow))) else { return .shared }
        return .unclear("it is too large to be read as an entry and mentions `private`")
    }
}

/// Another source with some files replaced or added: the text of buffers an editor has not
/// saved yet, over the journal's folder. A file in `overlay` is read from there; every other
/// name comes from `base`.
public struct OverlaySource<Base: JournalSource>: JournalSource {
    /// Where the other files come from.
    public let base: Base
    /// The replaced or added files, by path relative to the journal root.
    public let overlay: [String: [UInt8]]

    /// `base` with `overlay` on top.
    public init(base: Base, overlay: [String: [UInt8]]) {
        self.base = base
        self.overlay = overlay
    }

    public func list(_ folder: String) -> [SourceItem]? {
        let prefix = folder == "." ? "" : folder + "/"
        let added = overlay.keys.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") }
            .map { SourceItem(name: String($0.dropFirst(prefix.count)), kind: .file) }
        guard let listed = base.list(folder) else {
            return added.isEmpty ? nil : added.sorted { $0.name < $1.name }
        }
        let names = Set(listed.map(\.name))
        return (listed + added.filter { !names.contains($0.name) }).sorted { $0.name < $1.name }
    }

    public func read(_ path: String) -> JournalLoader.FileRead {
        guard let bytes = overlay[path] else { return base.read(path) }
        return bytes.count > JournalLoader.maxFileSize ? .tooLarge(bytes.count) : .bytes(bytes)
    }

    public func linkTarget(_ path: String) -> LinkTarget {
        overlay[path] == nil ? base.linkTarget(path) : .elsewhere
    }

    public func privacy(of path: String) -> Privacy {
        guard let bytes = overlay[path] else { return base.privacy(of: path) }
        return MemorySource(files: [path: bytes]).privacy(of: path)
    }
}
