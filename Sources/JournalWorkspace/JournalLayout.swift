import Foundation
import JournalKit

/// Where a journal's mentorships are and which of its files are private. `journal commit`
/// and `journal sync` must stay close to git's own speed in a journal of tens of thousands of
/// files, so they read no entry up front: git's status walk names the files that changed,
/// and only those are read.
public struct JournalLayout: Sendable {
    /// A mentorship folder.
    public struct Folder: Sendable {
        public var id: String
        /// Relative to the journal root (`.` for the root itself).
        public var path: String
    }

    public let root: URL
    /// Every mentorship, when the journal was read (`known`); else empty.
    public let mentorships: [Folder]
    public let known: Bool
    /// Private files, relative to the journal root.
    public let privatePaths: [String]
    /// The privacy of every parsed entry, by path relative to the journal root.
    public let privacy: [String: Privacy]

    /// The layout of a parsed journal.
    public init(journal: Journal) {
        root = journal.root
        mentorships = journal.mentorships.map { Folder(id: $0.id, path: $0.path) }
        known = true
        privacy = Dictionary(
            journal.mentorships.flatMap(\.entries).map { ($0.path, $0.privacy) },
            uniquingKeysWith: { a, _ in a })
        privatePaths = privacy.filter(\.value.keepsLocal).map(\.key).sorted()
    }

    /// The layout of the journal holding `start`, without reading any entry: mentorships are
    /// found on demand from the paths asked about, and private entries while staging.
    public init(unreadFrom start: URL) {
        root = URL(fileURLWithPath: JournalLoader.resolve(JournalLoader.findRoot(from: start).path))
        mentorships = []
        privatePaths = []
        privacy = [:]
        known = false
    }
}
