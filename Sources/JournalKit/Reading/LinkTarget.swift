import Foundation

/// Where a symbolic link leads.
public enum LinkTarget: Sendable, Equatable {
    /// To a regular file inside the journal: read it.
    case insideFile
    /// Out of the journal: reported, never read.
    case outside
    /// To a folder, to nothing, or to something else inside: passed over.
    case elsewhere
}
