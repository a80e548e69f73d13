import Crypto
import CryptoExtras
import Foundation

/// The age v1 file format (age-encryption.org/v1): files the `age` tool reads and writes.
///
/// Only the framing is written here (header lines, stanzas, the header's MAC, the STREAM of
/// 64 KiB chunks); X25519, ChaCha20-Poly1305, HKDF-SHA-256, HMAC-SHA-256 and scrypt are
/// swift-crypto's. Two kinds of recipient: an X25519 key (`age1…`), and a passphrase (age's
/// scrypt recipient, which must be a file's only one).
public enum Age {
    /// Why a file could not be read, in words a person can act on.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// Not an age v1 file at all.
        case notAge
        /// The header is not as the format writes it (damaged or tampered with).
        case damagedHeader(String)
        /// None of the keys on this computer can open it.
        case noMatchingKey
        /// The passphrase does not open it.
        case wrongPassphrase
        /// The header's MAC or a chunk of the content fails its check: changed or cut short.
        case tampered
        /// The passphrase asks for more work than journal will do (a file made to stall it).
        case workTooHigh(Int)
        /// A key written as text is not one.
        case badKey(String)

        public var description: String {
            switch self {
            case .notAge: "not an age-encrypted file"
            case .damagedHeader(let why): "the encrypted file is damaged (\(why))"
            case .noMatchingKey: "none of your keys on this computer opens it"
            case .wrongPassphrase: "the passphrase is not the right one"
            case .tampered: "the encrypted file was changed or cut short after it was written"
            case .workTooHigh(let factor):
                "it asks for a passphrase work factor of \(factor), more than journal allows"
            case .badKey(let why): "not an age key (\(why))"
            }
        }
    }

    /// A person's public key: what files are encrypted to.
    public struct Recipient: Sendable, Hashable, CustomStringConvertible {
        let key: Curve25519.KeyAgreement.PublicKey

        public static func == (lhs: Recipient, rhs: Recipient) -> Bool {
            lhs.key.rawRepresentation == rhs.key.rawRepresentation
        }
        public func hash(into hasher: inout Hasher) { hasher.combine(key.rawRepresentation) }

        /// `age1…`.
        public var description: String { Bech32.encode(prefix: "age", Array(key.rawRepresentation)) }

        /// A recipient from its `age1…` text.
        public init(_ text: String) throws {
            guard let (prefix, data) = Bech32.decode(text.trimmingCharacters(in: .whitespaces)),
                prefix == "age", data.count == 32
            else { throw Failure.badKey("an age recipient starts with age1") }
            guard text == text.lowercased() else {
                throw Failure.badKey("a recipient is written in lower case")
            }
            key = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: data)
        }

        init(key: Curve25519.KeyAgreement.PublicKey) { self.key = key }
    }

    /// A person's secret key: what opens files encrypted to its recipient.
    public struct Identity: Sendable {
        let key: Curve25519.KeyAgreement.PrivateKey

        /// A new random identity.
        public init() { key = Curve25519.KeyAgreement.PrivateKey() }

        /// An identity from its `AGE-SECRET-KEY-1…` text.
        public init(_ text: String) throws {
            guard let (prefix, data) = Bech32.decode(text.trimmingCharacters(in: .whitespaces)),
                prefix == "age-secret-key-", data.count == 32, text == text.uppercased()
            else { throw Failure.badKey("an age identity starts with AGE-SECRET-KEY-1") }
            key = try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: data)
        }

        /// Its recipient.
        public var recipient: Recipient { Recipient(key: key.publicKey) }

        /// `AGE-SECRET-KEY-1…`.
        public var secretText: String {
            Bech32.encode(prefix: "age-secret-key-", Array(key.rawRepresentation)).uppercased()
        }

        /// An identity file as `age-keygen` writes it: comments, then the key.
        public func file(created: String) -> String {
            "# created: \(created)\n# public key: \(recipient)\n\(secretText)\n"
        }

        /// The identities of an identity file (lines of keys; `#` comments and blank lines skipped).
        public static func parse(file text: String) throws -> [Identity] {
            let lines = text.split(whereSeparator: \.isNewline).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            let keys = try lines.filter { !$0.isEmpty && !$0.hasPrefix("#") }.map { try Identity($0) }
            guard !keys.isEmpty else { throw Failure.badKey("the file holds no identity") }
            return keys
        }
    }

    static let intro = Array("age-encryption.org/v1\n".utf8)
    static let chunkSize = 64 * 1024
    /// scrypt's work factor for new passphrase files (age's default), and the most journal reads.
    public static let defaultWorkFactor = 18
    static let maximumWorkFactor = 22

    // MARK: Writing

    /// `plaintext` encrypted to `recipients` (at least one).
    public static func encrypt(_ plaintext: [UInt8], to recipients: [Recipient]) throws -> [UInt8] {
        let fileKey = randomBytes(16)
        let stanzas = try recipients.map { recipient -> Stanza in
            let ephemeral = Curve25519.KeyAgreement.PrivateKey()
            let share = Array(ephemeral.publicKey.rawRepresentation)
            let secret = try ephemeral.sharedSecretFromKeyAgreement(with: recipient.key)
            let wrapKey = secret.hkdfDerivedSymmetricKey(
                using: SHA256.self, salt: share + Array(recipient.key.rawRepresentation),
                sharedInfo: Array("age-encryption.org/v1/X25519".utf8), outputByteCount: 32)
            return Stanza(arguments: ["X25519", base64(share)], body: try seal(fileKey, key: wrapKey))
        }
        return try assemble(stanzas, fileKey: fileKey, plaintext: plaintext)
    }

    /// `plaintext` encrypted with a passphrase (age's scrypt recipient).
    public static func encrypt(_ plaintext: [UInt8], passphrase: String, workFactor: Int = defaultWorkFactor)
        throws -> [UInt8]
    {
        let fileKey = randomBytes(16)
        let salt = randomBytes(16)
        let key = try scryptKey(passphrase, salt: salt, workFactor: workFactor)
        let stanza = Stanza(
            arguments: ["scrypt", base64(salt), String(workFactor)], body: try seal(fileKey, key: key))
        return try assemble([stanza], fileKey: fileKey, plaintext: plaintext)
    }

    private static func assemble(_ stanzas: [Stanza], fileKey: [UInt8], plaintext: [UInt8]) throws -> [UInt8]
    {
        var header = intro
        for stanza in stanzas {
            header += Array(("-> " + stanza.arguments.joined(separator: " ") + "\n").utf8)
            let body = base64(stanza.body)
            var index = body.startIndex
            repeat {
                let end = body.index(index, offsetBy: 64, limitedBy: body.endIndex) ?? body.endIndex
                header += Array(body[index..<end].utf8) + [0x0A]
                // A body whose last line is full ends with an empty line.
                if end == body.endIndex && body.distance(from: index, to: end) == 64 { header += [0x0A] }
                index = end
            } while index < body.endIndex
        }
        header += Array("---".utf8)
        let mac = headerMAC(header, fileKey: fileKey)
        header += Array(" \(base64(mac))\n".utf8)
        let nonce = randomBytes(16)
        let payloadKey = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: fileKey), salt: nonce, info: Array("payload".utf8),
            outputByteCount: 32)
        var output = header + nonce
        output.reserveCapacity(output.count + plaintext.count + (plaintext.count / chunkSize + 1) * 16)
        var start = 0
        var counter: UInt64 = 0
        repeat {
            let end = min(plaintext.count, start + chunkSize)
            let last = end == plaintext.count
            let sealed = try ChaChaPoly.seal(
                plaintext[start..<end], using: payloadKey, nonce: try streamNonce(counter, last: last))
            output += sealed.ciphertext + sealed.tag
            start = end
            counter += 1
        } while start < plaintext.count
        return output
    }

    // MARK: Reading

    /// The plaintext of `file`, opened with one of `identities`.
    public static func decrypt(_ file: [UInt8], with identities: [Identity]) throws -> [UInt8] {
        let header = try Header(file)
        // A passphrase file is opened with its passphrase, never with keys.
        if header.stanzas.contains(where: { $0.arguments.first == "scrypt" }) { throw Failure.noMatchingKey }
        var fileKey: [UInt8]?
        for stanza in header.stanzas where stanza.arguments.first == "X25519" {
            guard stanza.arguments.count == 2, let share = unbase64(stanza.arguments[1]), share.count == 32,
                stanza.body.count == 32
            else { throw Failure.damagedHeader("an X25519 stanza is malformed") }
            let sharePublic = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: share)
            for identity in identities {
                guard let secret = try? identity.key.sharedSecretFromKeyAgreement(with: sharePublic) else {
                    continue
                }
                // A share of low order makes the secret all zeros: the format forbids it.
                guard secret.withUnsafeBytes({ $0.contains { $0 != 0 } }) else {
                    throw Failure.damagedHeader("an X25519 stanza has a share of low order")
                }
                let wrapKey = secret.hkdfDerivedSymmetricKey(
                    using: SHA256.self, salt: share + Array(identity.key.publicKey.rawRepresentation),
                    sharedInfo: Array("age-encryption.org/v1/X25519".utf8), outputByteCount: 32)
                if let key = try? open(stanza.body, key: wrapKey), key.count == 16 {
                    fileKey = key
                    break
                }
            }
            if fileKey != nil { break }
        }
        guard let fileKey else { throw Failure.noMatchingKey }
        return try payload(file, header: header, fileKey: fileKey)
    }

    /// The plaintext of a file encrypted with a passphrase.
    public static func decrypt(_ file: [UInt8], passphrase: String) throws -> [UInt8] {
        let header = try Header(file)
        guard let stanza = header.stanzas.first(where: { $0.arguments.first == "scrypt" }) else {
            throw Failure.noMatchingKey
        }
        guard header.stanzas.count == 1 else {
            throw Failure.damagedHeader("a passphrase must be the file's only recipient")
        }
        let arguments = stanza.arguments
        guard arguments.count == 3, let salt = unbase64(arguments[1]), salt.count == 16,
            let factor = Int(arguments[2]), String(factor) == arguments[2], factor > 0,
            stanza.body.count == 32
        else { throw Failure.damagedHeader("the passphrase stanza is malformed") }
        guard factor <= maximumWorkFactor else { throw Failure.workTooHigh(factor) }
        let key = try scryptKey(passphrase, salt: salt, workFactor: factor)
        guard let fileKey = try? open(stanza.body, key: key), fileKey.count == 16 else {
            throw Failure.wrongPassphrase
        }
        return try payload(file, header: header, fileKey: fileKey)
    }

    private static func payload(_ file: [UInt8], header: Header, fileKey: [UInt8]) throws -> [UInt8] {
        guard headerMAC(Array(file[..<header.macStart]), fileKey: fileKey) == header.mac else {
            throw Failure.tampered
        }
        let rest = file[header.end...]
        guard rest.count >= 16 else { throw Failure.damagedHeader("the payload's nonce is missing") }
        guard rest.count >= 16 + 16 else { throw Failure.tampered }
        let nonce = Array(rest.prefix(16))
        let payloadKey = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: fileKey), salt: nonce, info: Array("payload".utf8),
            outputByteCount: 32)
        var plaintext: [UInt8] = []
        plaintext.reserveCapacity(rest.count)
        var start = rest.startIndex + 16
        var counter: UInt64 = 0
        while start < rest.endIndex {
            let end = min(rest.endIndex, start + chunkSize + 16)
            let last = end == rest.endIndex
            let chunk = rest[start..<end]
            guard chunk.count >= 16 else { throw Failure.tampered }
            let box = try ChaChaPoly.SealedBox(
                nonce: streamNonce(counter, last: last), ciphertext: chunk.dropLast(16), tag: chunk.suffix(16)
            )
            guard let opened = try? ChaChaPoly.open(box, using: payloadKey) else { throw Failure.tampered }
            // Only a file's only chunk may be empty.
            guard !opened.isEmpty || counter == 0 else { throw Failure.tampered }
            plaintext += opened
            start = end
            counter += 1
        }
        return plaintext
    }

    // MARK: Parts

    struct Stanza {
        var arguments: [String]
        var body: [UInt8]
    }

    /// A file's header, read strictly as the format writes it.
    struct Header {
        var stanzas: [Stanza] = []
        /// Where " <mac>" begins: the MAC covers everything before it.
        var macStart: Int
        var mac: [UInt8]
        /// Where the payload begins.
        var end: Int

        init(_ file: [UInt8]) throws {
            guard file.starts(with: Age.intro) else { throw Failure.notAge }
            var index = Age.intro.count
            // A header line, without its newline; the header is a few kilobytes at most.
            func line() throws -> String {
                guard let newline = file[index...].prefix(64 * 1024).firstIndex(of: 0x0A) else {
                    throw Failure.damagedHeader("the header is cut short")
                }
                let text = String(decoding: file[index..<newline], as: UTF8.self)
                guard text.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) else {
                    throw Failure.damagedHeader("the header holds a character it may not")
                }
                index = newline + 1
                return text
            }
            while true {
                let lineStart = index
                let text = try line()
                if text.hasPrefix("--- ") {
                    guard let mac = Age.unbase64(String(text.dropFirst(4))), mac.count == 32 else {
                        throw Failure.damagedHeader("the header's check is malformed")
                    }
                    self.mac = mac
                    macStart = lineStart + 3
                    end = index
                    return
                }
                guard text.hasPrefix("-> ") else {
                    throw Failure.damagedHeader("a header line is not a stanza")
                }
                let arguments = text.dropFirst(3).split(separator: " ", omittingEmptySubsequences: false).map(
                    String.init)
                guard !arguments.isEmpty, arguments.allSatisfy({ !$0.isEmpty }) else {
                    throw Failure.damagedHeader("a stanza has an empty argument")
                }
                var body: [UInt8] = []
                while true {
                    let bodyLine = try line()
                    guard bodyLine.count <= 64, let bytes = Age.unbase64(bodyLine) else {
                        throw Failure.damagedHeader("a stanza's body is malformed")
                    }
                    body += bytes
                    if bodyLine.count < 64 { break }
                }
                stanzas.append(Stanza(arguments: arguments, body: body))
                guard stanzas.count <= 64 else { throw Failure.damagedHeader("too many stanzas") }
            }
        }
    }

    static func headerMAC(_ header: [UInt8], fileKey: [UInt8]) -> [UInt8] {
        let key = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: fileKey), salt: [UInt8](), info: Array("header".utf8),
            outputByteCount: 32)
        return Array(HMAC<SHA256>.authenticationCode(for: header, using: key))
    }

    static func scryptKey(_ passphrase: String, salt: [UInt8], workFactor: Int) throws -> SymmetricKey {
        try KDF.Scrypt.deriveKey(
            from: Array(passphrase.utf8), salt: Array("age-encryption.org/v1/scrypt".utf8) + salt,
            outputByteCount: 32, rounds: 1 << workFactor, blockSize: 8, parallelism: 1)
    }

    static func streamNonce(_ counter: UInt64, last: Bool) throws -> ChaChaPoly.Nonce {
        var bytes = [UInt8](repeating: 0, count: 3)
        withUnsafeBytes(of: counter.bigEndian) { bytes += $0 }
        bytes.append(last ? 1 : 0)
        return try ChaChaPoly.Nonce(data: bytes)
    }

    static func seal(_ plaintext: [UInt8], key: SymmetricKey) throws -> [UInt8] {
        let box = try ChaChaPoly.seal(
            plaintext, using: key, nonce: ChaChaPoly.Nonce(data: [UInt8](repeating: 0, count: 12)))
        return Array(box.ciphertext + box.tag)
    }

    static func open(_ sealed: [UInt8], key: SymmetricKey) throws -> [UInt8] {
        guard sealed.count >= 16 else { throw Failure.tampered }
        let box = try ChaChaPoly.SealedBox(
            nonce: ChaChaPoly.Nonce(data: [UInt8](repeating: 0, count: 12)), ciphertext: sealed.dropLast(16),
            tag: sealed.suffix(16))
        return Array(try ChaChaPoly.open(box, using: key))
    }

    static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    /// Standard base64 without padding, as age writes it.
    static func base64(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }

    /// Canonical unpadded base64, or nil.
    static func unbase64(_ text: String) -> [UInt8]? {
        guard !text.contains("="), text.count % 4 != 1 else { return nil }
        let padded = text + String(repeating: "=", count: (4 - text.count % 4) % 4)
        guard let data = Data(base64Encoded: padded), base64(Array(data)) == text else { return nil }
        return Array(data)
    }
}
