import Foundation

/// Whether a file of the journal stays on this computer.
///
/// The one place that decides it: the entry parser asks it for every entry, and every command
/// that stages, reports, lists, caches or keeps `.git/info/exclude` reads the answer from the
/// parsed entry or, for a file it did not parse, from `Privacy.ofFile`, which reads the front
/// matter with the same YAML reader. It fails closed: when the front matter cannot be read and
/// the file mentions `private`, the file is kept here, with the reason.
public enum Privacy: Sendable, Hashable {
    /// Shared with the partner through git.
    case shared
    /// The front matter says `private: true`.
    case declared
    /// Kept on this computer because whether it is private cannot be known; the reason, in
    /// plain words ("its front matter cannot be read …").
    case unclear(String)

    /// What a person does about an unclear front matter.
    static let advice = "; to decide, make the front matter say `private: true` or `private: false`"

    /// Whether the file stays on this computer (never staged, left out of reports).
    public var keepsLocal: Bool { self != .shared }

    /// Why a file is kept here although it does not plainly say `private: true`.
    public var reason: String? {
        if case .unclear(let reason) = self { return reason }
        return nil
    }

    /// How far into a file that cannot be read as an entry `private` is looked for.
    static let mentionWindow = 64 * 1024

    /// The privacy of a file's front matter as the entry parser reads it.
    static func decide(
        text: String, source: SourceText, yaml: Result<YAMLValue?, YAMLProblem>?
    ) -> Privacy {
        switch source.state {
        case .missing:
            // No front matter, unless one was meant and slipped: a `---` after blank lines or
            // with spaces before it. Its lines up to the next `---` are what it would have said.
            if let meant = slippedFrontMatter(source.body), mentionsPrivate(String(meant)) {
                return .unclear(
                    "its front matter does not start on the first line (a `---` line must come first) "
                        + "and mentions `private`" + advice)
            }
            // A front matter journal does not read (TOML between `+++`, JSON, a `%YAML` line or a
            // comment on the first `---`, lines ended by a carriage return alone) that says
            // `private` in its opening lines: kept here rather than guessed shared.
            if declaresPrivate(openingLinesOf: text) {
                return .unclear(
                    "its opening lines say `private` in a form journal does not read as front matter (a "
                        + "YAML front matter between two `---` lines, starting on the first line)" + advice)
            }
            return .shared
        case .unterminated:
            guard mentionsPrivate(text) else { return .shared }
            return .unclear(
                "its front matter is never closed with a `---` line and mentions `private`" + advice)
        case .present:
            switch yaml {
            case .none, .success(.none):
                return .shared
            case .failure(let problem):
                guard mentionsPrivate(source.yaml) else { return .shared }
                return .unclear(
                    "its front matter cannot be read (line \(problem.position.line): \(problem.message)) "
                        + "and mentions `private`" + advice)
            case .success(.some(let root)):
                guard let pairs = root.pairs else {
                    guard mentionsPrivate(source.yaml) else { return .shared }
                    return .unclear(
                        "its front matter is not `key: value` lines and mentions `private`" + advice)
                }
                return decide(pairs)
            }
        }
    }

    /// The privacy a front-matter mapping declares. Every key that reads `private` in any case
    /// counts; the most private answer wins.
    static func decide(_ pairs: [YAMLPair]) -> Privacy {
        var result = Privacy.shared
        for pair in pairs {
            let names: Bool
            if pair.key.text == "<<" {
                // A YAML merge key brings in the keys of the mappings it names: theirs count too.
                let merged = pair.value.pairs.map { [$0] } ?? (pair.value.items ?? []).compactMap(\.pairs)
                for mapping in merged {
                    let privacy = decide(mapping)
                    if privacy == Privacy.declared { return .declared }
                    if privacy != Privacy.shared { result = privacy }
                }
                if merged.isEmpty, mentionsPrivate(pair.value) {
                    result = .unclear("its merge key (`<<`) mentions `private`" + advice)
                }
                continue
            } else if let key = pair.key.text {
                names = isPrivateKey(key)
            } else {
                // A collection as a key: nonsense for journal, so it counts when it mentions the word.
                names = mentionsPrivate(pair.key)
            }
            guard names else { continue }
            let value = pair.value
            if value.isNull || value.bool == false { continue }
            if value.bool == true { return .declared }
            let written = value.text.map { "`\($0)`" } ?? value.kindName
            result = .unclear(
                "its `private` value is \(written), not true or false (line \(value.position.line))" + advice)
        }
        return result
    }

    /// `private` in any case, with spaces, tabs or invisible characters (a no-break space, a
    /// zero-width space, a byte-order mark) around or inside it: every key of every entry is
    /// asked, so the plain cases are compared byte by byte first.
    static func isPrivateKey(_ key: String) -> Bool {
        if key == "private" { return true }
        var key = key
        let plain = key.withUTF8 { bytes -> Bool? in
            guard bytes.count >= 7 else { return false }
            // Anything beyond ASCII is read scalar by scalar below.
            if bytes.contains(where: { $0 >= 0x80 }) { return nil }
            var start = 0
            var end = bytes.count
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            guard end - start == 7 else { return false }
            return zip(bytes[start..<end], "private".utf8).allSatisfy { $0 | 0x20 == $1 }
        }
        if let plain { return plain }
        let visible = key.unicodeScalars.filter { !isIgnorable($0) }
        return String(String.UnicodeScalarView(visible)).lowercased() == "private"
    }

    /// Characters a reader does not see as part of a word: spaces of every kind and format
    /// characters (zero-width spaces and joiners, the byte-order mark, a soft hyphen).
    static func isIgnorable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.properties.generalCategory == .format
    }

    /// How many of a file's first lines count as its opening, and how many bytes at most.
    static let openingLines = 30
    static let openingBytes = 4096

    /// Whether the opening lines of `text` say `private` as a key (`private:`, `private =`,
    /// `"private":`), whatever the quotes, spaces and invisible characters around it and
    /// whatever ends the lines (a line feed, a carriage return alone).
    static func declaresPrivate(openingLinesOf text: String) -> Bool {
        var lines = 0
        var seen = 0
        var word: [Unicode.Scalar] = []
        var afterWord = false
        for scalar in text.unicodeScalars {
            seen += 1
            if seen > openingBytes { break }
            if scalar == "\n" || scalar == "\r" {
                lines += 1
                if lines >= openingLines { break }
                word.removeAll()
                afterWord = false
                continue
            }
            if isIgnorable(scalar) || scalar == "\"" || scalar == "'" { continue }
            if afterWord, scalar == ":" || scalar == "=" { return true }
            let letter = Character(scalar).lowercased()
            if letter.count == 1, let lowered = letter.unicodeScalars.first, lowered.properties.isAlphabetic {
                word.append(lowered)
                if word.count > 7 { word.removeFirst() }
                afterWord = word.count == 7 && String(String.UnicodeScalarView(word)) == "private"
            } else {
                word.removeAll()
                afterWord = false
            }
        }
        return false
    }

    /// The privacy of a file on disk, read as the entry parser would read it. A file that cannot
    /// be read, or is too large to be an entry, is kept here when the part that can be read
    /// mentions `private`.
    public static func ofFile(at path: String) -> Privacy {
        switch JournalLoader.readFile(path) {
        case .bytes(let bytes):
            return of(bytes: bytes)
        case .unreadable:
            return readsAsFile(path) ? .unclear("journal cannot read it (check its permissions)") : .shared
        case .tooLarge:
            guard case .bytes(let head) = JournalLoader.readFile(path, limit: mentionWindow, truncating: true)
            else { return .shared }
            return ofTooLarge(head: head)
        }
    }

    /// The privacy of a whole file held in memory, whatever its size.
    public static func of(heldBytes bytes: [UInt8]) -> Privacy {
        bytes.count <= JournalLoader.maxFileSize
            ? of(bytes: bytes) : ofTooLarge(head: Array(bytes.prefix(mentionWindow)))
    }

    /// A file too large to be read as an entry, from its first bytes.
    static func ofTooLarge(head: [UInt8]) -> Privacy {
        guard mentionsPrivate(head) else { return .shared }
        return .unclear("it is too large to be read as an entry and mentions `private`")
    }

    /// The privacy of a file's bytes: the front matter only, with the parser's YAML reader.
    public static func of(bytes: [UInt8]) -> Privacy {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            guard mentionsPrivate(bytes) else { return .shared }
            return .unclear("it is not valid UTF-8 text and mentions `private`; save it as UTF-8")
        }
        let source = SourceText(text)
        let yaml =
            source.state == .present ? YAMLReader.read(source.yaml, firstLine: source.yamlFirstLine) : nil
        return decide(text: text, source: source, yaml: yaml)
    }

    /// The lines of a front matter that does not start on line 1 but after blank lines, or
    /// whose fence is indented: nil when the first line with text is not a fence.
    static func slippedFrontMatter(_ text: String) -> Substring? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines = lines.dropFirst() }
        guard let fence = lines.first, fence.trimmingCharacters(in: .whitespaces) == "---" else { return nil }
        let rest = lines.dropFirst()
        let end =
            rest.firstIndex { ["---", "..."].contains($0.trimmingCharacters(in: .whitespaces)) }
            ?? rest.endIndex
        return Substring(rest[..<end].joined(separator: "\n"))
    }

    /// The entry that a file beside it copies, when its name says it is an editor's working
    /// copy or backup of one: `.2026-11-24.md.swp` (Vim), `2026-11-24.md~`, `#2026-11-24.md#`
    /// and `.#2026-11-24.md` (Emacs), `2026-11-24.md.orig`, `2026-11-24.md.bak`. Such a copy
    /// holds the entry's words, so it is as private as the entry.
    public static func entryCopied(by path: String) -> String? {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        var name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        while let first = name.first, first == "." || first == "#" { name.removeFirst() }
        guard let range = name.range(of: ".md", options: .backwards), range.lowerBound > name.startIndex
        else { return nil }
        let original = folder + name[..<range.upperBound]
        return original == path ? nil : original
    }

    /// Whether `path` names something that is not a regular file git would stage anyway
    /// (a folder, a link to nothing): only regular files are worth failing closed for.
    private static func readsAsFile(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }

    static func mentionsPrivate(_ text: String) -> Bool {
        mentionsPrivate(Array(text.utf8.prefix(mentionWindow)))
    }

    static func mentionsPrivate(_ value: YAMLValue) -> Bool {
        switch value {
        case .scalar(let text, _, _): return mentionsPrivate(text)
        case .sequence(let items, _): return items.contains(where: mentionsPrivate)
        case .mapping(let pairs, _):
            return pairs.contains { mentionsPrivate($0.key) || mentionsPrivate($0.value) }
        }
    }

    /// `private`, in any case, among the first bytes.
    static func mentionsPrivate(_ bytes: [UInt8]) -> Bool {
        let needle = Array("private".utf8)
        let end = min(bytes.count, mentionWindow)
        guard end >= needle.count else { return false }
        var start = 0
        while start + needle.count <= end {
            var offset = 0
            while offset < needle.count, bytes[start + offset] | 0x20 == needle[offset] { offset += 1 }
            if offset == needle.count { return true }
            start += 1
        }
        return false
    }
}
