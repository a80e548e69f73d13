import Foundation

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
        return JournalLoader.FileRead(held: bytes)
    }

    public func linkTarget(_ path: String) -> LinkTarget { .elsewhere }

    public func privacy(of path: String) -> Privacy {
        files[path].map(Privacy.of(heldBytes:)) ?? .shared
    }
}
