/// A hash that is the same in every run and on every machine (64-bit FNV-1a), for names that
/// must not change: a mirror's folder, a calendar event's UID, a finding's fingerprint.
/// Not for security: it only tells texts apart.
public enum StableHash {
    public static func of(_ text: String) -> UInt64 { of(bytes: text.utf8) }

    /// The hash of bytes.
    public static func of<Bytes: Sequence<UInt8>>(bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    /// `of(text)` as 16 hexadecimal digits.
    public static func hex(_ text: String) -> String {
        let digits = String(of(text), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
