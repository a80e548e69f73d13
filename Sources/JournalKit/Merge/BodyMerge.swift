import Foundation

/// The Markdown body merged section by section (sections matched by heading, in or out of
/// place), each section's lines by `LineMerge`. A section both sides added under the same
/// heading is one section holding both sides' lines.
enum BodyMerge {
    static func merge(base: [String], ours: [String], theirs: [String]) throws -> [MergePiece] {
        let merged = try KeyedMerge.merge(
            base: separated(sections(base)), ours: separated(sections(ours)),
            theirs: separated(sections(theirs))
        ) { b, o, t in
            try LineMerge.lines(base: b?.lines ?? [], ours: o.lines, theirs: t.lines)
        }
        // The blank line a last section was given goes where another section follows it.
        var pieces = merged.coalesced
        if case .text(var lines)? = pieces.last, lines.last == separator {
            lines.removeLast()
            pieces[pieces.count - 1] = .text(lines)
        }
        return pieces.map { piece in
            switch piece {
            case .text(let lines): .text(lines.map { $0 == separator ? "\n" : $0 })
            case .conflict(let ours, let theirs):
                .conflict(
                    ours: ours.map { $0 == separator ? "\n" : $0 },
                    theirs: theirs.map { $0 == separator ? "\n" : $0 })
            }
        }
    }

    /// The blank line that would part the last section from one added after it, which a file
    /// does not hold: so that a section added after it on either side is parted from it too.
    static let separator = "\u{0}\n"

    private static func separated(_ sections: [KeyedLines]) -> [KeyedLines] {
        guard var last = sections.last, last.lines.count > 0 || sections.count == 1,
            let final = last.lines.last, !final.allSatisfy(\.isWhitespace)
        else { return sections }
        last.lines.append(separator)
        return sections.dropLast() + [last]
    }

    /// The body cut at each ATX heading outside fenced code; the lines before the first
    /// heading are a section of their own.
    static func sections(_ lines: [String]) -> [KeyedLines] {
        var starts: [(line: Int, name: String)] = [(0, "\u{0}top")]
        var fence: String?
        for (index, line) in lines.enumerated() {
            let indent = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indent)
            if indent <= 3, let marker = rest.first, marker == "`" || marker == "~" {
                let run = rest.prefix { $0 == marker }
                if run.count >= 3 {
                    if let open = fence {
                        if run.count >= open.count, open.first == marker,
                            rest.dropFirst(run.count).allSatisfy(\.isWhitespace)
                        {
                            fence = nil
                        }
                    } else {
                        fence = String(run)
                    }
                    continue
                }
            }
            guard fence == nil, indent <= 3, let name = MarkdownHeading.words(rest) else { continue }
            starts.append((index, name))
        }
        let names = KeyedMerge.numbered(starts.map(\.name))
        return starts.indices.map { index in
            let end = index + 1 < starts.count ? starts[index + 1].line : lines.count
            return KeyedLines(
                key: names[index], lines: Array(lines[starts[index].line..<end]), start: starts[index].line)
        }
    }
}
