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
