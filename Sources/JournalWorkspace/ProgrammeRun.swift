import Foundation
import JournalGit
import JournalKit

/// One pair of a programme as read for the report.
public struct ProgrammePairReading: Sendable {
    public var pair: ProgrammePair
    /// The commit read (its day in the committer's time zone), when there was one.
    public var commit: String?
    public var committedOn: CalendarDate?
    /// Why the pair could not be read (unreachable, refused, empty, no such branch), in plain words.
    public var problem: String?
    /// Its journal, read from the commit's tree.
    public var journal: Journal?
}

/// `journal programme report`'s reading: bare mirrors in the cache folder, fetched in parallel
/// (a bounded number at a time, each in a process of its own), each pair's journal read from its
/// commit's tree without a work tree.
public enum ProgrammeRun {
    /// The file in a mirror holding why its last fetch failed.
    static let lastProblemFile = "journal-fetch-problem"

    /// Where a pair's mirror lives: a folder of the cache named after the URL (never a journal).
    public static func mirror(for url: String, cache: URL) -> URL {
        let name = ProgrammePair(url: url).displayName.filter {
            $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_"
        }
        return cache.appendingPathComponent("programme").appendingPathComponent(
            "\(name.prefix(40))-\(StableHash.hex(url)).git")
    }

    /// Fetches every pair's mirror, `parallel` at a time; the problem of each that failed, by URL.
    /// `progress` is told (fetched, failed, left) after each.
    public static func fetch(
        _ pairs: [ProgrammePair], cache: URL, binary: String, parallel: Int, environment: [String: String],
        progress: @escaping @Sendable (Int, Int, Int) -> Void
    ) -> [String: String] {
        // Batches small enough to keep every process busy to the end, large enough that
        // starting a process is a small part of each.
        let workers = max(1, min(parallel, pairs.count))
        let size = max(1, min(25, pairs.count / (workers * 2)))
        let batches = stride(from: 0, to: pairs.count, by: size).map {
            Array($0..<min($0 + size, pairs.count))
        }
        let state = FetchState(count: batches.count, pairs: pairs.count)
        // Threads of their own: each mostly waits on a process and the network, and the shared
        // pool adds a thread for blocked work only about once a second.
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            let worker = Thread {
                defer { group.leave() }
                while let batch = state.next() {
                    let indices = batches[batch]
                    let folders = indices.map { mirror(for: pairs[$0].url, cache: cache) }
                    let problems = MirrorFetch.run(
                        binary: binary, items: zip(indices, folders).map { (pairs[$0.0].url, $0.1) },
                        environment: environment)
                    for (folder, problem) in zip(folders, problems) {
                        // Kept with the mirror, so that a run without fetching says why it is stale.
                        let note = folder.appendingPathComponent(lastProblemFile)
                        if let problem {
                            try? AtomicFile.write(
                                Array(problem.utf8), to: note.path, mode: 0o644, replacing: true)
                        } else {
                            try? FileManager.default.removeItem(at: note)
                        }
                    }
                    // Told in order: the counts are taken and reported under one lock, so the
                    // last line a terminal shows is the last count.
                    state.finish(indices.map { pairs[$0].url }, problems, then: progress)
                }
            }
            worker.start()
        }
        group.wait()
        return state.problems
    }

    /// Reads one pair from its mirror: the commit of its branch as of `asOf` (the tip when nil).
    public static func read(_ pair: ProgrammePair, cache: URL, asOf: CalendarDate?, memo: EntryMemo?)
        -> ProgrammePairReading
    {
        var reading = ProgrammePairReading(pair: pair)
        let folder = mirror(for: pair.url, cache: cache)
        guard FileManager.default.fileExists(atPath: folder.path) else {
            reading.problem = "not fetched yet"
            return reading
        }
        if let data = FileManager.default.contents(
            atPath: folder.appendingPathComponent(lastProblemFile).path)
        {
            reading.problem = "the last fetch failed: " + String(decoding: data, as: UTF8.self)
            return reading
        }
        do {
            let repository = try GitRepository.mirror(at: folder)
            guard
                let (commit, day) = try repository.mirroredCommit(branch: pair.branch, asOf: asOf)
            else {
                reading.problem = "the repository is empty (nothing pushed yet)"
                return reading
            }
            reading.commit = commit
            reading.committedOn = day
            let scope = (pair.folder ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            let snapshot = try repository.snapshot(at: commit, scope: scope, limit: JournalLoader.maxFileSize)
            // Named after the pair, so that a mentorship at the repository's top takes its name.
            let root = URL(fileURLWithPath: "/programme").appendingPathComponent(pair.displayName)
            // Entries whose bytes are those of the last read come from the mirror's memo.
            let memoFile = folder.appendingPathComponent("journal-entries.memo")
            let kept =
                memo ?? FileManager.default.contents(atPath: memoFile.path).map {
                    EntryMemo.load([UInt8]($0))
                }
                ?? EntryMemo()
            reading.journal = JournalLoader.load(
                source: MemorySource(files: snapshot.files), root: root, memo: kept)
            if memo == nil {
                try? AtomicFile.write(
                    kept.saved(keeping: Set(snapshot.files.keys)), to: memoFile.path, mode: 0o644,
                    replacing: true)
            }
        } catch let error as GitError {
            reading.problem = error.message
        } catch {
            reading.problem = "\(error)"
        }
        return reading
    }
}

extension ProgrammeRun {
    /// Every pair's facts, read a batch at a time across the cores (so memory stays flat in the
    /// number of pairs); `problems` are the fetches that failed. A pair whose commit, day and
    /// reading are those of the last run takes its facts from the mirror's record of them, without
    /// reading its tree. With `keepJournals`, the journals are read and given back (`--details`).
    public static func facts(
        _ pairs: [ProgrammePair], cache: URL, asOf: CalendarDate?, today: CalendarDate,
        problems: [String: String],
        keepJournals: Bool
    ) -> [(pair: ProgrammeReport.Pair, journal: Journal?)] {
        var results: [(pair: ProgrammeReport.Pair, journal: Journal?)?] = Array(
            repeating: nil, count: pairs.count)
        let batch = 32
        for start in stride(from: 0, to: pairs.count, by: batch) {
            let indices = Array(start..<min(start + batch, pairs.count))
            let computed = concurrentFacts(indices.count) { offset in
                let pair = pairs[indices[offset]]
                if let problem = problems[pair.url] {
                    return (
                        ProgrammeReport.pair(
                            pair, commit: nil, committedOn: nil, problem: problem, journal: nil,
                            diagnostics: [], today: today),
                        nil
                    )
                }
                return facts(of: pair, cache: cache, asOf: asOf, today: today, keepJournal: keepJournals)
            }
            for (offset, result) in computed.enumerated() { results[indices[offset]] = result }
        }
        return results.compactMap { $0 }
    }

    private static func concurrentFacts(
        _ count: Int, _ body: @Sendable (Int) -> (pair: ProgrammeReport.Pair, journal: Journal?)
    ) -> [(pair: ProgrammeReport.Pair, journal: Journal?)] {
        let box = FactsBox(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in box.set(index, body(index)) }
        return box.values
    }

    /// The key a mirror's record of facts is kept under: what they depend on.
    private struct Record: Codable {
        var key: String
        var pair: ProgrammeReport.Pair
    }

    private static func facts(
        of pair: ProgrammePair, cache: URL, asOf: CalendarDate?, today: CalendarDate, keepJournal: Bool
    ) -> (pair: ProgrammeReport.Pair, journal: Journal?) {
        let folder = mirror(for: pair.url, cache: cache)
        let recordFile = folder.appendingPathComponent("journal-facts.json")
        var key: String?
        let failedBefore = FileManager.default.fileExists(
            atPath: folder.appendingPathComponent(lastProblemFile).path)
        if !keepJournal, !failedBefore, FileManager.default.fileExists(atPath: folder.path),
            let repository = try? GitRepository.mirror(at: folder),
            let found = try? repository.mirroredCommit(branch: pair.branch, asOf: asOf)
        {
            key = [
                found.id, today.description, asOf?.description ?? "tip", pair.folder ?? "", pair.branch ?? "",
                ParseCache.programIdentity ?? "",
            ].joined(separator: "|")
            if let data = FileManager.default.contents(atPath: recordFile.path),
                let record = try? JSONDecoder().decode(Record.self, from: data), record.key == key
            {
                var facts = record.pair
                facts.pair = pair
                return (facts, nil)
            }
        }
        let reading = read(pair, cache: cache, asOf: asOf, memo: nil)
        let diagnostics = reading.journal.map { lint($0, today: today, everythingTracked: true) } ?? []
        let facts = ProgrammeReport.pair(
            pair, commit: reading.commit, committedOn: reading.committedOn, problem: reading.problem,
            journal: reading.journal, diagnostics: diagnostics, today: today)
        if let key, reading.problem == nil,
            let data = try? JSONEncoder().encode(Record(key: key, pair: facts))
        {
            try? AtomicFile.write([UInt8](data), to: recordFile.path, mode: 0o644, replacing: true)
        }
        return (facts, keepJournal ? reading.journal : nil)
    }
}

/// What the threads of one batch computed, by index.
private final class FactsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [(pair: ProgrammeReport.Pair, journal: Journal?)?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: (pair: ProgrammeReport.Pair, journal: Journal?)) {
        lock.withLock { slots[index] = value }
    }
    var values: [(pair: ProgrammeReport.Pair, journal: Journal?)] {
        lock.withLock { slots.compactMap { $0 } }
    }
}

/// The shared counters of a parallel fetch.
private final class FetchState: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private let count: Int
    private let pairs: Int
    private var fetched = 0
    private var failed = 0
    private(set) var problems: [String: String] = [:]

    init(count: Int, pairs: Int) {
        self.count = count
        self.pairs = pairs
    }

    func next() -> Int? {
        lock.withLock {
            guard nextIndex < count else { return nil }
            defer { nextIndex += 1 }
            return nextIndex
        }
    }

    func finish(_ urls: [String], _ results: [String?], then progress: (Int, Int, Int) -> Void) {
        lock.withLock {
            for (url, problem) in zip(urls, results) {
                if let problem {
                    failed += 1
                    problems[url] = problem
                } else {
                    fetched += 1
                }
            }
            progress(fetched, failed, pairs - fetched - failed)
        }
    }
}
