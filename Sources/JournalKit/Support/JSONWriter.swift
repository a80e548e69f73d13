/// Writes JSON as it goes, with two-space indentation: the one layout of all JSON output.
///
/// Trees of `JSONValue` are written through it; the large parts of a program's report are
/// written with it directly, since building a tree of values only to write it and free it
/// again cost more than writing the text.
struct JSONWriter {
    /// What has been written.
    var bytes: [UInt8] = []
    /// The indentation of the current container's members.
    private var indent: Int
    /// How many members the innermost open container has so far.
    private var count = 0
    /// The same for the containers around it.
    private var outer: [Int] = []

    /// The pieces handed on so far, when the text is collected in pieces.
    private var finished: [[UInt8]]?

    /// A writer for a value placed at `indent` in a document. The parts of a report it writes
    /// run to tens of kilobytes: room for them is made at once rather than by doubling.
    /// `inPieces` keeps text written ahead (`written`) as pieces of its own, uncopied.
    init(indent: Int, capacity: Int = 32_768, inPieces: Bool = false) {
        self.indent = indent
        bytes.reserveCapacity(capacity)
        if inPieces { finished = [] }
    }

    /// Everything written, in order: the pieces handed on, then what follows them.
    func pieces() -> [[UInt8]] { ((finished ?? []) + [bytes]).filter { !$0.isEmpty } }

    /// JSON text already written for this place (by another writer at this indentation).
    mutating func written(_ text: [UInt8]) {
        if finished == nil {
            bytes.append(contentsOf: text)
        } else {
            finished?.append(bytes)
            finished?.append(text)
            bytes = []
        }
    }

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    mutating func array<Items: Sequence>(_ items: Items, _ body: (inout JSONWriter, Items.Element) -> Void) {
        open(UInt8(ascii: "["))
        for item in items {
            next()
            body(&self, item)
        }
        close(UInt8(ascii: "]"))
    }

    /// A member's key; its value is written next.
    mutating func key(_ name: StaticString) {
        next()
        bytes.append(UInt8(ascii: "\""))
        JSONValue.literal(&bytes, name)
        JSONValue.literal(&bytes, "\": ")
    }

    /// A member's key that is not a literal.
    mutating func key(_ name: String) {
        next()
        JSONValue.writeString(name, to: &bytes)
        JSONValue.literal(&bytes, ": ")
    }

    mutating func string(_ value: String) { JSONValue.writeString(value, to: &bytes) }
    mutating func string(_ value: String?) { value.map { string($0) } ?? null() }
    mutating func date(_ value: CalendarDate?) { string(value?.description) }
    mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }
    mutating func int(_ value: Int?) { value.map { int($0) } ?? null() }
    mutating func bool(_ value: Bool) { JSONValue.literal(&bytes, value ? "true" : "false") }
    mutating func bool(_ value: Bool?) { value.map { bool($0) } ?? null() }
    mutating func null() { JSONValue.literal(&bytes, "null") }
    /// A value built as a tree, for the small parts.
    mutating func value(_ value: JSONValue) { value.write(into: &self) }

    /// A member: its key, then its value (null when absent).
    mutating func member(_ name: StaticString, _ value: String?) {
        key(name)
        string(value)
    }
    mutating func member(_ name: StaticString, _ value: CalendarDate?) {
        key(name)
        date(value)
    }
    mutating func member(_ name: StaticString, _ value: Int?) {
        key(name)
        int(value)
    }
    mutating func member(_ name: StaticString, _ value: Bool?) {
        key(name)
        bool(value)
    }
    mutating func member(_ name: StaticString, _ value: JSONValue) {
        key(name)
        self.value(value)
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        outer.append(count)
        count = 0
        indent += 2
    }

    private mutating func close(_ bracket: UInt8) {
        indent -= 2
        if count > 0 {
            bytes.append(UInt8(ascii: "\n"))
            JSONValue.indentation(&bytes, indent)
        }
        count = outer.popLast() ?? 0
        bytes.append(bracket)
    }

    /// Before each member or element: the separator, a new line and the indentation.
    private mutating func next() {
        count += 1
        JSONValue.literal(&bytes, count == 1 ? "\n" : ",\n")
        JSONValue.indentation(&bytes, indent)
    }
}
