import Foundation

/// Parses a meeting length: `45m`, `1h`, `1h30m` or a bare number of minutes.
enum MeetingDuration {
    /// Minutes in `text`, or nil when it is not one of the accepted forms.
    public static func minutes(_ text: String) -> Int? {
        // Durations are ASCII (`1h30m`, `45m`, `90`), so they are read as bytes; only text with
        // other characters goes through Unicode-aware trimming first (a no-break space around
        // `1h` is still a duration, anything else that is not ASCII is not).
        let isASCII: (String) -> Bool = { $0.utf8.allSatisfy { $0 < 0x80 } }
        let candidate = isASCII(text) ? text : text.trimmingCharacters(in: .whitespaces)
        guard isASCII(candidate) else { return nil }
        return minutes(ascii: Array(candidate.utf8))
    }

    private static func minutes(ascii: [UInt8]) -> Int? {
        var bytes = ascii[...]
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        guard !bytes.isEmpty, bytes.count <= 12 else { return nil }
        if let bare = Int(String(decoding: bytes, as: UTF8.self)) { return bare > 0 ? bare : nil }
        var total = 0
        var number: Int?
        var sawHours = false
        var sawMinutes = false
        var sawUnit = false
        for byte in bytes {
            // Only A-Z fold to lower case; any other byte keeps its value.
            switch (0x41...0x5A).contains(byte) ? byte | 0x20 : byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                number = (number ?? 0) * 10 + Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "h") where !sawHours && !sawMinutes && number != nil:
                total += (number ?? 0) * 60
                sawHours = true
                sawUnit = true
                number = nil
            case UInt8(ascii: "m") where !sawMinutes && number != nil:
                total += number ?? 0
                sawMinutes = true
                sawUnit = true
                number = nil
            default:
                return nil
            }
        }
        guard sawUnit, number == nil, total > 0 else { return nil }
        return total
    }
}
