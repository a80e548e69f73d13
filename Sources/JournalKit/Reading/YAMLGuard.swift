extension YAMLReader {
    /// A cheap scan run before Yams sees the text: Yams composes recursively (a deep document
    /// would overflow the stack) and hashes mapping keys in full (an alias bomb used as a key
    /// would never finish). Both shapes are refused here with a position.
    enum Guard {
        struct Finding {
            var message: String
            var line: Int
            var column: Int
        }

        static func check(_ yaml: String) -> Finding? {
            // A contiguous buffer: the byte loop below runs for every file, and iterating a
            // `String.UTF8View` costs several times more per byte.
            var text = yaml
            return text.withUTF8 { scan($0, yaml: yaml) }
        }

        private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, yaml: String) -> Finding? {
            var flowDepth = 0
            var line = 1
            var column = 0
            var atLineStart = true
            var indent = 0
            var blockIndicators = 0
            var quote: UInt8? = nil
            var inComment = false
            var previous: UInt8 = UInt8(ascii: "\n")
            var aliasCount = 0
            var aliasInKey: (Int, Int)? = nil
            var pendingAlias: (Int, Int)? = nil
            var explicitKey: (Int, Int)? = nil
            var closedFlow = false
            var justClosedQuote = false
            var quoteKeyIndent: Int? = nil
            var blockHeader = false
            var afterKey = false
            var flowInBlock = false
            var loneDash: (Int, Int)? = nil
            var leadingTab: (Int, Int)? = nil

            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
            func isBreakOrSpace(_ byte: UInt8) -> Bool { isSpace(byte) || byte == 0x0A || byte == 0x0D }

            for byte in bytes {
                column += 1
                if byte == 0x0A {
                    line += 1
                    column = 0
                    atLineStart = true
                    indent = 0
                    blockIndicators = 0
                    inComment = false
                    pendingAlias = nil
                    closedFlow = false
                    justClosedQuote = false
                    blockHeader = false
                    leadingTab = nil
                    if quote == nil { afterKey = false }
                    previous = byte
                    continue
                }
                if inComment { continue }
                if let open = quote {
                    if atLineStart {
                        if byte == 0x20 {
                            indent += 1
                            previous = byte
                            continue
                        }
                        atLineStart = false
                        if let keyIndent = quoteKeyIndent, indent <= keyIndent, byte != 0x0D {
                            return Finding(
                                message: "a quoted value that continues on the next line must be indented "
                                    + "more than its key (tabs do not count as indentation)",
                                line: line, column: column)
                        }
                    }
                    if byte == open, previous != UInt8(ascii: "\\") || open == UInt8(ascii: "'") {
                        quote = nil
                        justClosedQuote = true
                        previous = 0
                        continue
                    }
                    previous = byte == UInt8(ascii: "\\") && previous == UInt8(ascii: "\\") ? 0 : byte
                    continue
                }
                if let tab = leadingTab, !isSpace(byte), byte != 0x0D {
                    return Finding(
                        message:
                            "a tab cannot indent a line inside brackets that belong to a list or mapping",
                        line: tab.0, column: tab.1)
                }
                if let dash = loneDash {
                    loneDash = nil
                    if isBreakOrSpace(byte) || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]")
                        || byte == UInt8(ascii: "}")
                    {
                        return Finding(
                            message:
                                "a lone `-` is not a value inside brackets (lists there are written [a, b])",
                            line: dash.0, column: dash.1)
                    }
                }
                if justClosedQuote {
                    justClosedQuote = false
                    if byte == UInt8(ascii: "#") {
                        return Finding(
                            message: "a comment needs a space before `#`", line: line, column: column)
                    }
                }
                if blockHeader {
                    if byte == UInt8(ascii: "#") {
                        return Finding(
                            message: "a comment needs a space before `#`", line: line, column: column)
                    }
                    let isIndicator =
                        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "+")
                        || byte == UInt8(ascii: "-")
                    if !isIndicator { blockHeader = false }
                }
                if atLineStart {
                    if byte == 0x20 {
                        indent += 1
                        previous = byte
                        continue
                    }
                    atLineStart = false
                    if byte == 0x09, indent == 0, flowDepth > 0, flowInBlock { leadingTab = (line, column) }
                    if indent > YAMLReader.maxIndent {
                        return Finding(
                            message: "front matter is indented more than \(YAMLReader.maxIndent) columns",
                            line: line, column: 1)
                    }
                }
                switch byte {
                case UInt8(ascii: "#") where isBreakOrSpace(previous):
                    inComment = true
                case UInt8(ascii: "'"), UInt8(ascii: "\""):
                    if isBreakOrSpace(previous) || previous == UInt8(ascii: "[")
                        || previous == UInt8(ascii: "{")
                        || previous == UInt8(ascii: ",") || previous == UInt8(ascii: ":")
                    {
                        quote = byte
                        quoteKeyIndent = flowDepth == 0 && afterKey ? indent : nil
                    }
                case UInt8(ascii: "|"), UInt8(ascii: ">"):
                    if isSpace(previous) && flowDepth == 0 { blockHeader = true }
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    if flowDepth == 0 { flowInBlock = blockIndicators > 0 || afterKey }
                    flowDepth += 1
                    if flowDepth > YAMLReader.maxDepth {
                        return Finding(
                            message: "front matter nests deeper than \(YAMLReader.maxDepth) levels",
                            line: line, column: column)
                    }
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    flowDepth = max(0, flowDepth - 1)
                    closedFlow = true
                case UInt8(ascii: "-") where flowDepth > 0:
                    if isBreakOrSpace(previous) || previous == UInt8(ascii: "[")
                        || previous == UInt8(ascii: ",")
                    {
                        loneDash = (line, column)
                    }
                case UInt8(ascii: "-"), UInt8(ascii: "?"):
                    if isBreakOrSpace(previous) || previous == UInt8(ascii: "-") {
                        blockIndicators += 1
                        if byte == UInt8(ascii: "?") && explicitKey == nil { explicitKey = (line, column) }
                        if indent + blockIndicators > YAMLReader.maxDepth {
                            return Finding(
                                message: "front matter nests deeper than \(YAMLReader.maxDepth) levels",
                                line: line, column: column)
                        }
                    }
                case UInt8(ascii: "*")
                where isBreakOrSpace(previous) || previous == UInt8(ascii: "[")
                    || previous == UInt8(ascii: "{")
                    || previous == UInt8(ascii: ",") || previous == UInt8(ascii: "-")
                    || previous == UInt8(ascii: "?"):
                    aliasCount += 1
                    pendingAlias = (line, column)
                case UInt8(ascii: ":"):
                    afterKey = true
                    if let alias = pendingAlias, aliasInKey == nil { aliasInKey = alias }
                    if closedFlow, aliasInKey == nil, aliasCount > 0 { aliasInKey = (line, column) }
                case UInt8(ascii: ","):
                    pendingAlias = nil
                default:
                    break
                }
                previous = byte
            }
            if let finding = blockScalarIndentation(yaml) { return finding }
            // A key that holds aliases is hashed in full; with few aliases the expansion stays small
            // (16 aliases expand to at most 2^8 values), so only many of them are refused.
            if aliasCount > 16, let place = aliasInKey ?? explicitKey {
                return Finding(
                    message: "an alias used inside a mapping key is not supported in front matter",
                    line: place.0, column: place.1)
            }
            return nil
        }

        /// Leading blank lines of a block scalar may not hold more spaces than its first
        /// content line (libyaml accepts this; YAML does not).
        static func blockScalarIndentation(_ yaml: String) -> Finding? {
            let bytes = Array(yaml.utf8)
            guard bytes.contains(UInt8(ascii: "|")) || bytes.contains(UInt8(ascii: ">")) else { return nil }
            // Line ranges, without their line feeds.
            var lines: [Range<Int>] = []
            var start = 0
            for (index, byte) in bytes.enumerated() where byte == 0x0A {
                lines.append(start..<index)
                start = index + 1
            }
            lines.append(start..<bytes.count)
            func indent(_ line: Range<Int>) -> Int { bytes[line].prefix(while: { $0 == 0x20 }).count }
            func isBlank(_ line: Range<Int>) -> Bool { bytes[line].allSatisfy { $0 == 0x20 } }
            func endsWithHeader(_ line: Range<Int>) -> Bool {
                var slice = bytes[line]
                if let hash = slice.indices.first(where: {
                    $0 > line.lowerBound && slice[$0] == UInt8(ascii: "#") && slice[$0 - 1] == 0x20
                }) {
                    slice = slice[..<hash]
                }
                while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
                // Optional chomping indicator after the `|` or `>`; an explicit indentation digit
                // makes the rule moot.
                if let last = slice.last, last == UInt8(ascii: "+") || last == UInt8(ascii: "-") {
                    slice = slice.dropLast()
                }
                guard let marker = slice.last, marker == UInt8(ascii: "|") || marker == UInt8(ascii: ">")
                else {
                    return false
                }
                slice = slice.dropLast()
                return slice.isEmpty || slice.last == 0x20
            }
            var index = 0
            while index < lines.count {
                let line = lines[index]
                index += 1
                guard endsWithHeader(line) else { continue }
                let parentIndent = indent(line)
                var widestBlank = 0
                var widestBlankLine = 0
                var probe = index
                while probe < lines.count, isBlank(lines[probe]) {
                    if lines[probe].count > widestBlank {
                        widestBlank = lines[probe].count
                        widestBlankLine = probe + 1
                    }
                    probe += 1
                }
                guard probe < lines.count else { continue }
                let firstIndent = indent(lines[probe])
                if firstIndent > parentIndent, widestBlank > firstIndent {
                    return Finding(
                        message:
                            "a blank line at the start of a block scalar has more spaces than its first line",
                        line: widestBlankLine, column: 1)
                }
            }
            return nil
        }
    }
}
