import Foundation
import JournalKit

/// Where a journal's mentorships are and which of its files are private, without parsing
/// every entry: `journal commit` and `journal sync` must stay close to git's own speed in a
/// journal of tens of thousands of files, and reading front matter is all they need.
struct JournalLayout: Sendable {
    /// A mentorship folder.
    struct Folder: Sendable {
        var id: String
        /// Relative to the journal root (`.` for the root itself).
        var path: String
    }

    let root: URL
    let mentorships: [Folder]
    /// Private files, relative to the journal root.
    let privatePaths: [String]

    /// The layout of a parsed journal.
    init(journal: Journal) {
        root = journal.root
        mentorships = journal.mentorships.map { Folder(id: $0.id, path: $0.path) }
        privatePaths = journal.mentorships.flatMap(\.entries).filter {
            $0.isPrivate || Self.declaresPrivate(journal.root.appendingPathComponent($0.path))
        }.map(\.path)
    }

    /// The layout found by walking the folders (as discovery does: no hidden folders, no
    /// `templates/`) and reading only the front matter of Markdown files.
    init(scanning start: URL) {
        let root = URL(fileURLWithPath: JournalLoader.resolve(JournalLoader.findRoot(from: start).path))
        self.root = root
        var folders: [Folder] = []
        var markdown: [String] = []
        var pending = ["."]
        let manager = FileManager.default
        while let relative = pending.popLast() {
            let absolute = relative == "." ? root.path : root.path + "/" + relative
            guard let names = try? manager.contentsOfDirectory(atPath: absolute) else { continue }
            for name in names where !name.hasPrefix(".") {
                let child = relative == "." ? name : relative + "/" + name
                if relative == "." && name == "templates" { continue }
                var isDirectory: ObjCBool = false
                guard manager.fileExists(atPath: absolute + "/" + name, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    pending.append(child)
                } else if name.hasSuffix(".md") {
                    markdown.append(child)
                    if name == "agreement.md" {
                        let id = relative == "." ? root.lastPathComponent : String(relative.split(separator: "/").last ?? "")
                        folders.append(Folder(id: id, path: relative))
                    }
                }
            }
        }
        mentorships = folders.sorted { $0.path < $1.path }
        let files = markdown
        var flags = [Bool](repeating: false, count: markdown.count)
        flags.withUnsafeMutableBufferPointer { buffer in
            let results = UnsafeMutableSendableBuffer(buffer)
            DispatchQueue.concurrentPerform(iterations: markdown.count) { index in
                results.buffer[index] = Self.declaresPrivate(root.appendingPathComponent(files[index]))
            }
        }
        privatePaths = zip(markdown, flags).filter(\.1).map(\.0).sorted()
    }

    /// Whether a file's front matter says `private:` with a true value. Any spelling YAML
    /// could read as true counts, and so does a front matter too broken to parse: a false
    /// alarm keeps a file local, a miss would share it.
    static func declaresPrivate(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: 16 * 1024)) ?? Data()
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
                parts[0].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
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

/// A buffer written by disjoint indices from concurrent iterations.
struct UnsafeMutableSendableBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}
