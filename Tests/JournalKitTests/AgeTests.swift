import Foundation
import TestSupport
import Testing

@testable import JournalKit

/// The age format against the `age` tool (Debian's `age`, installed by `.ci/run`), both ways.
@Suite struct AgeTests {
    static let age = URL(fileURLWithPath: "/usr/bin/age")
    static let keygen = URL(fileURLWithPath: "/usr/bin/age-keygen")
    static var hasAge: Bool { FileManager.default.isExecutableFile(atPath: age.path) }

    /// Texts around the 64 KiB chunk size: empty, one byte, a chunk exactly, a chunk and a byte.
    static let sizes = [0, 1, 1000, 65_536, 65_537, 200_000]

    static func text(_ count: Int) -> [UInt8] {
        var random = SeededRandom(state: UInt64(count) + 7)
        return (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    }

    @Test func filesJournalWritesOpenWithTheAgeTool() throws {
        try #require(Self.hasAge, "the age tool is installed by .ci/run")
        let folder = try makeFolder(prefix: "age-out")
        defer { try? FileManager.default.removeItem(at: folder) }
        let identity = Age.Identity()
        let keyFile = folder.appendingPathComponent("key.txt")
        try identity.file(created: "2026-12-08T00:00:00Z").write(
            to: keyFile, atomically: true, encoding: .utf8)
        for size in Self.sizes {
            let plaintext = Self.text(size)
            let encrypted = folder.appendingPathComponent("file-\(size).age")
            // Two recipients: the other one's stanza is skipped by age as by journal.
            try Data(try Age.encrypt(plaintext, to: [Age.Identity().recipient, identity.recipient])).write(
                to: encrypted)
            let out = folder.appendingPathComponent("file-\(size).out")
            let run = try runProgram(Self.age, ["-d", "-i", keyFile.path, "-o", out.path, encrypted.path])
            #expect(run.status == 0, "\(size): \(run.stderr)")
            // age writes no file for an empty text.
            #expect((try? Data(contentsOf: out)) ?? Data() == Data(plaintext), "size \(size)")
        }
    }

    @Test func filesTheAgeToolWritesOpenInJournal() throws {
        try #require(Self.hasAge, "the age tool is installed by .ci/run")
        let folder = try makeFolder(prefix: "age-in")
        defer { try? FileManager.default.removeItem(at: folder) }
        let keyFile = folder.appendingPathComponent("key.txt")
        let made = try runProgram(Self.keygen, ["-o", keyFile.path])
        try #require(made.status == 0, "\(made.stderr)")
        let identities = try Age.Identity.parse(file: String(contentsOf: keyFile, encoding: .utf8))
        let recipient = identities[0].recipient.description
        // The recipient journal derives is the one age-keygen printed.
        #expect(try String(contentsOf: keyFile, encoding: .utf8).contains("# public key: \(recipient)"))
        for size in Self.sizes {
            let plain = folder.appendingPathComponent("plain-\(size)")
            try Data(Self.text(size)).write(to: plain)
            let encrypted = folder.appendingPathComponent("plain-\(size).age")
            let run = try runProgram(Self.age, ["-r", recipient, "-o", encrypted.path, plain.path])
            try #require(run.status == 0, "\(run.stderr)")
            let bytes = Array(try Data(contentsOf: encrypted))
            #expect(try Age.decrypt(bytes, with: identities) == Self.text(size), "size \(size)")
            // Another key does not open it, and says so.
            #expect(throws: Age.Failure.noMatchingKey) { try Age.decrypt(bytes, with: [Age.Identity()]) }
        }
        // age's armored (PEM) output is not what journal writes; plain files only.
    }

    @Test func aPassphraseFileRoundTripsAndAWrongPassphraseIsRefused() throws {
        let identity = Age.Identity()
        let file = identity.file(created: "2026-12-08T00:00:00Z")
        let sealed = try Age.encrypt(Array(file.utf8), passphrase: "correct horse", workFactor: 10)
        #expect(String(decoding: try Age.decrypt(sealed, passphrase: "correct horse"), as: UTF8.self) == file)
        #expect(throws: Age.Failure.wrongPassphrase) { try Age.decrypt(sealed, passphrase: "correct hors") }
        // A passphrase file is not opened by a key, and a key file not by a passphrase.
        #expect(throws: Age.Failure.noMatchingKey) { try Age.decrypt(sealed, with: [identity]) }
        let toKey = try Age.encrypt([1, 2, 3], to: [identity.recipient])
        #expect(throws: Age.Failure.noMatchingKey) { try Age.decrypt(toKey, passphrase: "correct horse") }
        // A work factor made to stall the reader is refused before any work.
        let text = String(decoding: sealed, as: UTF8.self)
        let stalling = Array(text.replacingOccurrences(of: " 10\n", with: " 40\n").utf8)
        #expect(throws: Age.Failure.workTooHigh(40)) {
            try Age.decrypt(stalling, passphrase: "correct horse")
        }
    }

    /// age asks for a passphrase on its terminal: `script` gives it one, fed from a pipe.
    func ageOnATerminal(_ command: String, typing lines: [String], in folder: URL) throws -> ProgramRun {
        let input = folder.appendingPathComponent("typed")
        try lines.map { $0 + "\n" }.joined().write(to: input, atomically: true, encoding: .utf8)
        return try runProgram(
            URL(fileURLWithPath: "/bin/sh"),
            ["-c", "(sleep 0.5; cat \"$1\") | script -qec \"$0\" /dev/null", command, input.path],
            in: folder, timeout: 60)
    }

    @Test func passphraseFilesOpenBothWaysWithTheAgeTool() throws {
        try #require(Self.hasAge && FileManager.default.isExecutableFile(atPath: "/usr/bin/script"))
        let folder = try makeFolder(prefix: "age-pass")
        defer { try? FileManager.default.removeItem(at: folder) }
        // journal's locked key, opened by age with the passphrase.
        let identity = Age.Identity()
        let file = identity.file(created: "2026-12-08T00:00:00Z")
        let locked = folder.appendingPathComponent("key.age")
        try Data(try Age.encrypt(Array(file.utf8), passphrase: "a long passphrase", workFactor: 12)).write(
            to: locked)
        let out = folder.appendingPathComponent("key.txt")
        let opened = try ageOnATerminal(
            "age -d -o \(out.path) \(locked.path)", typing: ["a long passphrase"], in: folder)
        #expect(opened.status == 0, "\(opened.stdout)\(opened.stderr)")
        #expect(try String(contentsOf: out, encoding: .utf8) == file)
        // A file age locked with a passphrase, opened by journal.
        let plain = folder.appendingPathComponent("plain")
        try Data(Self.text(70_000)).write(to: plain)
        let sealed = folder.appendingPathComponent("plain.age")
        let made = try ageOnATerminal(
            "age -p -o \(sealed.path) \(plain.path)", typing: ["another passphrase", "another passphrase"],
            in: folder)
        #expect(made.status == 0, "\(made.stdout)\(made.stderr)")
        let bytes = Array(try Data(contentsOf: sealed))
        #expect(try Age.decrypt(bytes, passphrase: "another passphrase") == Self.text(70_000))
        #expect(throws: Age.Failure.wrongPassphrase) { try Age.decrypt(bytes, passphrase: "another") }
    }

    @Test func aTamperedOrTruncatedFileIsRefusedNeverHalfRead() throws {
        let identity = Age.Identity()
        let plaintext = Self.text(150_000)
        let sealed = try Age.encrypt(plaintext, to: [identity.recipient])
        // Cut at a chunk boundary: the last chunk left is not marked last, so it fails.
        for cut in [sealed.count - 1, sealed.count - 16, sealed.count - 30_000, 65_536 + 16 + 200] {
            #expect(throws: Age.Failure.tampered) {
                try Age.decrypt(Array(sealed.prefix(cut)), with: [identity])
            }
        }
        var flipped = sealed
        flipped[flipped.count / 2] ^= 0x01
        #expect(throws: Age.Failure.tampered) { try Age.decrypt(flipped, with: [identity]) }
        // A header changed after writing fails its check.
        var header = sealed
        let at = try #require(header.firstIndex(of: UInt8(ascii: "X")))
        header[at] = UInt8(ascii: "Y")
        #expect(throws: Age.Failure.noMatchingKey) { try Age.decrypt(header, with: [identity]) }
        #expect(throws: Age.Failure.notAge) { try Age.decrypt(Array("hello".utf8), with: [identity]) }
        #expect(throws: (any Error).self) { try Age.decrypt(Array(sealed.prefix(40)), with: [identity]) }
    }

    @Test func keysReadAsTheyAreWritten() throws {
        let identity = Age.Identity()
        let again = try Age.Identity(identity.secretText)
        #expect(again.recipient == identity.recipient)
        #expect(try Age.Recipient(identity.recipient.description) == identity.recipient)
        #expect(identity.recipient.description.hasPrefix("age1"))
        #expect(identity.secretText.hasPrefix("AGE-SECRET-KEY-1"))
        // A changed character breaks the checksum.
        var text = Array(identity.recipient.description)
        text[10] = text[10] == "q" ? "p" : "q"
        #expect(throws: (any Error).self) { try Age.Recipient(String(text)) }
        #expect(throws: (any Error).self) { try Age.Identity("AGE-SECRET-KEY-1") }
    }
}
