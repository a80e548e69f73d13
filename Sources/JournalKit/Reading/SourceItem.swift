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
