import Foundation

/// The journal's folder on disk: the everyday source.
public struct FolderSource: JournalSource {
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
