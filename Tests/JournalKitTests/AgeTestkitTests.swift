import Crypto
import Foundation
import TestSupport
import Testing

@testable import JournalKit

/// The age format's published test vectors (Fixtures/age-testkit, from C2SP CCTV): every
/// vector journal's reader can take (X25519 and passphrase recipients, unarmored) gives the
/// outcome it names, and a success the payload it names.
@Suite struct AgeTestkitTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/age-testkit")

    struct Vector {
        var name: String
        var fields: [(String, String)]
        var file: [UInt8]

        func values(_ key: String) -> [String] { fields.filter { $0.0 == key }.map(\.1) }
        func value(_ key: String) -> String? { values(key).first }
    }

    static func vectors() throws -> [Vector] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .filter { $0 != "README.md" }
            .map { name in
                let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
                var fields: [(String, String)] = []
                var start = 0
                while let newline = bytes[start...].firstIndex(of: 0x0A), newline > start {
                    let line = String(decoding: bytes[start..<newline], as: UTF8.self)
                    if let colon = line.range(of: ": ") {
                        fields.append((String(line[..<colon.lowerBound]), String(line[colon.upperBound...])))
                    }
                    start = newline + 1
                }
                return Vector(name: name, fields: fields, file: Array(bytes[(start + 1)...]))
            }
    }

    /// A zlib-compressed vector's file, inflated by Python's zlib (Foundation has none on Linux).
    static func inflate(_ vector: Vector) throws -> [UInt8]? {
        let folder = try makeFolder(prefix: "age-vector")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in")
        let output = folder.appendingPathComponent("out")
        try Data(vector.file).write(to: input)
        let run = try runProgram(
            URL(fileURLWithPath: "/usr/bin/env"),
            [
                "python3", "-c",
                "import sys,zlib; open(sys.argv[2],'wb').write(zlib.decompress(open(sys.argv[1],'rb').read()))",
                input.path, output.path,
            ])
        guard run.status == 0 else { return nil }
        return Array(try Data(contentsOf: output))
    }

    @Test func everyVectorJournalCanReadGivesItsOutcome() throws {
        var checked = 0
        var outcomes: [String: Int] = [:]
        for vector in try Self.vectors() {
            guard vector.value("armored") == nil, let expect = vector.value("expect") else { continue }
            var file = vector.file
            if vector.value("compressed") == "zlib" {
                guard let inflated = try Self.inflate(vector) else { continue }
                file = inflated
            }
            let identities = vector.values("identity").compactMap { try? Age.Identity($0) }
            let passphrase = vector.value("passphrase")
            // Vectors for recipients journal does not write (post-quantum keys) are not its to read.
            guard passphrase != nil || !identities.isEmpty else { continue }
            let result: Result<[UInt8], Error> = Result {
                if let passphrase { return try Age.decrypt(file, passphrase: passphrase) }
                return try Age.decrypt(file, with: identities)
            }
            checked += 1
            outcomes[expect, default: 0] += 1
            switch (expect, result) {
            case ("success", .success(let payload)):
                let digest = SHA256.hash(data: payload).map { String(format: "%02x", $0) }.joined()
                #expect(digest == vector.value("payload"), "\(vector.name): another payload")
            case ("success", .failure(let error)):
                Issue.record("\(vector.name): should open, failed with \(error)")
            case (_, .success):
                Issue.record("\(vector.name): should fail (\(expect)), opened")
            case ("no match", .failure(let error)):
                let failure = error as? Age.Failure
                #expect(
                    failure == .noMatchingKey || failure == .wrongPassphrase
                        || { if case .workTooHigh = failure { return true } else { return false } }(),
                    "\(vector.name): \(error)")
            case ("HMAC failure", .failure(let error)), ("payload failure", .failure(let error)):
                #expect(error as? Age.Failure == .tampered, "\(vector.name): \(error)")
            case ("header failure", .failure(let error)):
                // Refused before any key is tried or any payload read: never taken for damage
                // of the content, which would mean a malformed header was half read.
                #expect(error as? Age.Failure != .tampered, "\(vector.name): \(error)")
            default:
                Issue.record("\(vector.name): unknown outcome \(expect)")
            }
        }
        // Nearly all of the published vectors are of the kinds journal reads.
        #expect(checked >= 80, "only \(checked) vectors checked: \(outcomes)")
    }
}
