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
        // The same value written two ways (`held`, `"held"`, another spacing) is no conflict.
        if let o = ours.value, let t = theirs.value, sameContent(o, t),
            comments(ours.lines) == comments(theirs.lines)
        {
            return [.text(ours.lines)]
        }
        let sides = [base, ours, theirs].compactMap { $0 }
        if sides.allSatisfy({ isListOrNothing($0.value) }), sides.contains(where: { $0.value?.items != nil })
        {
            if let merged = try list(base, ours, theirs) { return merged }
            // A list in flow style (`goals: [a, b]`) merges as a block list does.
            return scalarList(base, ours, theirs) ?? conflict
        }
        if sides.allSatisfy({ $0.value?.pairs != nil }) {
            return try mapping(base, ours, theirs) ?? conflict
        }
        return conflict
    }

    /// Whether two values say the same: scalars of the same text (quoted or not, unless the
    /// quotes change what a plain word means: `"null"`, `"true"`, `"3"`), lists and mappings
    /// of the same content in the same order.
    static func sameContent(_ a: YAMLValue, _ b: YAMLValue) -> Bool {
        switch (a, b) {
        case (.scalar(let x, let plainX, _), .scalar(let y, let plainY, _)):
            return x == y && (plainX == plainY || !isSpecialPlain(x))
        case (.sequence(let x, _), .sequence(let y, _)):
            return x.count == y.count && zip(x, y).allSatisfy { sameContent($0, $1) }
        case (.mapping(let x, _), .mapping(let y, _)):
            return x.count == y.count
                && zip(x, y).allSatisfy { sameContent($0.key, $1.key) && sameContent($0.value, $1.value) }
        default:
            return false
        }
    }

    /// A plain scalar YAML reads as something other than text.
    private static func isSpecialPlain(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return ["", "~", "null", "true", "false", "yes", "no", "on", "off"].contains(lowered)
            || Double(text) != nil || text.hasPrefix("0x") || text.hasPrefix("0o")
    }

    /// A key's comment lines, trimmed.
    private static func comments(_ lines: [String]) -> [String] {
        lines.filter(isBlankOrComment).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter {
            !$0.isEmpty
        }
    }

    /// Lists of plain values, one of them at least in flow style, merged as ordered sets (what
    /// either side added, ours first; what either side removed goes) and written back in the
    /// style of ours. Nil when an item is not a plain value or the key line cannot be kept.
    private static func scalarList(_ base: KeyedLines?, _ ours: KeyedLines, _ theirs: KeyedLines)
        -> [MergePiece]?
    {
        func values(_ side: KeyedLines?) -> [YAMLValue]? {
            guard let value = side?.value else { return [] }
            if value.isNull { return [] }
            guard let items = value.items, items.allSatisfy({ $0.text != nil }) else { return nil }
            return items
        }
        guard let b = values(base), let o = values(ours), let t = values(theirs) else { return nil }
        let texts = { (items: [YAMLValue]) in items.compactMap(\.text) }
        let removed = Set(texts(b)).subtracting(texts(t))
        var merged = o.filter { !removed.contains($0.text ?? "") }
        var seen = Set(texts(merged) + texts(b))
        for item in t where !seen.contains(item.text ?? "") {
            merged.append(item)
            seen.insert(item.text ?? "")
        }
        guard let keyIndex = ours.lines.firstIndex(where: { !isBlankOrComment($0) }),
            let colon = ours.lines[keyIndex].firstIndex(of: ":")
        else { return nil }
        let keyLine = ours.lines[keyIndex]
        let ending = keyLine.hasSuffix("\r\n") ? "\r\n" : "\n"
        let key = String(keyLine[...colon])
        let indent = String(keyLine.prefix { $0 == " " })
        func written(_ item: YAMLValue) -> String {
            guard case .scalar(let text, let plain, _) = item else { return "\"\"" }
            let safe =
                !text.isEmpty
                && text.unicodeScalars.allSatisfy {
                    CharacterSet.alphanumerics.contains($0) || " _.-/".unicodeScalars.contains($0)
                } && text.first != " " && text.last != " " && text.first != "-"
            if safe && (plain || !isSpecialPlain(text)) { return text }
            return "\""
                + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
                    of: "\"", with: "\\\"")
                + "\""
        }
        let oursIsFlow =
            ours.value?.items == nil || ours.lines.dropFirst(keyIndex).contains { $0.contains("[") }
        let lines: [String]
        if oursIsFlow || merged.isEmpty {
            lines = [key + " [" + merged.map(written).joined(separator: ", ") + "]" + ending]
        } else {
            lines = [key + ending] + merged.map { indent + "  - " + written($0) + ending }
        }
        return [.text(Array(ours.lines[..<keyIndex]) + lines)]
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
    /// `firstLine` on) is a run of its own. A key written but commented out (a template's
    /// `# next: YYYY-MM-DD`) is a run known by the same name, so that writing it on one side is
    /// a change of that key alone. Comments after the last key are a run of their own. Nil when
    /// a key does not start its own line at `column`, so the cut would not follow the keys.
    static func fields(_ block: KeyedLines, pairs: [YAMLPair], column: Int, firstLine: Int) -> [KeyedLines]? {
        var starts: [(line: Int, name: String, value: YAMLValue?)] = []
        for pair in pairs {
            guard let name = pair.key.text, pair.key.position.column == column else { return nil }
            let line = pair.key.position.line - 1 - block.start
            let previous = starts.last?.line ?? (firstLine - 1)
            guard line >= firstLine, block.lines.indices.contains(line), line > previous else { return nil }
            guard block.lines[line].prefix(column - 1).allSatisfy({ $0 == " " }) else { return nil }
            starts.append((line, name, pair.value))
        }
        // Keys commented out at the keys' margin, outside every key's own lines.
        let real = Set(starts.map(\.line))
        var commented: [(line: Int, name: String, value: YAMLValue?)] = []
        for line in firstLine..<block.lines.count where !real.contains(line) {
            guard let name = commentedKey(block.lines[line], column: column) else { continue }
            // Below a key whose value goes on past this line (a block list with a comment in it), it is
            // part of that value.
            if let owner = starts.last(where: { $0.line < line }), let value = owner.value,
                lastLine(of: value) - 1 - block.start > line
            {
                continue
            }
            commented.append((line, name, nil))
        }
        starts = (starts + commented).sorted { $0.line < $1.line }
        // Comments and blank lines just above a key go with it (not the lines that continue a
        // commented key, `#   - first topic` under `# agenda:`).
        var leads = starts.map(\.line)
        for (index, start) in starts.enumerated() {
            var lead = start.line
            let floor = index == 0 ? firstLine : starts[index - 1].line + 1
            while lead > floor, isBlankOrComment(block.lines[lead - 1]),
                block.lines[lead - 1].prefix(while: { $0 == " " }).count < column,
                !continuesComment(block.lines[lead - 1])
            {
                lead -= 1
            }
            leads[index] = lead
        }
        // Comments and blank lines after the last key belong to no key: a run of their own.
        var tail = block.lines.count
        if let last = starts.last?.line {
            while tail - 1 > last, isBlankOrComment(block.lines[tail - 1]),
                block.lines[tail - 1].prefix(while: { $0 == " " }).count < column,
                !continuesComment(block.lines[tail - 1])
            {
                tail -= 1
            }
        }
        let names = KeyedMerge.numbered(starts.map { "." + $0.name })
        var runs = [
            KeyedLines(
                key: "\u{0}head", lines: Array(block.lines[..<(leads.first ?? block.lines.count)]),
                start: block.start)
        ]
        for index in starts.indices {
            let end = index + 1 < leads.count ? leads[index + 1] : tail
            runs.append(
                KeyedLines(
                    key: names[index], lines: Array(block.lines[leads[index]..<end]),
                    start: block.start + leads[index], value: starts[index].value))
        }
        if tail < block.lines.count {
            runs.append(
                KeyedLines(key: "\u{0}tail", lines: Array(block.lines[tail...]), start: block.start + tail))
        }
        return runs
    }

    /// The key of a line that is a key commented out at the margin `column` (`# next: …`).
    static func commentedKey(_ line: String, column: Int) -> String? {
        let characters = Array(line)
        var index = 0
        while index < characters.count, characters[index] == " " { index += 1 }
        guard index == column - 1, index < characters.count, characters[index] == "#" else { return nil }
        index += 1
        if index < characters.count, characters[index] == " " { index += 1 }
        let start = index
        while index < characters.count,
            characters[index].isLetter || characters[index].isNumber || characters[index] == "_"
                || (characters[index] == "-" && index > start)
        {
            index += 1
        }
        guard index > start, index < characters.count, characters[index] == ":",
            characters[start].isLetter || characters[start] == "_"
        else { return nil }
        let after = index + 1 < characters.count ? characters[index + 1] : "\n"
        guard after == " " || after == "\n" || after == "\r\n" || after == "\t" else { return nil }
        return String(characters[start..<index])
    }

    /// A comment line that goes on from the one above it (`#   - first topic`): after its `#`,
    /// more than one space, or a list dash.
    static func continuesComment(_ line: String) -> Bool {
        let rest = line.drop { $0 == " " || $0 == "\t" }
        guard rest.first == "#" else { return false }
        let after = rest.dropFirst()
        return after.hasPrefix("  ") || after.hasPrefix("\t") || after.hasPrefix(" -")
    }

    /// The 1-based line of a value's last character (its last item or field's).
    static func lastLine(of value: YAMLValue) -> Int {
        switch value {
        case .scalar(_, _, let span): return span.start.line
        case .sequence(let items, let span): return items.last.map(lastLine) ?? span.start.line
        case .mapping(let pairs, let span):
            return pairs.last.map { lastLine(of: $0.value) } ?? span.start.line
        }
    }
}
