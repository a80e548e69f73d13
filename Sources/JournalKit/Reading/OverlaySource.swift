import Foundation

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
        return JournalLoader.FileRead(held: bytes)
    }

    public func linkTarget(_ path: String) -> LinkTarget {
        overlay[path] == nil ? base.linkTarget(path) : .elsewhere
    }

    public func privacy(of path: String) -> Privacy {
        guard let bytes = overlay[path] else { return base.privacy(of: path) }
        return Privacy.of(heldBytes: bytes)
    }
}
