import Foundation

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
