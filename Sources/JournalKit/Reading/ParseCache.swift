import Foundation

/// Parsed entries kept between runs, so that a journal of thousands of files is not parsed
/// again when only a few of them changed.
///
/// A file is taken from the cache only when its device, inode, size, modification time and
/// change time are all what they were when it was parsed, the way git trusts its index.
/// The change time cannot be set back by any tool, so an edit is always seen. A file that
/// changed less than `slack` before the run that parsed it is not kept: a second edit within
/// the file system's clock tick could otherwise leave both times as they were.
/// Every failure to read or write the cache only means parsing again.
public struct ParseCache: Sendable {
    /// Where caches live and what "now" is when deciding which files are settled.
    public struct Location: Sendable {
        /// The folder holding one cache file per journal root.
        public var folder: URL
        /// The current time; tests move it forward to make fresh files count as settled.
        public var now: @Sendable () -> timespec
        /// What tells this build of the program from others; nil means no cache.
        var program: String?

        /// A cache folder, with the system clock.
        public init(folder: URL, now: @escaping @Sendable () -> timespec = ParseCache.systemNow) {
            self.init(folder: folder, now: now, program: ParseCache.programIdentity)
        }

        init(folder: URL, now: @escaping @Sendable () -> timespec, program: String?) {
            self.folder = folder
            self.now = now
            self.program = program
        }

        /// The cache file for a journal root, named by a hash of its path (the path is also kept
        /// inside, so two journals whose hashes meet only replace each other's cache).
        public func file(forRoot rootPath: String) -> URL {
            return folder.appendingPathComponent(
                StableHash.hex(rootPath) + ".cache")
        }
    }

    /// The size, times and place on disk of a file: what must not change for a parse to stay valid.
    struct Identity: Sendable, Equatable {
        var device: Int
        var inode: Int
        var size: Int
        var modified: Int
        var changed: Int

        /// The identity of the file at `path` (links followed), nil when it is not a regular file.
        init?(path: String) {
            var status = stat()
            guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
            device = Int(truncatingIfNeeded: status.st_dev)
            inode = Int(truncatingIfNeeded: status.st_ino)
            size = Int(status.st_size)
            #if canImport(Darwin)
                modified = ParseCache.nanoseconds(status.st_mtimespec)
                changed = ParseCache.nanoseconds(status.st_ctimespec)
            #else
                modified = ParseCache.nanoseconds(status.st_mtim)
                changed = ParseCache.nanoseconds(status.st_ctim)
            #endif
        }

        init(device: Int, inode: Int, size: Int, modified: Int, changed: Int) {
            self.device = device
            self.inode = inode
            self.size = size
            self.modified = modified
            self.changed = changed
        }

        func write(to writer: inout ByteWriter) {
            for value in [device, inode, size, modified, changed] { writer.int(value) }
        }

        static func read(_ reader: inout ByteReader) throws -> Identity {
            Identity(
                device: try reader.int(), inode: try reader.int(), size: try reader.int(),
                modified: try reader.int(), changed: try reader.int())
        }
    }

    /// What the cache did for one file, and what to keep of it for the next run.
    enum Outcome: Sendable {
        /// Not kept: unreadable, too recent, or no cache in use.
        case none
        /// Taken from the cache: the stored bytes are kept as they are.
        case reused(Identity, Range<Int>)
        /// Parsed now and settled: kept for the next run.
        case parsed(Identity)
    }

    /// How long before the run a file must have last changed to be kept: two seconds covers
    /// the coarsest common time stamps (FAT's), and every kernel clock tick.
    static let slack = 2_000_000_000

    static let magic = Array("journal parse cache\n".utf8)

    let file: URL
    let rootPath: String
    let program: String
    /// Files changed at or after this (nanoseconds since 1970) are too fresh to keep.
    let settledBefore: Int
    let bytes: [UInt8]
    let records: [String: Record]

    /// Where one entry is in the file, the file it was parsed from, and the checksum that
    /// tells whether its bytes are still the ones written.
    struct Record {
        var identity: Identity
        var range: Range<Int>
        var checksum: UInt64
    }

    /// The cache of the journal at `rootPath` (empty when there is none yet or it cannot be
    /// read); nil when the running program cannot be told apart from another build.
    init?(location: Location, rootPath: String) {
        guard let program = location.program else { return nil }
        file = location.file(forRoot: rootPath)
        self.rootPath = rootPath
        self.program = program
        settledBefore = ParseCache.nanoseconds(location.now()) - ParseCache.slack
        let (bytes, records) = ParseCache.read(file, rootPath: rootPath, program: program)
        self.bytes = bytes
        self.records = records
    }

    /// The cached entry for `path`, when the file is still the one that was parsed.
    /// A damaged record (its checksum does not match) is parsed again and rewritten.
    func entry(path: String, identity: Identity) -> (Entry, Range<Int>)? {
        guard let record = records[path], record.identity == identity else { return nil }
        let range = record.range
        return bytes.withUnsafeBytes { buffer in
            let stored = UnsafeRawBufferPointer(rebasing: buffer[range])
            guard Self.checksum(stored, path: path) == record.checksum else { return nil }
            return EntryCoding.decode(stored).map { ($0, range) }
        }
    }

    /// A checksum of an entry's bytes and its path, word by word: any change of one word of
    /// either, a one-byte change among them, always gives another value (each step is a
    /// bijection of the running value), and a few changes are missed once in 2^64.
    static func checksum(_ buffer: UnsafeRawBufferPointer, path: String) -> UInt64 {
        var path = path
        let seed = path.withUTF8 { mix(UnsafeRawBufferPointer($0), 0x6A09_E667_F3BC_C908) }
        return mix(buffer, seed)
    }

    private static func mix(_ buffer: UnsafeRawBufferPointer, _ seed: UInt64) -> UInt64 {
        var value = seed ^ UInt64(buffer.count) &* 0x9E37_79B9_7F4A_7C15
        var offset = 0
        while offset + 8 <= buffer.count {
            value =
                (value ^ buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                &* 0xFF51_AFD7_ED55_8CCD
            value ^= value >> 29
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < buffer.count {
            tail |= UInt64(buffer[offset]) << shift
            shift += 8
            offset += 1
        }
        value = (value ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return value ^ value >> 33
    }

    /// What to keep of an entry parsed now: only the files that had settled before the run.
    func outcome(parsedWith identity: Identity?) -> Outcome {
        guard let identity, max(identity.modified, identity.changed) < settledBefore else { return .none }
        return .parsed(identity)
    }

    /// Writes the cache for the next run, unless it would say exactly what it says now.
    /// Entries are encoded across the cores a few hundred at a time and written as they come,
    /// so that a run that fills the cache holds no second copy of the journal; the file is
    /// written under another name and renamed over the old one, so a reader never sees half.
    func save(paths: [String], entries: [Entry], outcomes: [Outcome]) {
        // Nothing new to keep and nothing kept has gone: the file would come out the same.
        // (Files too fresh to keep must not cause a rewrite of the whole cache on every run.)
        let reused = outcomes.count { if case .reused = $0 { true } else { false } }
        let parsed = outcomes.contains { if case .parsed = $0 { true } else { false } }
        if !parsed && reused == records.count { return }
        guard let output = Output(file) else { return }
        var writer = ByteWriter()
        writer.bytes = ParseCache.magic
        writer.int(EntryCoding.version)
        writer.string(program)
        writer.string(rootPath)
        writer.int(outcomes.count { if case .none = $0 { false } else { true } })
        let batch = 512
        for start in stride(from: 0, to: outcomes.count, by: batch) {
            let end = min(start + batch, outcomes.count)
            let encoded = concurrentMap(end - start) { offset -> [UInt8] in
                guard case .parsed = outcomes[start + offset] else { return [] }
                return EntryCoding.encode(entries[start + offset])
            }
            for index in start..<end {
                switch outcomes[index] {
                case .reused(let identity, let range):
                    writer.string(paths[index])
                    identity.write(to: &writer)
                    writer.int(range.count)
                    writer.bytes.append(contentsOf: bytes[range])
                    // Checked when the entry was taken from the cache.
                    writer.word(records[paths[index]]?.checksum ?? 0)
                case .parsed(let identity):
                    writer.string(paths[index])
                    identity.write(to: &writer)
                    let entry = encoded[index - start]
                    writer.int(entry.count)
                    writer.bytes.append(contentsOf: entry)
                    writer.word(entry.withUnsafeBytes { Self.checksum($0, path: paths[index]) })
                case .none:
                    continue
                }
            }
            guard output.write(writer.bytes) else { return output.abandon() }
            writer.bytes.removeAll(keepingCapacity: true)
        }
        guard output.write(writer.bytes) else { return output.abandon() }
        output.finish()
        ParseCache.prune(file.deletingLastPathComponent(), now: settledBefore + ParseCache.slack)
    }

    /// How long a journal's cache is kept without being rewritten: the cache of a journal moved,
    /// deleted or untouched for that long goes (an untouched one is parsed afresh next time).
    static let keptFor = 90 * 24 * 3600
    /// How long a half-written cache file may sit before it counts as left by a killed run.
    static let abandonedAfter = 3600

    /// Deletes caches not rewritten for `keptFor` and temporary files of writes that never
    /// finished; only names this code writes are touched.
    static func prune(_ folder: URL, now: Int) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names {
            let isCache = name.hasSuffix(".cache") && name.utf8.count == 22
            let isTemporary = name.hasSuffix(".tmp") && name.contains(".cache.")
            guard isCache || isTemporary else { continue }
            var status = stat()
            let path = folder.appendingPathComponent(name).path
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
            #if canImport(Darwin)
                let modified = nanoseconds(status.st_mtimespec)
            #else
                let modified = nanoseconds(status.st_mtim)
            #endif
            let age = (now - modified) / 1_000_000_000
            if age > (isCache ? keptFor : abandonedAfter) { unlink(path) }
        }
    }

    // MARK: Reading and writing the file

    private static func read(
        _ file: URL, rootPath: String, program: String
    ) -> ([UInt8], [String: Record]) {
        // Only a cache this user wrote, and nobody else could have changed: a cache folder
        // set to a shared place must not let another account decide what the journal says.
        var status = stat()
        guard stat(file.path, &status) == 0, status.st_uid == geteuid(), status.st_mode & 0o077 == 0,
            case .bytes(let bytes) = JournalLoader.readFile(file.path, limit: 1 << 30)
        else { return ([], [:]) }
        let records = bytes.withUnsafeBytes { buffer -> [String: Record]? in
            guard buffer.count >= magic.count, buffer.prefix(magic.count).elementsEqual(magic) else {
                return nil
            }
            var reader = ByteReader(buffer, from: magic.count)
            guard (try? reader.int()) == EntryCoding.version, (try? reader.string()) == program,
                (try? reader.string()) == rootPath, let count = try? reader.count()
            else { return nil }
            var records: [String: Record] = [:]
            // Room for a damaged count is not made up front; the dictionary grows as records come.
            records.reserveCapacity(min(count, 1 << 16))
            for _ in 0..<count {
                guard let path = try? reader.string(), let identity = try? Identity.read(&reader),
                    let length = try? reader.count()
                else { return nil }
                let range = reader.index..<reader.index + length
                reader.index += length
                guard let checksum = try? reader.word() else { return nil }
                records[path] = Record(identity: identity, range: range, checksum: checksum)
            }
            return records
        }
        guard let records else { return ([], [:]) }
        return (bytes, records)
    }

    /// A cache file being written: a temporary file beside it until `finish` renames it.
    private struct Output {
        let file: URL
        let temporary: String
        let descriptor: Int32

        init?(_ file: URL) {
            // Private reflections are in here: the folder and the file are the user's alone.
            try? FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
            self.file = file
            temporary = file.path + ".\(getpid()).tmp"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { return nil }
        }

        func write(_ bytes: [UInt8]) -> Bool {
            bytes.withUnsafeBytes { buffer -> Bool in
                guard let base = buffer.baseAddress else { return true }
                var written = 0
                while written < buffer.count {
                    let count = Foundation.write(descriptor, base + written, buffer.count - written)
                    if count < 0 && errno == EINTR { continue }
                    if count <= 0 { return false }
                    written += count
                }
                return true
            }
        }

        func finish() {
            close(descriptor)
            if rename(temporary, file.path) != 0 { unlink(temporary) }
        }

        func abandon() {
            close(descriptor)
            unlink(temporary)
        }
    }

    // MARK: Time and the program

    /// The system clock.
    @Sendable public static func systemNow() -> timespec {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return now
    }

    static func nanoseconds(_ time: timespec) -> Int {
        Int(time.tv_sec) &* 1_000_000_000 &+ Int(time.tv_nsec)
    }

    /// The running program's size and times: a new build may parse differently, so its
    /// caches start over.
    public static let programIdentity: String? = {
        // `/proc/self/exe` first: asking `Bundle` costs more than a cached run's rules do.
        guard
            let identity = Identity(path: "/proc/self/exe")
                ?? Bundle.main.executablePath.flatMap(Identity.init)
        else { return nil }
        return "\(identity.size)-\(identity.modified)-\(identity.changed)-\(identity.inode)"
    }()
}
