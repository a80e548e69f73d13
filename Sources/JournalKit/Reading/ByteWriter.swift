/// A compact binary form of parsed entries, for the parse cache.
///
/// Hand-written rather than `Codable`: decoding has to cost a small fraction of parsing the
/// file again, and the reader must survive any bytes at all (a cache file can be truncated
/// or damaged), answering `nil` instead of trapping.
struct ByteWriter {
    /// What has been written so far.
    var bytes: [UInt8] = []

    /// An integer as a zig-zag LEB128 varint: small numbers, such as lines, take one byte.
    mutating func int(_ value: Int) {
        var rest = UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    /// Eight bytes, least significant first (a checksum: every bit counts, so no varint).
    mutating func word(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optional<Value>(_ value: Value?, _ write: (inout ByteWriter, Value) -> Void) {
        guard let value else { return bool(false) }
        bool(true)
        write(&self, value)
    }

    mutating func array<Element>(_ values: [Element], _ write: (inout ByteWriter, Element) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }
}
