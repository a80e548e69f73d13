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
            var flowDepth = 0
            var line = 1
            var column = 0
            var atLineStart = true
            var indent = 0
            var blockIndicators = 0
            var quote: UInt8? = nil
            var inComment = false
            var previous: UInt8 = UInt8(ascii: "\n")
            var sawAlias = false
            var aliasInKey: (Int, Int)? = nil
            var pendingAlias: (Int, Int)? = nil
            var explicitKey: (Int, Int)? = nil
            var closedFlow = false

            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
            func isBreakOrSpace(_ byte: UInt8) -> Bool { isSpace(byte) || byte == 0x0A || byte == 0x0D }

            for byte in yaml.utf8 {
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
                    previous = byte
                    continue
                }
                if inComment { continue }
                if let open = quote {
                    if byte == open, previous != UInt8(ascii: "\\") || open == UInt8(ascii: "'") {
                        quote = nil
                    }
                    previous = byte
                    continue
                }
                if atLineStart {
                    if byte == 0x20 {
                        indent += 1
                        previous = byte
                        continue
                    }
                    atLineStart = false
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
                    if isBreakOrSpace(previous) || previous == UInt8(ascii: "[") || previous == UInt8(ascii: "{")
                        || previous == UInt8(ascii: ",") || previous == UInt8(ascii: ":")
                    {
                        quote = byte
                    }
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    flowDepth += 1
                    if flowDepth > YAMLReader.maxDepth {
                        return Finding(
                            message: "front matter nests deeper than \(YAMLReader.maxDepth) levels",
                            line: line, column: column)
                    }
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    flowDepth = max(0, flowDepth - 1)
                    closedFlow = true
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
                where isBreakOrSpace(previous) || previous == UInt8(ascii: "[") || previous == UInt8(ascii: "{")
                    || previous == UInt8(ascii: ",") || previous == UInt8(ascii: "-") || previous == UInt8(ascii: "?"):
                    sawAlias = true
                    pendingAlias = (line, column)
                case UInt8(ascii: ":"):
                    if let alias = pendingAlias, aliasInKey == nil { aliasInKey = alias }
                    if closedFlow, aliasInKey == nil, sawAlias { aliasInKey = (line, column) }
                case UInt8(ascii: ","):
                    pendingAlias = nil
                default:
                    break
                }
                previous = byte
            }
            if sawAlias, let place = aliasInKey ?? explicitKey {
                return Finding(
                    message: "an alias used inside a mapping key is not supported in front matter",
                    line: place.0, column: place.1)
            }
            return nil
        }
    }
}
