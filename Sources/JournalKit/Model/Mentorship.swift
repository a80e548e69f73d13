import Foundation

/// One mentorship: the folder holding `agreement.md` and its entries.
public struct Mentorship: Sendable, Equatable {
    /// The folder's name (the journal root's name when the root is the mentorship).
    public var id: String
    /// The folder relative to the journal root (`.` for the root itself).
    public var path: String
    /// Every entry, agreement first, then by path.
    public var entries: [Entry]

    /// The agreement entry.
    public var agreementEntry: Entry? { entries.first { $0.kind == .agreement } }
    /// The agreement (empty defaults when it could not be read).
    public var agreement: Agreement { agreementEntry?.agreement ?? Agreement() }
    /// Goal entries, by path.
    public var goals: [Entry] { entries.filter { $0.kind == .goal } }
    /// Session entries, by path.
    public var sessions: [Entry] { entries.filter { $0.kind == .session } }
    /// Reflection entries, by path.
    public var reflections: [Entry] { entries.filter { $0.kind == .reflection } }
    /// Evaluation entries, by path.
    public var evaluations: [Entry] { entries.filter { $0.kind == .evaluation } }

    /// Where a file of this mentorship lives, relative to the journal root.
    public func relative(_ name: String) -> String { path == "." ? name : path + "/" + name }
}

extension Mentorship {
    /// Whether `name`, as a person types it after `--mentorship`, names this mentorship: its id,
    /// its folder (two folders of the same name are told apart by their paths), or, for a
    /// mentorship at the journal root, the root folder's name.
    public func isNamed(_ name: String, root: URL) -> Bool {
        Self.names(name, id: id, path: path, root: root)
    }

    /// `isNamed` for a mentorship known by its id and folder only.
    public static func names(_ name: String, id: String, path: String, root: URL) -> Bool {
        name == id || name == path || (path == "." && name == root.lastPathComponent)
    }
}
