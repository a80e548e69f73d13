import Foundation
import JournalKit

/// A file the editor has open: its unsaved text, split into lines, and where it sits.
struct LSPDocument {
    var uri: String
    var text: String
    var version: Int
    /// The file on disk this buffer stands for.
    var file: URL
    /// The lines, without line breaks (none for a buffer over the entry limit).
    private(set) var lines: [Substring] = []
    /// The 0-based line where the front matter closes, when it has one: found once per text,
    /// since every feature asks it of every line.
    private(set) var frontMatterEnd: Int?

    init(uri: String, text: String, version: Int, file: URL) {
        self.uri = uri
        self.text = text
        self.version = version
        self.file = file
        index()
    }

    mutating func replace(_ text: String, version: Int) {
        self.text = text
        self.version = version
        index()
    }

    /// A buffer larger than a file journal reads (`JournalLoader.maxFileSize`): as a file of
    /// that size, it is reported too large and not read, so every request about it is answered
    /// at once, whatever its size.
    var isOversized: Bool { text.utf8.count > JournalLoader.maxFileSize }

    private mutating func index() {
        guard !isOversized else {
            lines = []
            frontMatterEnd = nil
            return
        }
        lines = Self.split(text)
        frontMatterEnd = Self.frontMatterEnd(of: lines)
    }

    static func split(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
    }

    func line(_ index: Int) -> Substring { lines.indices.contains(index) ? lines[index] : "" }

    /// The entry kind its place in the journal gives it.
    var kind: EntryKind? {
        if file.lastPathComponent == "agreement.md" { return .agreement }
        return EntryKind(folder: file.deletingLastPathComponent().lastPathComponent)
    }

    static func frontMatterEnd(of lines: [Substring]) -> Int? {
        guard lines.first.map({ $0.trimmingCharacters(in: .whitespaces) == "---" }) == true else {
            return nil
        }
        return lines.indices.dropFirst().first { index in
            let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
            return trimmed == "---" || trimmed == "..."
        }
    }

    /// Whether a 0-based line is inside the front matter.
    func isFrontMatter(_ line: Int) -> Bool {
        guard let end = frontMatterEnd else { return false }
        return line > 0 && line < end
    }
}

/// Positions as the two sides count them: journal counts Unicode scalars from 1, LSP counts
/// from 0 in the unit the client and server agreed on (UTF-16 by default, or UTF-32 or UTF-8).
enum PositionEncoding: String {
    case utf16 = "utf-16"
    case utf32 = "utf-32"
    case utf8 = "utf-8"

    /// The LSP character offset of the 0-based `scalars`th scalar of `line`.
    func character(_ scalars: Int, in line: Substring) -> Int {
        let prefix = line.unicodeScalars.prefix(max(0, scalars))
        switch self {
        case .utf32: return prefix.count
        case .utf16: return prefix.reduce(0) { $0 + $1.utf16.count }
        case .utf8: return prefix.reduce(0) { $0 + $1.utf8.count }
        }
    }

    /// The 0-based scalar offset of an LSP character offset in `line`.
    func scalars(_ character: Int, in line: Substring) -> Int {
        var units = 0
        var count = 0
        for scalar in line.unicodeScalars {
            if units >= character { break }
            switch self {
            case .utf32: units += 1
            case .utf16: units += scalar.utf16.count
            case .utf8: units += scalar.utf8.count
            }
            count += 1
        }
        return count
    }
}
