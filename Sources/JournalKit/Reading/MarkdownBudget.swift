import Foundation

/// Keeps cmark-gfm 0.29's work on a body in proportion to its length.
///
/// Two shapes of input make that version slow beyond any size limit: many link or image
/// openers in one paragraph (each link found walks back over every opener still waiting,
/// so `![[]()` repeated is quadratic), and table rows with very many cells. Before a body
/// reaches cmark, a block holding more than `maxBracketsPerBlock` brackets has them escaped,
/// and a line holding more than `maxPipesPerLine` cell separators has those escaped: the text
/// reads the same (an escaped `[` is a `[`), only links or a table that no person writes at
/// that size are shown as their characters. Ordinary bodies pass through untouched.
enum MarkdownBudget {
    /// Most unescaped `[` a block may hold before its brackets are escaped. A list item, a
    /// heading or a paragraph holds a handful; a reading list of links is a list of items,
    /// each its own block.
    static let maxBracketsPerBlock = 200
    /// Most unescaped `|` a line may hold before they are escaped (a table of 128 columns).
    static let maxPipesPerLine = 128

    static let bracketOpen = UInt8(ascii: "[")
    static let bracketClose = UInt8(ascii: "]")
    static let pipe = UInt8(ascii: "|")
    static let backslash = UInt8(ascii: "\\")
    static let newline = UInt8(ascii: "\n")

    /// Longest line handed to cmark as one line. cmark-gfm's autolink extension splits a text
    /// node at every address it finds by copying the rest of the node, so a long line full of
    /// addresses costs the square of its length; a line this long is prose pasted as one line.
    static let maxLineLength = 8 * 1024

    /// What cmark is given: the bytes, and for each of their lines the body line it comes from
    /// (nil when every line is the body's own).
    struct Bounded {
        var bytes: [UInt8]
        var originalLines: [Int]?
    }

    /// `bytes` with the escapes that bound cmark's work; the same array when none is needed.
    static func bounded(_ bytes: [UInt8]) -> [UInt8] { bound(bytes).bytes }

    /// `bytes` with the escapes and line breaks that bound cmark's work: a line longer than
    /// `maxLineLength` is broken at spaces before a letter (a soft line break reads as the space
    /// it replaces, and a letter never starts a new block), and the escapes described above.
    static func bound(_ bytes: [UInt8]) -> Bounded {
        // The only cost an ordinary body pays: memchr jumps from one byte of interest to the next.
        let (brackets, pipes, longest) = bytes.withUnsafeBufferPointer { buffer -> (Int, Int, Int) in
            guard let base = buffer.baseAddress else { return (0, 0, 0) }
            func count(_ byte: UInt8, upTo limit: Int) -> Int {
                var found = 0
                var offset = 0
                while found <= limit, offset < buffer.count,
                    let hit = memchr(base + offset, Int32(byte), buffer.count - offset)
                {
                    found += 1
                    offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                }
                return found
            }
            var longest = 0
            var lineStart = 0
            while lineStart < buffer.count,
                let hit = memchr(base + lineStart, Int32(newline), buffer.count - lineStart)
            {
                let end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                longest = max(longest, end - lineStart)
                lineStart = end + 1
            }
            longest = max(longest, buffer.count - lineStart)
            return (
                count(bracketOpen, upTo: maxBracketsPerBlock), count(pipe, upTo: maxPipesPerLine), longest
            )
        }
        guard brackets > maxBracketsPerBlock || pipes > maxPipesPerLine || longest > maxLineLength else {
            return Bounded(bytes: bytes, originalLines: nil)
        }

        // Lines, and the blocks they form: a block starts at a line that always ends the
        // paragraph before it (see `startsBlock`), so no paragraph spans two blocks.
        var lines: [Range<Int>] = []
        var origins: [Int] = []
        var start = 0
        var number = 1
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != newline { end += 1 }
            for piece in split(start..<end, of: bytes) {
                lines.append(piece)
                origins.append(number)
            }
            if end >= bytes.count { break }
            start = end + 1
            number += 1
        }
        var escapeBrackets = [Bool](repeating: false, count: lines.count)
        var blockStart = 0
        func closeBlock(before end: Int) {
            guard blockStart < end else { return }
            let count = lines[blockStart..<end].reduce(0) { $0 + unescaped(bracketOpen, in: bytes[$1]) }
            if count > maxBracketsPerBlock {
                for index in blockStart..<end { escapeBrackets[index] = true }
            }
        }
        for (index, line) in lines.enumerated() where index > 0 && startsBlock(bytes[line]) {
            closeBlock(before: index)
            blockStart = index
        }
        closeBlock(before: lines.count)

        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 8)
        for (index, line) in lines.enumerated() {
            if index > 0 { result.append(newline) }
            let slice = bytes[line]
            let escapePipes = unescaped(pipe, in: slice) > maxPipesPerLine
            guard escapeBrackets[index] || escapePipes else {
                result.append(contentsOf: slice)
                continue
            }
            let keep = taskMarker(in: slice)
            var backslashes = 0
            for position in slice.indices {
                let byte = bytes[position]
                let escapable =
                    (escapeBrackets[index] && (byte == bracketOpen || byte == bracketClose)
                        && !(keep?.contains(position) ?? false))
                    || (escapePipes && byte == pipe)
                if escapable && backslashes % 2 == 0 { result.append(backslash) }
                backslashes = byte == backslash ? backslashes + 1 : 0
                result.append(byte)
            }
        }
        return Bounded(bytes: result, originalLines: longest > maxLineLength ? origins : nil)
    }

    /// A line cut into pieces of at most about `maxLineLength` bytes at spaces followed by a
    /// letter (the space is left out: the line break stands for it); one piece when it is short
    /// or has no such space.
    static func split(_ line: Range<Int>, of bytes: [UInt8]) -> [Range<Int>] {
        guard line.count > maxLineLength else { return [line] }
        var pieces: [Range<Int>] = []
        // A single space between a word and a letter: neither a hard break nor a block start.
        func fits(_ index: Int) -> Bool {
            index > line.lowerBound && index + 1 < line.upperBound && bytes[index] == UInt8(ascii: " ")
                && bytes[index - 1] != UInt8(ascii: " ") && startsWord(bytes[index + 1])
        }
        var start = line.lowerBound
        while line.upperBound - start > maxLineLength {
            var cut = start + maxLineLength
            while cut > start, !fits(cut) { cut -= 1 }
            if cut == start {
                // No place in this stretch: look further on, so that a long word is never cut.
                cut = start + maxLineLength
                while cut < line.upperBound, !fits(cut) { cut += 1 }
                if cut >= line.upperBound { break }
            }
            pieces.append(start..<cut)
            start = cut + 1
        }
        pieces.append(start..<line.upperBound)
        return pieces
    }

    /// An ASCII letter or the first byte of a non-ASCII character: nothing Markdown starts a block with.
    static func startsWord(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || byte >= 0xC2
    }

    /// How many times `byte` appears in `line` not escaped by a backslash.
    static func unescaped(_ byte: UInt8, in line: ArraySlice<UInt8>) -> Int {
        var count = 0
        var backslashes = 0
        for current in line {
            if current == byte && backslashes % 2 == 0 { count += 1 }
            backslashes = current == backslash ? backslashes + 1 : 0
        }
        return count
    }

    /// The content of `line` after block-quote markers and up to three spaces of indentation,
    /// where a block marker may stand.
    static func content(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var rest = line
        while true {
            var spaces = 0
            while spaces < 4, rest.first == UInt8(ascii: " ") {
                rest = rest.dropFirst()
                spaces += 1
            }
            if spaces < 4, rest.first == UInt8(ascii: ">") {
                rest = rest.dropFirst()
                continue
            }
            return spaces >= 4 ? line[line.endIndex...] : rest
        }
    }

    /// Whether `line` always ends the paragraph before it: a blank line, an ATX heading, a
    /// bullet item with content, or an ordered item numbered 1. Lines that may continue a
    /// paragraph never count, so a block is never smaller than the paragraphs cmark sees.
    static func startsBlock(_ line: ArraySlice<UInt8>) -> Bool {
        if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: ">") })
        {
            return true
        }
        let rest = content(line)
        guard let first = rest.first else { return false }
        let afterMarker: ArraySlice<UInt8>
        switch first {
        case UInt8(ascii: "#"):
            let hashes = rest.prefix { $0 == UInt8(ascii: "#") }.count
            let after = rest.dropFirst(hashes)
            return hashes <= 6
                && (after.isEmpty || after.first == UInt8(ascii: " ") || after.first == UInt8(ascii: "\t"))
        case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
            afterMarker = rest.dropFirst()
        case UInt8(ascii: "1"):
            let marker = rest.dropFirst()
            guard marker.first == UInt8(ascii: ".") || marker.first == UInt8(ascii: ")") else { return false }
            afterMarker = marker.dropFirst()
        default:
            return false
        }
        guard afterMarker.first == UInt8(ascii: " ") || afterMarker.first == UInt8(ascii: "\t") else {
            return false
        }
        return afterMarker.contains { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
    }

    /// The positions of a task item's `[ ]`, `[x]` or `[X]` on a list-item line, kept as they are.
    static func taskMarker(in line: ArraySlice<UInt8>) -> Range<Int>? {
        // At any depth: a nested item is indented further than a paragraph's own markers may be.
        let rest = line.drop {
            $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: ">")
        }
        guard let first = rest.first else { return nil }
        var after = rest.dropFirst()
        if first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9") {
            after = rest.drop { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            guard after.first == UInt8(ascii: ".") || after.first == UInt8(ascii: ")") else { return nil }
            after = after.dropFirst()
        } else if !(first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+")) {
            return nil
        }
        let box = after.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard box.count >= 3, box.first == bracketOpen, box[box.startIndex + 2] == bracketClose else {
            return nil
        }
        return box.startIndex..<(box.startIndex + 3)
    }
}
