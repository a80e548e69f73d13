import Foundation

/// Front matter merged key by key (format.md, "Merging"): lists of plain values as ordered sets,
/// lists of mappings (milestones) item by item matched by title and field by field, mappings
/// field by field. Built from the lines as written: nothing is dumped again.
enum FrontMatterMerge {
    static func merge(base: EntryLines?, ours: EntryLines, theirs: EntryLines) throws -> [MergePiece] {
        let all = [base, ours, theirs].compactMap { $0 }
        let cut = all.map { entry in
            fields(
                KeyedLines(key: "", lines: entry.frontMatter, start: 0),
                pairs: entry.mapping ?? [], column: 1, firstLine: 0)
        }
        guard cut.allSatisfy({ $0 != nil }) else {
            // Keys not each on a line of their own at the margin: the lines merge as text.
            return try LineMerge.lines(
                base: base?.frontMatter ?? [], ours: ours.frontMatter, theirs: theirs.frontMatter)
        }
        let keyed = cut.compactMap { $0 }
        let (b, o, t) = base == nil ? ([], keyed[0], keyed[1]) : (keyed[0], keyed[1], keyed[2])
        return try KeyedMerge.merge(base: b, ours: o, theirs: t, both: value)
    }

    /// One key (or list item, or field) changed differently on both sides: merged inside when
    /// it is a list or a mapping written in block style, else a conflict on its lines alone.
    static func value(_ base: KeyedLines?, _ ours: KeyedLines, _ theirs: KeyedLines) throws -> [MergePiece] {
        let conflict = [MergePiece.conflict(ours: ours.lines, theirs: theirs.lines)]
        let sides = [base, ours, theirs].compactMap { $0 }
        if sides.allSatisfy({ isListOrNothing($0.value) }), sides.contains(where: { $0.value?.items != nil })
        {
            return try list(base, ours, theirs) ?? conflict
        }
        if sides.allSatisfy({ $0.value?.pairs != nil }) {
            return try mapping(base, ours, theirs) ?? conflict
        }
        return conflict
    }

    private static func isListOrNothing(_ value: YAMLValue?) -> Bool {
        value?.items != nil || value?.isNull == true
    }

    // MARK: - Lists

    /// A block list merged as an ordered set: additions from both sides (ours first), removals
    /// from either; items that are mappings are matched by `title` (else `id`, else their text)
    /// and merged field by field.
    private static func list(_ base: KeyedLines?, _ ours: KeyedLines, _ theirs: KeyedLines) throws
        -> [MergePiece]?
    {
        guard let o = items(ours), let t = items(theirs) else { return nil }
        let b = base.map(items) ?? ([], [])
        guard let b else { return nil }
        // The lines before the first item (the key); a side without items does not choose them.
        let headers = [(base, b), (ours, o), (theirs, t)].map { side, cut -> [String]? in
            guard side != nil else { return nil }
            return cut.items.isEmpty && side?.value?.isNull != true ? nil : cut.header
        }
        let header: [String]
        switch (headers[0], headers[1] ?? headers[2], headers[2] ?? headers[1]) {
        case (_, let ho?, let ht?) where ho == ht: header = ho
        case (let hb?, let ho?, let ht?) where hb == ho: header = ht
        case (let hb?, let ho?, let ht?) where hb == ht: header = ho
        case (nil, let ho?, _): header = ho
        default: return nil
        }
        return [.text(header)]
            + (try KeyedMerge.merge(base: b.items, ours: o.items, theirs: t.items, both: value))
    }

    /// A list's lines cut into the lines before the first item and one run of lines per item
    /// (from its `-` to the next), keyed by value; nil for a list not in block style.
    private static func items(_ block: KeyedLines) -> (header: [String], items: [KeyedLines])? {
        guard let list = block.value?.items else {
            return block.value?.isNull == true || block.value == nil ? (block.lines, []) : nil
        }
        let keyLine = block.lines.firstIndex { !isBlankOrComment($0) } ?? 0
        var dashes: [Int] = []
        for item in list {
            let line = item.position.line - 1 - block.start
            let earliest = (dashes.last ?? keyLine) + 1
            guard line >= earliest, line < block.lines.count,
                let dash = (earliest...line).last(where: { isDash(block.lines[$0]) })
            else { return nil }
            dashes.append(dash)
        }
        guard !dashes.isEmpty else { return list.isEmpty ? (block.lines, []) : nil }
        let names = KeyedMerge.numbered(list.map(itemName))
        let items = dashes.indices.map { index in
            let end = index + 1 < dashes.count ? dashes[index + 1] : block.lines.count
            return KeyedLines(
                key: names[index], lines: Array(block.lines[dashes[index]..<end]),
                start: block.start + dashes[index], value: list[index])
        }
        return (Array(block.lines[..<dashes[0]]), items)
    }

    private static func itemName(_ item: YAMLValue) -> String {
        if let text = item.text { return "=" + text }
        for field in ["title", "id"] {
            if let text = item[field]?.text { return "\(field)=" + text }
        }
        return "#\(item)"
    }

    private static func isDash(_ line: String) -> Bool {
        let rest = line.drop { $0 == " " }
        guard rest.first == "-" else { return false }
        let after = rest.dropFirst().first
        return after == nil || after == " " || after == "\n" || after == "\r\n" || after == "\t"
    }

    private static func isBlankOrComment(_ line: String) -> Bool {
        let rest = line.drop { $0 == " " || $0 == "\t" }
        return rest.isEmpty || rest.first == "#" || rest.first == "\n" || rest.first == "\r\n"
    }

    // MARK: - Mappings

    /// A mapping in block style (a key's nested fields, a list item's fields) merged field by
    /// field. A list item's `-` is set aside while its fields merge, and put back.
    private static func mapping(_ base: KeyedLines?, _ ours: KeyedLines, _ theirs: KeyedLines)
        throws -> [MergePiece]?
    {
        var dash: Int?
        func fieldsOf(_ block: KeyedLines) -> [KeyedLines]? {
            guard let pairs = block.value?.pairs, let first = pairs.first else { return nil }
            var block = block
            if let line = block.lines.first, isDash(line), first.key.position.line - 1 == block.start {
                let column = line.prefix { $0 == " " }.count
                guard dash == nil || dash == column else { return nil }
                dash = column
                var characters = Array(line)
                characters[column] = " "
                block.lines[0] = String(characters)
            }
            return fields(block, pairs: pairs, column: first.key.position.column, firstLine: 0)
        }
        guard let o = fieldsOf(ours), let t = fieldsOf(theirs) else { return nil }
        let b = base.map(fieldsOf) ?? []
        guard let b else { return nil }
        let merged = try KeyedMerge.merge(base: b, ours: o, theirs: t, both: value).coalesced
        guard let dash else { return merged }
        // The `-` goes back on the item's first line.
        guard case .text(var lines)? = merged.first,
            let first = lines.firstIndex(where: { !isBlankOrComment($0) })
        else { return nil }
        var characters = Array(lines[first])
        guard dash < characters.count, characters[dash] == " " else { return nil }
        characters[dash] = "-"
        lines[first] = String(characters)
        return [.text(lines)] + merged.dropFirst()
    }

    /// The lines of a mapping cut into one run per key (a key's value, and the comments and
    /// blank lines just above it), keyed by name; what precedes the first key (from
    /// `firstLine` on) is a run of its own. Nil when a key does not start its own line at
    /// `column`, so the cut would not follow the keys.
    static func fields(_ block: KeyedLines, pairs: [YAMLPair], column: Int, firstLine: Int) -> [KeyedLines]? {
        var starts: [Int] = []
        for pair in pairs {
            guard pair.key.text != nil, pair.key.position.column == column else { return nil }
            let line = pair.key.position.line - 1 - block.start
            let previous = starts.last ?? (firstLine - 1)
            guard line >= firstLine, block.lines.indices.contains(line), line > previous else { return nil }
            guard block.lines[line].prefix(column - 1).allSatisfy({ $0 == " " }) else { return nil }
            starts.append(line)
        }
        // Comments and blank lines just above a key go with it.
        var leads = starts
        for (index, start) in starts.enumerated() {
            var lead = start
            let floor = index == 0 ? firstLine : starts[index - 1] + 1
            while lead > floor, isBlankOrComment(block.lines[lead - 1]),
                block.lines[lead - 1].prefix(while: { $0 == " " }).count < column
            {
                lead -= 1
            }
            leads[index] = lead
        }
        let names = KeyedMerge.numbered(pairs.map { "." + ($0.key.text ?? "") })
        var runs = [
            KeyedLines(
                key: "\u{0}head", lines: Array(block.lines[..<(leads.first ?? block.lines.count)]),
                start: block.start)
        ]
        for index in pairs.indices {
            let end = index + 1 < leads.count ? leads[index + 1] : block.lines.count
            runs.append(
                KeyedLines(
                    key: names[index], lines: Array(block.lines[leads[index]..<end]),
                    start: block.start + leads[index], value: pairs[index].value))
        }
        return runs
    }
}
