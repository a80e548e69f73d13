import CYaml
import Foundation

/// Turns front matter text into a `YAMLValue`, guarded against hostile input.
///
/// The values are built straight from libyaml's events (the parser Yams wraps): journal reads
/// every value as text and types it itself, so Yams' node tree, its tag resolution and its
/// hashing of every mapping's keys would be built only to be converted and thrown away. The
/// document is composed as Yams composes it (one document, aliases expanded, duplicate keys
/// refused), without recursion, and with a budget that stops an alias bomb.
enum YAMLReader {
    /// Deepest nesting accepted; real front matter nests two or three levels.
    public static let maxDepth = 100
    /// Most values an alias-expanded document may hold.
    public static let maxValues = 100_000
    /// Widest indentation accepted; deeper block nesting needs ever wider indentation.
    public static let maxIndent = 200

    /// Parses `yaml`, whose first line is line `firstLine` of the file.
    public static func read(_ yaml: String, firstLine: Int) -> Result<YAMLValue?, YAMLProblem> {
        if let problem = Guard.check(yaml) {
            return .failure(
                YAMLProblem(
                    message: problem.message,
                    position: SourcePosition(
                        line: problem.line + firstLine - 1, column: problem.column)))
        }
        var text = yaml
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return .success(nil) }
            var composer = Composer(firstLine: firstLine)
            return composer.compose(base, count: bytes.count)
        }
    }

    /// One collection being read: its start, anchor, and where its values begin in the
    /// composer's one stack of values (for a mapping, keys and values alternate).
    private struct Frame {
        var isMapping: Bool
        var position: SourcePosition
        var anchor: String?
        var start: Int
        /// Values inside, itself included, with aliases counted as expanded.
        var size = 1
    }

    private struct Composer {
        let firstLine: Int
        var stack: [Frame] = []
        /// The values of every open collection, innermost last: each collection's array is made
        /// once, at its exact size, when it ends.
        var values: [YAMLValue] = []
        /// Anchored values by name, with their expanded size; a later anchor shadows an earlier one.
        var anchors: [String: (value: YAMLValue, size: Int)] = [:]
        var budget = YAMLReader.maxValues
        var root: YAMLValue? = nil
        var documents = 0

        init(firstLine: Int) { self.firstLine = firstLine }

        func position(_ mark: yaml_mark_t) -> SourcePosition {
            SourcePosition(line: Int(mark.line) + firstLine, column: Int(mark.column) + 1)
        }

        func problem(_ message: String, _ mark: yaml_mark_t) -> YAMLProblem {
            YAMLProblem(message: message, position: position(mark))
        }

        mutating func compose(_ base: UnsafePointer<UInt8>, count: Int) -> Result<YAMLValue?, YAMLProblem> {
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return .failure(
                    YAMLProblem(
                        message: "YAML cannot be read: out of memory",
                        position: SourcePosition(line: firstLine, column: 1)))
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, base, count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    return .failure(parserProblem(parser, base, count))
                }
                let outcome = take(event)
                yaml_event_delete(&event)
                switch outcome {
                case .more: continue
                case .done: return .success(root)
                case .failed(let problem): return .failure(problem)
                }
            }
        }

        enum Outcome {
            case more
            case done
            case failed(YAMLProblem)
        }

        mutating func take(_ event: yaml_event_t) -> Outcome {
            let mark = event.start_mark
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return .done
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    return .failed(
                        problem(
                            "YAML syntax: expected a single document in the stream, but found another document",
                            mark))
                }
                return .more
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text =
                    scalar.value.map {
                        String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self)
                    } ?? ""
                guard charge(1) else { return .failed(tooLarge) }
                let value = YAMLValue.scalar(
                    text, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE,
                    SourceSpan(start: position(mark), end: position(event.end_mark)))
                add(value, size: 1, anchor: name(scalar.anchor))
                return .more
            case YAML_ALIAS_EVENT:
                let anchor = name(event.data.alias.anchor) ?? ""
                guard let anchored = anchors[anchor] else {
                    return .failed(problem("YAML syntax: found undefined alias", mark))
                }
                guard charge(anchored.size) else { return .failed(tooLarge) }
                add(anchored.value, size: anchored.size, anchor: nil)
                return .more
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                guard stack.count < YAMLReader.maxDepth else {
                    return .failed(
                        problem("front matter nests deeper than \(YAMLReader.maxDepth) levels", mark))
                }
                guard charge(1) else { return .failed(tooLarge) }
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor =
                    isMapping ? name(event.data.mapping_start.anchor) : name(event.data.sequence_start.anchor)
                stack.append(
                    Frame(isMapping: isMapping, position: position(mark), anchor: anchor, start: values.count)
                )
                return .more
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { return .more }
                let value: YAMLValue
                if frame.isMapping {
                    var pairs: [YAMLPair] = []
                    pairs.reserveCapacity((values.count - frame.start) / 2)
                    var index = frame.start
                    while index + 1 < values.count {
                        pairs.append(YAMLPair(key: values[index], value: values[index + 1]))
                        index += 2
                    }
                    if let duplicate = YAMLReader.duplicateKeys(pairs) {
                        return .failed(duplicate)
                    }
                    value = .mapping(pairs, SourceSpan(start: frame.position, end: position(mark)))
                } else {
                    value = .sequence(
                        Array(values[frame.start...]), SourceSpan(start: frame.position, end: position(mark)))
                }
                values.removeSubrange(frame.start...)
                add(value, size: frame.size, anchor: frame.anchor)
                return .more
            default:
                return .more
            }
        }

        /// Counts `count` more values (an alias counts as all it stands for) against the budget;
        /// false once the document holds more than `maxValues`.
        mutating func charge(_ count: Int) -> Bool {
            budget -= count
            return budget >= 0
        }

        var tooLarge: YAMLProblem {
            YAMLProblem(
                message: "front matter expands to more than \(YAMLReader.maxValues) values (an alias bomb?)",
                position: SourcePosition(line: firstLine, column: 1))
        }

        /// Places a finished value (of `size` values, itself included) in the collection being
        /// read, or as the document.
        mutating func add(_ value: YAMLValue, size: Int, anchor: String?) {
            if let anchor { anchors[anchor] = (value, size) }
            if stack.isEmpty {
                root = value
            } else {
                values.append(value)
                stack[stack.count - 1].size += size
            }
        }

        func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            guard let pointer else { return nil }
            return String(cString: pointer)
        }

        /// libyaml's own account of a syntax error, at its place.
        func parserProblem(_ parser: yaml_parser_t, _ base: UnsafePointer<UInt8>, _ count: Int) -> YAMLProblem
        {
            let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
            switch parser.error {
            case YAML_MEMORY_ERROR:
                return YAMLProblem(
                    message: "YAML cannot be read: out of memory",
                    position: SourcePosition(line: firstLine, column: 1))
            case YAML_READER_ERROR:
                // The reader reports a byte offset; count lines and characters up to it.
                let end = min(Int(parser.problem_offset), count)
                var line = firstLine
                var column = 1
                for index in 0..<end {
                    let byte = base[index]
                    if byte == 0x0A {
                        line += 1
                        column = 1
                    } else if byte & 0xC0 != 0x80 {
                        column += 1
                    }
                }
                return YAMLProblem(
                    message: "YAML cannot be read: \(problem)",
                    position: SourcePosition(line: line, column: column))
            default:
                let context = parser.context.map { String(cString: $0) }
                let detail = context.map { "\($0), \(problem)" } ?? problem
                return YAMLProblem(message: "YAML syntax: \(detail)", position: position(parser.problem_mark))
            }
        }
    }

    /// The first key written twice in a mapping (keys compare by their text, collections by
    /// their contents), reported where it is written again.
    static func duplicateKeys(_ pairs: [YAMLPair]) -> YAMLProblem? {
        guard pairs.count > 1 else { return nil }
        if pairs.count <= 16 {
            for later in 1..<pairs.count {
                for earlier in 0..<later where pairs[earlier].key.sameContent(as: pairs[later].key) {
                    return duplicate(pairs[later].key)
                }
            }
            return nil
        }
        var seen = Set<String>()
        var collections: [YAMLValue] = []
        for pair in pairs {
            if let text = pair.key.text {
                if !seen.insert(text).inserted { return duplicate(pair.key) }
            } else {
                if collections.contains(where: { $0.sameContent(as: pair.key) }) {
                    return duplicate(pair.key)
                }
                collections.append(pair.key)
            }
        }
        return nil
    }

    private static func duplicate(_ key: YAMLValue) -> YAMLProblem {
        let name = key.text ?? "<\(key.kindName)>"
        return YAMLProblem(message: "duplicate key `\(name)`", position: key.position)
    }
}

extension YAMLValue {
    /// The same text, items or pairs, wherever each was written.
    func sameContent(as other: YAMLValue) -> Bool {
        switch (self, other) {
        case (.scalar(let left, _, _), .scalar(let right, _, _)):
            return left == right
        case (.sequence(let left, _), .sequence(let right, _)):
            return left.count == right.count
                && zip(left, right).allSatisfy { $0.sameContent(as: $1) }
        case (.mapping(let left, _), .mapping(let right, _)):
            return left.count == right.count
                && zip(left, right).allSatisfy {
                    $0.key.sameContent(as: $1.key) && $0.value.sameContent(as: $1.value)
                }
        default:
            return false
        }
    }
}
