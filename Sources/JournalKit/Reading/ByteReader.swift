/// Reads what `ByteWriter` wrote; every read checks its bounds and throws on damage.
struct ByteReader {
    /// Thrown for bytes that are not what a writer wrote.
    struct Damaged: Error {}

    let bytes: UnsafeRawBufferPointer
    var index: Int

    init(_ bytes: UnsafeRawBufferPointer, from index: Int = 0) {
        self.bytes = bytes
        self.index = index
    }

    var isAtEnd: Bool { index >= bytes.count }

    mutating func byte() throws -> UInt8 {
        guard index < bytes.count else { throw Damaged() }
        defer { index += 1 }
        return bytes[index]
    }

    mutating func int() throws -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try byte()
            guard shift < 64 else { throw Damaged() }
            result |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: result >> 1) ^ -Int64(bitPattern: result & 1))
    }

    /// A count or length: never negative, never more than the bytes left could hold.
    mutating func count() throws -> Int {
        let value = try int()
        guard value >= 0, value <= bytes.count - index else { throw Damaged() }
        return value
    }

    mutating func word() throws -> UInt64 {
        guard bytes.count - index >= 8 else { throw Damaged() }
        var value: UInt64 = 0
        for offset in 0..<8 { value |= UInt64(bytes[index + offset]) << UInt64(offset * 8) }
        index += 8
        return value
    }

    mutating func bool() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw Damaged()
        }
    }

    mutating func string() throws -> String {
        let length = try count()
        defer { index += length }
        return String(
            decoding: UnsafeRawBufferPointer(rebasing: bytes[index..<index + length]), as: UTF8.self)
    }

    mutating func optional<Value>(_ read: (inout ByteReader) throws -> Value) throws -> Value? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<Element>(_ read: (inout ByteReader) throws -> Element) throws -> [Element] {
        let count = try count()
        var result: [Element] = []
        // A damaged count is bounded by the bytes left, not by what they could hold: room is
        // made for a modest number only, and the array grows if the elements are really there.
        result.reserveCapacity(min(count, 1024))
        for _ in 0..<count { result.append(try read(&self)) }
        return result
    }

    /// One of `cases`, by its index.
    mutating func choice<Value>(_ cases: [Value]) throws -> Value {
        let index = try int()
        guard cases.indices.contains(index) else { throw Damaged() }
        return cases[index]
    }
}
