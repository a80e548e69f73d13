import Foundation
import Testing

@testable import JournalKit

/// The parse cache: what comes out of it must be exactly what parsing gives, and it must
/// never hand back an entry for a file that changed.
@Suite struct ParseCacheTests {
    /// The repository's own journals: the bundled example and the end-to-end fixtures.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let journals = [
        "examples/ada-grace", "Tests/JournalTests/Fixtures/pair", "Tests/JournalTests/Fixtures/program",
    ].map { repository.appendingPathComponent($0) }

    /// Every entry of the journals and of every rule's examples (which between them hold
    /// each kind of entry and most kinds of reading problem).
    static func sampleEntries() -> [Entry] {
        var entries = journals.flatMap { JournalLoader.load(root: $0).mentorships.flatMap(\.entries) }
        for rule in Linter.rules {
            for example in rule.description.triggering + rule.description.nonTriggering {
                for (path, content) in example.files {
                    let folder = path.split(separator: "/").dropLast().last.map(String.init) ?? ""
                    let kind = EntryKind(folder: folder) ?? .agreement
                    entries.append(
                        EntryParser.parse(path: path, kind: kind, bytes: RuleExample.bytes(of: content)))
                }
            }
        }
        return entries
    }

    /// A cache in a fresh folder whose clock runs a minute ahead, so files just written count
    /// as settled; `program` stands for the build.
    static func location(program: String = "test build") throws -> ParseCache.Location {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cache-\(UUID().uuidString)")
        return ParseCache.Location(
            folder: folder,
            now: {
                var now = ParseCache.systemNow()
                now.tv_sec += 60
                return now
            }, program: program)
    }

    /// A copy of a journal in a temporary folder, to change freely.
    static func copy(_ journal: URL) throws -> URL {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cached-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: journal, to: copy)
        return copy
    }

    @Test func everyEntryComesBackExactlyAsParsed() {
        let entries = Self.sampleEntries()
        #expect(entries.count > 100)
        #expect(Set(entries.map(\.kind)) == Set(EntryKind.allCases))
        #expect(entries.contains { !$0.diagnostics.isEmpty })
        #expect(entries.contains { !$0.actionItems.isEmpty })
        for entry in entries {
            let decoded = EntryCoding.encode(entry).withUnsafeBytes { EntryCoding.decode($0) }
            #expect(decoded == entry, "\(entry.path)")
        }
    }

    @Test func damagedBytesAreRefusedWithoutACrash() throws {
        let entry = try #require(Self.sampleEntries().max { $0.body.utf8.count < $1.body.utf8.count })
        let bytes = EntryCoding.encode(entry)
        for length in 0..<bytes.count {
            #expect(bytes[..<length].withUnsafeBytes { EntryCoding.decode($0) } == nil)
        }
        var changed = 0
        for index in bytes.indices {
            var damaged = bytes
            damaged[index] ^= 0xA5
            // Either refused, or a different but well-formed entry: never a trap.
            if damaged.withUnsafeBytes({ EntryCoding.decode($0) }) != entry { changed += 1 }
        }
        #expect(changed == bytes.count)
    }

    @Test func aSecondRunTakesEveryUnchangedFileFromTheCache() throws {
        let location = try Self.location()
        for journal in Self.journals {
            let plain = JournalLoader.load(root: journal)
            let first = JournalLoader.loadCounting(root: journal, cache: location)
            let second = JournalLoader.loadCounting(root: journal, cache: location)
            #expect(first.journal == plain)
            #expect(first.reused == 0)
            #expect(second.journal == plain)
            #expect(second.reused == plain.fileCount)
        }
    }

    @Test func anEditIsSeenEvenWithSizeAndModificationTimeRestored() throws {
        let root = try Self.copy(Self.journals[0])
        let location = try Self.location()
        _ = JournalLoader.load(root: root, cache: location)
        let file = root.appendingPathComponent("sessions/2026-09-15.md")
        let before = try String(contentsOf: file, encoding: .utf8)
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        // Same length, one word changed, and the old modification time put back.
        let after = before.replacingOccurrences(of: "Ada", with: "Eve")
        #expect(after != before && after.utf8.count == before.utf8.count)
        try Data(after.utf8).write(to: file)
        try FileManager.default.setAttributes(
            [.modificationDate: attributes[.modificationDate] as Any], ofItemAtPath: file.path)
        let reloaded = JournalLoader.loadCounting(root: root, cache: location)
        #expect(reloaded.journal == JournalLoader.load(root: root))
        #expect(reloaded.reused == reloaded.journal.fileCount - 1)
        let entry = reloaded.journal.mentorships.flatMap(\.entries).first {
            $0.path == "sessions/2026-09-15.md"
        }
        #expect(entry?.body.contains("Eve") == true)
    }

    @Test func addedRemovedAndMovedFilesAreNoticed() throws {
        let root = try Self.copy(Self.journals[0])
        let location = try Self.location()
        _ = JournalLoader.load(root: root, cache: location)
        let manager = FileManager.default
        try manager.removeItem(at: root.appendingPathComponent("sessions/2026-09-15.md"))
        try manager.moveItem(
            at: root.appendingPathComponent("sessions/2026-10-13.md"),
            to: root.appendingPathComponent("reflections/2026-10-13.md"))
        try Data("---\ndate: 2026-11-24\n---\n- [ ] @ada new item\n".utf8)
            .write(to: root.appendingPathComponent("sessions/2026-11-24.md"))
        let reloaded = JournalLoader.loadCounting(root: root, cache: location)
        #expect(reloaded.journal == JournalLoader.load(root: root))
        #expect(reloaded.reused == reloaded.journal.fileCount - 2)
    }

    @Test func filesChangedJustNowAreParsedAgainNextTime() throws {
        let root = try Self.copy(Self.journals[0])
        // The real clock: every file of the fresh copy changed within the last two seconds.
        var location = try Self.location()
        location.now = ParseCache.systemNow
        let first = JournalLoader.loadCounting(root: root, cache: location)
        let second = JournalLoader.loadCounting(root: root, cache: location)
        #expect(second.journal == first.journal)
        #expect(second.reused == 0)
    }

    @Test func aFileTooFreshToKeepDoesNotRewriteTheCacheOnEveryRun() throws {
        let root = try Self.copy(Self.journals[0])
        var location = try Self.location()
        _ = JournalLoader.load(root: root, cache: location)
        let file = location.file(forRoot: JournalLoader.resolve(root.path))
        try Data("---\ndate: 2026-11-24\n---\nJust written.\n".utf8)
            .write(to: root.appendingPathComponent("sessions/2026-11-24.md"))
        location.now = ParseCache.systemNow
        let fileCount = JournalLoader.load(root: root).fileCount
        #expect(JournalLoader.loadCounting(root: root, cache: location).reused == fileCount - 1)
        let written = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect(JournalLoader.loadCounting(root: root, cache: location).reused == fileCount - 1)
        let after = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect(after[.systemFileNumber] as? Int == written[.systemFileNumber] as? Int)
    }

    @Test func oldCachesAndAbandonedWritesAreCleanedUp() throws {
        let location = try Self.location()
        let manager = FileManager.default
        try manager.createDirectory(at: location.folder, withIntermediateDirectories: true)
        let longAgo = Date(timeIntervalSinceNow: -100 * 24 * 3600)
        let hoursAgo = Date(timeIntervalSinceNow: -2 * 3600)
        let files: [(String, Date)] = [
            ("0123456789abcdef.cache", longAgo), ("fedcba9876543210.cache", hoursAgo),
            ("0123456789abcdef.cache.4242.tmp", hoursAgo), ("fedcba9876543210.cache.4243.tmp", Date()),
            ("notes.txt", longAgo),
        ]
        for (name, date) in files {
            let url = location.folder.appendingPathComponent(name)
            try Data("x".utf8).write(to: url)
            try manager.setAttributes([.modificationDate: date], ofItemAtPath: url.path)
        }
        let root = Self.journals[1]
        _ = JournalLoader.load(root: root, cache: location)
        let left = Set(try manager.contentsOfDirectory(atPath: location.folder.path))
        let written = location.file(forRoot: JournalLoader.resolve(root.path)).lastPathComponent
        #expect(
            left == [written, "fedcba9876543210.cache", "fedcba9876543210.cache.4243.tmp", "notes.txt"])
    }

    @Test func anotherBuildOrADamagedFileStartsOver() throws {
        let root = Self.journals[1]
        let location = try Self.location(program: "one build")
        let plain = JournalLoader.load(root: root)
        _ = JournalLoader.load(root: root, cache: location)
        var other = location
        other.program = "another build"
        #expect(JournalLoader.loadCounting(root: root, cache: other).reused == 0)
        #expect(JournalLoader.loadCounting(root: root, cache: other).reused == plain.fileCount)

        let file = other.file(forRoot: JournalLoader.resolve(root.path))
        let stored = try Data(contentsOf: file)
        // A good header that promises as many records as there are bytes, then noise.
        var promising = ByteWriter()
        promising.bytes = ParseCache.magic
        promising.int(EntryCoding.version)
        promising.string("another build")
        promising.string(JournalLoader.resolve(root.path))
        promising.int(1 << 20)
        promising.bytes += [UInt8](repeating: 0x7F, count: 1 << 20)
        let noise = Data(promising.bytes)
        for damage in [Data(), stored.prefix(stored.count / 2), Data(repeating: 0xFF, count: 4096), noise] {
            try damage.write(to: file)
            let reloaded = JournalLoader.loadCounting(root: root, cache: other)
            #expect(reloaded.journal == plain)
            #expect(reloaded.reused == 0)
        }
        #expect(JournalLoader.loadCounting(root: root, cache: other).reused == plain.fileCount)
    }

    @Test func oneChangedByteAnywhereInARecordIsNeverBelieved() throws {
        // A changed letter in a stored title decodes to a well-formed entry that says something
        // else: the checksum refuses it, the file is parsed again and the cache made whole.
        let root = Self.journals[0]
        let location = try Self.location()
        let plain = JournalLoader.load(root: root)
        _ = JournalLoader.load(root: root, cache: location)
        let file = location.file(forRoot: JournalLoader.resolve(root.path))
        let stored = try [UInt8](Data(contentsOf: file))
        let cache = try #require(ParseCache(location: location, rootPath: JournalLoader.resolve(root.path)))
        #expect(cache.records.count == plain.fileCount)
        // Every byte of one entry's record, and every byte of its checksum.
        let (path, record) = try #require(cache.records.max { $0.value.range.count < $1.value.range.count })
        let positions = Array(record.range) + Array(record.range.upperBound..<record.range.upperBound + 8)
        for position in positions.filter({ $0 % 7 == 0 }) {
            var damaged = stored
            damaged[position] ^= 0x01
            try Data(damaged).write(to: file)
            let reloaded = JournalLoader.loadCounting(root: root, cache: location)
            #expect(reloaded.journal == plain, "a change at byte \(position) of \(path) was believed")
            #expect(reloaded.reused == plain.fileCount - 1)
            // The next run finds the cache whole again.
            #expect(JournalLoader.loadCounting(root: root, cache: location).reused == plain.fileCount)
        }
    }

    @Test func theCacheIsReadableByItsOwnerAlone() throws {
        let location = try Self.location()
        let root = Self.journals[1]
        _ = JournalLoader.load(root: root, cache: location)
        let file = location.file(forRoot: JournalLoader.resolve(root.path))
        let manager = FileManager.default
        let fileMode = try manager.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        let folderMode = try manager.attributesOfItem(atPath: location.folder.path)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(folderMode == 0o700)
        #expect(try manager.contentsOfDirectory(atPath: location.folder.path) == [file.lastPathComponent])

        // A cache others could have written is not believed, and is replaced by a private one.
        try manager.setAttributes([.posixPermissions: 0o664], ofItemAtPath: file.path)
        #expect(JournalLoader.loadCounting(root: root, cache: location).reused == 0)
        #expect(try manager.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int == 0o600)
        #expect(JournalLoader.loadCounting(root: root, cache: location).reused > 0)
    }
}
