import CCmark
import Foundation

/// A GitHub task-list item found in a Markdown body.
struct TaskItem: Sendable, Equatable {
    /// The item's own text: its first paragraph as plain text, checkbox removed, trimmed.
    public var text: String
    /// The character between the brackets: ` `, `x`, `X`, `/`, `-`, `>`, or another one.
    public var mark: Character
    /// The 1-based line in the file (body line + firstLine - 1).
    public var line: Int
    /// The 1-based column, in Unicode scalars, of the list marker ("-", "*", "1.").
    public var column: Int
}

/// A section of a body under one heading.
struct MarkdownSection: Sendable, Equatable {
    /// The plain text of the heading.
    public var heading: String
    /// The heading level, 1 to 6.
    public var level: Int
    /// The file line of the heading.
    public var line: Int
    /// The list items under the heading (plain text, checkbox removed), else its paragraphs.
    public var items: [String]
}

/// What the report needs from a Markdown body.
struct MarkdownSummary: Sendable, Equatable {
    /// The plain text of the first non-empty top-level heading of any level, nil if none.
    public var title: String?
    /// Every task item in document order (never inside code or HTML blocks), nested items included.
    public var tasks: [TaskItem]
    /// One section per top-level heading, in document order.
    public var sections: [MarkdownSection]
}

/// Parses Markdown bodies with cmark-gfm.
enum MarkdownParser {
    /// `body` is the text after the front matter; its first line is line `firstLine` of the file.
    /// With `sections: false` the summary's sections stay empty, which spares the plain text of
    /// every paragraph and list item that is not a task (only reflections need sections).
    public static func summarize(_ body: String, firstLine: Int, sections: Bool = true) -> MarkdownSummary {
        let bounded = MarkdownBudget.bound(withoutNul(body))
        let source = bounded.bytes
        let summary = withDocument(source, extensions: summaryExtensionNames) { _, document in
            var reader = SummaryReader(
                source: source, firstLine: firstLine, originalLines: bounded.originalLines,
                collectSections: sections)
            return reader.read(document)
        }
        return summary ?? MarkdownSummary(title: nil, tasks: [], sections: [])
    }

    /// Renders Markdown to HTML in cmark's safe mode (no raw HTML, no javascript: links) with GFM.
    public static func html(_ markdown: String) -> String {
        let source = cmarkBytes(markdown)
        let rendered = withDocument(source, extensions: extensionNames) { parser, document -> String in
            let extensions = cmark_parser_get_syntax_extensions(parser)
            guard let html = cmark_render_html(document, CMARK_OPT_DEFAULT, extensions) else { return "" }
            defer { free(html) }
            return String(cString: html)
        }
        return rendered ?? ""
    }

    /// Registers the GFM core extensions exactly once (a `static let` initialiser is thread-safe).
    private static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// cmark-gfm 0.29 keeps the characters its extensions react to (`~`, `|`, `:`, `w`) in one
    /// process-wide table, which each parse fills when it starts on inlines and clears when it
    /// is done (github/cmark-gfm#176): two finishing at once lose each other's strikethroughs
    /// and tables. Block parsing, the larger part, still runs on every core.
    private static let inlineLock = NSLock()

    /// The extensions attached to a parser that renders HTML.
    private static let extensionNames = ["tasklist", "table", "strikethrough", "autolink"]
    /// The extensions attached to a parser that only reads text: autolink turns `www.…` into a
    /// link whose text is the same `www.…`, so it changes nothing here, yet it rescans every
    /// text node (a fifth of the Markdown parsing time).
    private static let summaryExtensionNames = ["tasklist", "table", "strikethrough"]

    /// The bytes handed to cmark: without a leading BOM, with NUL bytes replaced by U+FFFD
    /// exactly as cmark would, and with the escapes `MarkdownBudget` adds so that no body costs
    /// more than its length; byte columns reported by cmark index into this array.
    static func cmarkBytes(_ text: String) -> [UInt8] {
        MarkdownBudget.bounded(withoutNul(text))
    }

    static func withoutNul(_ text: String) -> [UInt8] {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
        }
        let hasNul = bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return false }
            return memchr(base, 0, raw.count) != nil
        }
        guard hasNul else { return bytes }
        var cleaned: [UInt8] = []
        cleaned.reserveCapacity(bytes.count + 16)
        for byte in bytes {
            if byte == 0 {
                cleaned.append(contentsOf: [0xEF, 0xBF, 0xBD])
            } else {
                cleaned.append(byte)
            }
        }
        return cleaned
    }

    /// Parses `source` with a fresh parser (one per call, so calls may run concurrently), hands the
    /// parser and the document to `use`, then frees the tree and then the parser.
    private static func withDocument<Result>(
        _ source: [UInt8], extensions: [String], _ use: (OpaquePointer, OpaquePointer) -> Result
    ) -> Result? {
        guard extensionsRegistered, let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in extensions {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                _ = cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        source.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress, !chars.isEmpty {
                    cmark_parser_feed(parser, base, chars.count)
                }
            }
        }
        guard let document = inlineLock.withLock({ cmark_parser_finish(parser) }) else { return nil }
        defer { cmark_node_free(document) }
        return use(parser, document)
    }

    /// The plain text of a node's inlines, trimmed: text and code spans keep their content, emphasis
    /// and link markup are dropped (links keep their text, images their alt text), raw inline HTML
    /// is dropped, and soft or hard line breaks become spaces. Iterative, so any depth is safe.
    static func plainText(_ node: OpaquePointer) -> String {
        var scratch: [UInt8] = []
        return plainText(node, scratch: &scratch)
    }

    /// `plainText(_:)`, reusing `scratch` as the byte buffer. Inline code keeps its backticks and a
    /// link its target (`the guide (https://…)`), so that a question's words all reach the report.
    static func plainText(_ node: OpaquePointer, scratch bytes: inout [UInt8]) -> String {
        bytes.removeAll(keepingCapacity: true)
        // Where each open link's text starts, to compare it with the target when the link ends.
        var links: [Int] = []
        func append(_ text: UnsafePointer<CChar>) {
            let count = strlen(text)
            text.withMemoryRebound(to: UInt8.self, capacity: count) { pointer in
                bytes.append(contentsOf: UnsafeBufferPointer(start: pointer, count: count))
            }
        }
        func leave(_ node: OpaquePointer) {
            guard cmark_node_get_type(node) == CMARK_NODE_LINK, let start = links.popLast(),
                let url = cmark_node_get_url(node), url.pointee != 0
            else { return }
            let target = String(cString: url)
            let text = String(decoding: bytes[start...], as: UTF8.self)
            // An autolink's text is its target already.
            guard text != target, "mailto:" + text != target else { return }
            bytes.append(contentsOf: Array((text.isEmpty ? target : " (" + target + ")").utf8))
        }
        // Depth-first through child, sibling and parent links: no iterator to allocate, no
        // recursion, so any depth is safe and each call is cheap.
        var next = cmark_node_first_child(node)
        while let current = next {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT:
                if let literal = cmark_node_get_literal(current) { append(literal) }
            case CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(current) {
                    // A fence longer than any run of backticks inside, as Markdown writes it.
                    let code = Array(String(cString: literal).utf8)
                    var longest = 0
                    var run = 0
                    for byte in code {
                        run = byte == UInt8(ascii: "`") ? run + 1 : 0
                        longest = max(longest, run)
                    }
                    let fence = [UInt8](repeating: UInt8(ascii: "`"), count: longest + 1)
                    let pad: [UInt8] =
                        code.first == UInt8(ascii: "`") || code.last == UInt8(ascii: "`") ? [0x20] : []
                    bytes += fence + pad + code + pad + fence
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                bytes.append(UInt8(ascii: " "))
            case CMARK_NODE_LINK:
                links.append(bytes.count)
            default:
                break
            }
            if let child = cmark_node_first_child(current) {
                next = child
                continue
            }
            leave(current)
            next = nil
            var climb: OpaquePointer? = current
            while let step = climb, step != node {
                if let sibling = cmark_node_next(step) {
                    next = sibling
                    break
                }
                climb = cmark_node_parent(step)
                if let parent = climb, parent != node { leave(parent) }
            }
        }
        return trimmed(String(decoding: bytes, as: UTF8.self))
    }

    /// `text` without leading and trailing white space (Unicode's definition).
    static func trimmed(_ text: String) -> String {
        // Usually both ends are visible ASCII, and there is nothing to look up.
        if let first = text.utf8.first, let last = text.utf8.last, first > 0x20, first < 0x7F, last > 0x20,
            last < 0x7F
        {
            return text
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return text }
        return String(scalars[first...last])
    }

    /// The 1-based column in Unicode scalars of a 1-based `byteColumn` on the line starting at
    /// `lineStart` in `source` (cmark reports columns in bytes).
    static func scalarColumn(byteColumn: Int, lineStart: Int, in source: [UInt8]) -> Int {
        guard byteColumn > 1, lineStart >= 0, lineStart < source.count else { return max(byteColumn, 1) }
        let end = lineStart + min(byteColumn - 1, source.count - lineStart)
        var scalars = 0
        for index in lineStart..<end where source[index] & 0xC0 != 0x80 {
            scalars += 1
        }
        return scalars + 1
    }

    /// The byte offset where each line of `source` starts, splitting lines as cmark does
    /// (`\n`, `\r\n` or a lone `\r`).
    static func lineStarts(in source: [UInt8]) -> [Int] {
        source.withUnsafeBufferPointer { bytes in
            var starts = [0]
            guard let base = bytes.baseAddress else { return starts }
            let newline = UInt8(ascii: "\n")
            let carriageReturn = UInt8(ascii: "\r")
            if memchr(base, Int32(carriageReturn), bytes.count) == nil {
                // The usual case: find each line feed with memchr.
                var offset = 0
                while offset < bytes.count,
                    let hit = memchr(base + offset, Int32(newline), bytes.count - offset)
                {
                    offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                    starts.append(offset)
                }
                return starts
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == newline {
                    starts.append(index + 1)
                } else if byte == carriageReturn {
                    if index + 1 < bytes.count, bytes[index + 1] == newline {
                        index += 1
                    }
                    starts.append(index + 1)
                }
                index += 1
            }
            return starts
        }
    }

    /// Splits a leading checkbox (`[ ] `, `[x] `, `[/] `, `[-] `, `[>] `, any one character
    /// between the brackets) off plain text: (mark, rest), or nil.
    static func checkboxPrefix(_ text: String) -> (mark: Character, rest: String)? {
        let scalars = Array(text.unicodeScalars.prefix(4))
        guard scalars.count == 4, scalars[0] == "[", scalars[2] == "]", isCheckboxMark(scalars[1]),
            scalars[3] == " " || scalars[3] == "\t"
        else { return nil }
        return (
            Character(scalars[1]), trimmed(String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(4))))
        )
    }

    /// Whether a scalar can be a task's mark: a space or a visible character, never a bracket.
    static func isCheckboxMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || (scalar != "[" && scalar != "]" && scalar.value > 0x20 && scalar.value != 0x7F)
    }
}

/// Walks one parsed document once; keeps the line index needed for columns, built on first use.
private struct SummaryReader {
    let source: [UInt8]
    let firstLine: Int
    /// Whether sections are wanted; without them, headings after the title and non-task items
    /// are not turned into text at all.
    let collectSections: Bool
    private var starts: [Int]?
    private var scratch: [UInt8] = []
    private var title: String?
    private var tasks: [TaskItem] = []
    private var sections: [OpenSection] = []
    /// Indices in `sections` of the sections still open (their level strictly increasing).
    private var open: [Int] = []

    /// A section being filled while its heading is open.
    private struct OpenSection {
        var heading: String
        var level: Int
        var line: Int
        var listItems: [String] = []
        var paragraphs: [String] = []
    }

    /// For each line cmark saw, the body line it comes from, when `MarkdownBudget` broke lines.
    let originalLines: [Int]?

    init(source: [UInt8], firstLine: Int, originalLines: [Int]?, collectSections: Bool) {
        self.source = source
        self.firstLine = firstLine
        self.originalLines = originalLines
        self.collectSections = collectSections
    }

    /// The summary of `document`. The title and sections come from top-level blocks only; a section
    /// runs until the next heading of the same or a higher level, so it includes its sub-sections.
    /// Tasks come from every depth, walked with cmark's iterator (no recursion, so any nesting depth
    /// is harmless); paragraphs and headings are skipped without visiting their inlines.
    mutating func read(_ document: OpaquePointer) -> MarkdownSummary {
        var block = cmark_node_first_child(document)
        while let node = block {
            block = cmark_node_next(node)
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                if collectSections {
                    openSection(node)
                } else if title == nil {
                    let heading = MarkdownParser.plainText(node, scratch: &scratch)
                    if !heading.isEmpty { title = heading }
                }
            case CMARK_NODE_PARAGRAPH:
                guard !open.isEmpty else { continue }
                let text = MarkdownParser.plainText(node, scratch: &scratch)
                guard !text.isEmpty else { continue }
                for index in open { sections[index].paragraphs.append(text) }
            case CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK:
                continue
            default:
                walk(node)
            }
        }
        let result = sections.map { section in
            MarkdownSection(
                heading: section.heading, level: section.level, line: section.line,
                items: section.listItems.isEmpty ? section.paragraphs : section.listItems)
        }
        return MarkdownSummary(title: title, tasks: tasks, sections: result)
    }

    /// Starts a section at a top-level heading, closing those of the same or a deeper level.
    mutating func openSection(_ node: OpaquePointer) {
        let heading = MarkdownParser.plainText(node, scratch: &scratch)
        let level = Int(cmark_node_get_heading_level(node))
        if title == nil, !heading.isEmpty { title = heading }
        while let last = open.last, sections[last].level >= level {
            open.removeLast()
        }
        open.append(sections.count)
        sections.append(
            OpenSection(heading: heading, level: level, line: fileLine(cmark_node_get_start_line(node))))
    }

    /// Collects the tasks inside a top-level block, and, when it is a list, its items' texts for
    /// the open sections.
    mutating func walk(_ block: OpaquePointer) {
        guard let iterator = cmark_iter_new(block) else { return }
        defer { cmark_iter_free(iterator) }
        let isList = cmark_node_get_type(block) == CMARK_NODE_LIST
        var listItems: [String] = []
        while true {
            let event = cmark_iter_next(iterator)
            guard event == CMARK_EVENT_ENTER || event == CMARK_EVENT_EXIT else { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING {
                cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
                continue
            }
            guard type == CMARK_NODE_ITEM else { continue }
            let paragraph = firstParagraph(of: node)
            let listed = isList && !open.isEmpty && cmark_node_parent(node) == block
            // The text is needed for a task, a listed section item, or a literal checkbox that
            // cmark-gfm missed; any other item is passed over without building it.
            let needsText =
                listed || isTasklistItem(node) || paragraph.map { sourceStartsWithCheckbox($0) } == true
            guard needsText else { continue }
            let text = paragraph.map { MarkdownParser.plainText($0, scratch: &scratch) } ?? ""
            let state = taskState(node, paragraph: paragraph, text: text)
            if let state { tasks.append(task(node, mark: state.mark, text: state.text)) }
            if listed {
                let ownText = state?.text ?? text
                if !ownText.isEmpty { listItems.append(ownText) }
            }
        }
        for index in open { sections[index].listItems.append(contentsOf: listItems) }
    }

    /// The first paragraph among the direct children of `item`.
    func firstParagraph(of item: OpaquePointer) -> OpaquePointer? {
        var child = cmark_node_first_child(item)
        while let node = child {
            if cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH { return node }
            child = cmark_node_next(node)
        }
        return nil
    }

    /// Whether cmark's tasklist extension recognised `item`.
    func isTasklistItem(_ item: OpaquePointer) -> Bool {
        guard let typeName = cmark_node_get_type_string(item) else { return false }
        return strcmp(typeName, "tasklist") == 0
    }

    /// Whether `item` is a task, and its own text (checkbox removed); nil for a plain item.
    /// cmark-gfm 0.29.0.gfm.6 misses a task whose marker follows another container marker on the
    /// same line (`> - [x] a`, `- - [ ] b`, `1. - [ ] c`): its text then starts with the checkbox,
    /// which is recognised here when it is literally in the source (an escaped `\[x]` is not).
    mutating func taskState(_ item: OpaquePointer, paragraph: OpaquePointer?, text: String) -> (
        mark: Character, text: String
    )? {
        if isTasklistItem(item) {
            return (cmark_gfm_extensions_get_tasklist_item_checked(item) ? "x" : " ", text)
        }
        guard let paragraph, let box = MarkdownParser.checkboxPrefix(text),
            sourceStartsWithCheckbox(paragraph)
        else { return nil }
        return (box.mark, box.rest)
    }

    /// The task item for `item`, with its file line and its column in scalars.
    mutating func task(_ item: OpaquePointer, mark: Character, text: String) -> TaskItem {
        let bodyLine = cmark_node_get_start_line(item)
        let byteColumn = Int(cmark_node_get_start_column(item))
        let column: Int
        if let start = lineStart(bodyLine) {
            column = MarkdownParser.scalarColumn(byteColumn: byteColumn, lineStart: start, in: source)
        } else {
            column = max(byteColumn, 1)
        }
        return TaskItem(text: text, mark: mark, line: fileLine(bodyLine), column: column)
    }

    /// Whether the source bytes at the start of `paragraph` are a literal checkbox (so an escaped
    /// `\[x]` is not taken for one).
    mutating func sourceStartsWithCheckbox(_ paragraph: OpaquePointer) -> Bool {
        let column = Int(cmark_node_get_start_column(paragraph))
        guard column >= 1, let start = lineStart(cmark_node_get_start_line(paragraph)) else { return false }
        let offset = start + column - 1
        guard offset >= 0, offset + 3 < source.count else { return false }
        guard source[offset] == UInt8(ascii: "[") else { return false }
        // One character between the brackets, which may take several bytes.
        let lead = source[offset + 1]
        let width = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
        guard width > 0, offset + 2 + width <= source.count else { return false }
        let bytes = source[(offset + 1)..<(offset + 1 + width)]
        guard let mark = String(validating: bytes, as: UTF8.self)?.unicodeScalars.first,
            MarkdownParser.isCheckboxMark(mark), source[offset + 1 + width] == UInt8(ascii: "]")
        else { return false }
        return true
    }

    /// The file line of a body line, saturating instead of overflowing.
    func fileLine(_ bodyLine: Int32) -> Int {
        var original = Int(bodyLine)
        if let originalLines, original >= 1, original <= originalLines.count {
            original = originalLines[original - 1]
        }
        let (line, overflow) = firstLine.addingReportingOverflow(original - 1)
        if overflow { return firstLine > 0 ? Int.max : Int.min }
        return line
    }

    /// The byte offset where a 1-based body line starts, or nil when out of range.
    mutating func lineStart(_ line: Int32) -> Int? {
        let table = starts ?? MarkdownParser.lineStarts(in: source)
        starts = table
        let index = Int(line) - 1
        guard index >= 0, index < table.count else { return nil }
        return table[index]
    }
}
