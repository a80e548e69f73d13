import Foundation
import JournalKit

/// Where a journal's mentorships are and which of its files are private. `journal commit`
/// and `journal sync` must stay close to git's own speed in a journal of tens of thousands of
/// files, so they read no entry up front: git's status walk names the files that changed,
/// and only those are read.
struct JournalLayout: Sendable {
    /// A mentorship folder.
    struct Folder: Sendable {
        var id: String
        /// Relative to the journal root (`.` for the root itself).
        var path: String
    }

    let root: URL
    /// Every mentorship, when the journal was read (`known`); else empty.
    let mentorships: [Folder]
    let known: Bool
    /// Private files, relative to the journal root.
    let privatePaths: [String]

    /// The layout of a parsed journal.
    init(journal: Journal) {
        root = journal.root
        mentorships = journal.mentorships.map { Folder(id: $0.id, path: $0.path) }
        known = true
        privatePaths = journal.mentorships.flatMap(\.entries).filter {
            $0.isPrivate || Self.declaresPrivate(journal.root.appendingPathComponent($0.path))
        }.map(\.path)
    }

    /// The layout of the journal holding `start`, without reading any entry: mentorships are
    /// found on demand from the paths asked about, and private entries while staging.
    init(unreadFrom start: URL) {
        root = URL(fileURLWithPath: JournalLoader.resolve(JournalLoader.findRoot(from: start).path))
        mentorships = []
        privatePaths = []
        known = false
    }

    /// Whether a file's front matter says `private:` with a true value. Any spelling YAML
    /// could read as true counts, and so does a front matter too broken to parse: a false
    /// alarm keeps a file local, a miss would share it.
    static func declaresPrivate(_ url: URL) -> Bool {
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return false }
        let data = buffer.prefix(count)
        var lines = String(decoding: data, as: UTF8.self).split(
            omittingEmptySubsequences: false, whereSeparator: \.isNewline
        ).makeIterator()
        guard let first = lines.next(), first.trimmingCharacters(in: .whitespaces).hasSuffix("---") else {
            return false
        }
        while let line = lines.next() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "---" || trimmed == "..." { break }
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2,
                parts[0].trimmingCharacters(in: .whitespaces).trimmingCharacters(
                    in: CharacterSet(charactersIn: "\"'")
                )
                .lowercased() == "private"
            else { continue }
            let value = parts[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(
                in: CharacterSet(charactersIn: "\"'")
            ).lowercased()
            if ["true", "yes", "on", "y"].contains(where: { value == $0 || value.hasPrefix($0 + " ") }) {
                return true
            }
        }
        return false
    }
}
