/// A JSON document with ordered keys, so output is stable and reads in the documented order.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// JSON text already written, at the indentation of the place it is put: lets a large
    /// document be built, written and freed in parts across the cores.
    case written([UInt8])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case (.written(let a), .written(let b)): return a == b
        default: return false
        }
    }

    /// A string, or null when absent.
    public static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
    /// A date as `YYYY-MM-DD`, or null.
    public static func date(_ date: CalendarDate?) -> JSONValue { .optional(date?.description) }
    /// An integer, or null.
    public static func optional(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }
    /// A boolean, or null.
    public static func optional(_ value: Bool?) -> JSONValue { value.map(JSONValue.bool) ?? .null }

    /// This value written as it would be at `indent` inside a document.
    public func written(indent: Int) -> JSONValue {
        var writer = JSONWriter(indent: indent)
        write(into: &writer)
        return .written(writer.bytes)
    }

    /// `rendered()` as bytes in pieces, values written ahead among them as they are: for
    /// writing a document of many megabytes without first copying it into one string.
    public func renderedParts() -> [[UInt8]] {
        var writer = JSONWriter(indent: 0, inPieces: true)
        write(into: &writer)
        writer.bytes.append(UInt8(ascii: "\n"))
        return writer.pieces()
    }

    /// Pretty-printed with two-space indentation and a final newline.
    public func rendered() -> String {
        var writer = JSONWriter(indent: 0, capacity: 1 << 16)
        write(into: &writer)
        writer.bytes.append(UInt8(ascii: "\n"))
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// Spaces to indent with, copied a slice at a time.
    static func indentation(_ output: inout [UInt8], _ count: Int) {
        // A few bytes at a time: appending a slice of a shared array costs a retain, a release
        // and a copy loop more than writing the spaces.
        for _ in 0..<count { output.append(0x20) }
    }

    /// A literal's bytes in one copy (appending a `String.UTF8View` goes byte by byte).
    static func literal(_ output: inout [UInt8], _ text: StaticString) {
        output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// The value through a writer, which owns the layout. Elements are reached through buffer
    /// pointers, which lend each value to `write`; array subscripts and iterators hand out
    /// copies, and copying (then destroying) every value of a large report cost more than
    /// writing it.
    func write(into writer: inout JSONWriter) {
        switch self {
        case .null: writer.null()
        case .bool(let value): writer.bool(value)
        case .int(let value): writer.int(value)
        case .string(let value): writer.string(value)
        case .written(let text): writer.written(text)
        case .array(let values):
            values.withUnsafeBufferPointer { values in
                writer.array(values.indices) { writer, index in values[index].write(into: &writer) }
            }
        case .object(let pairs):
            pairs.withUnsafeBufferPointer { pairs in
                writer.object { writer in
                    for index in pairs.indices {
                        writer.key(pairs[index].0)
                        pairs[index].1.write(into: &writer)
                    }
                }
            }
        }
    }

    /// Whether any of eight bytes is below 0x20, a quote, a backslash or 0xE2 (the lead byte of
    /// U+2028 and U+2029); may say yes for none, never no for one.
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let below20 = (word &- ones &* 0x20) & ~word & highs != 0
        return below20 || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
            || hasZeroByte(word ^ (ones &* 0xE2))
    }

    static func writeString(_ value: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            // Runs of bytes that need no escape are copied whole: nearly all of a journal's text.
            var runStart = 0
            var index = 0
            func flush() {
                if runStart < index {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                }
            }
            while index < bytes.count {
                // Eight bytes at a time while none of them can need an escape.
                if index + 8 <= bytes.count, let base = bytes.baseAddress,
                    !JSONValue.mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                {
                    index += 8
                    continue
                }
                let byte = bytes[index]
                let escape: String
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case UInt8(ascii: "\n"): escape = "\\n"
                case UInt8(ascii: "\r"): escape = "\\r"
                case UInt8(ascii: "\t"): escape = "\\t"
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    escape =
                        "\\u00"
                        + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]], as: UTF8.self)
                case 0xE2
                where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    // U+2028 and U+2029 end lines in JavaScript; escaped so the output embeds safely.
                    flush()
                    output.append(contentsOf: (bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    index += 3
                    runStart = index
                    continue
                default:
                    index += 1
                    continue
                }
                flush()
                output.append(contentsOf: escape.utf8)
                index += 1
                runStart = index
            }
            flush()
        }
        output.append(UInt8(ascii: "\""))
    }
}
