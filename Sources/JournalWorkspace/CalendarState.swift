import Foundation
import JournalKit

/// What each event of a calendar feed said the last time the feed was written, kept in the
/// cache folder: its SEQUENCE goes up and its LAST-MODIFIED moves only when it changes.
public enum CalendarState {
    private struct Kept: Codable {
        var digest: String
        var sequence: Int
        var modified: Double
    }

    /// The sequence and last change of each of `feed`'s events, recorded for the next run in
    /// `cache` under `key` (the journal and where the feed goes).
    public static func changes(for feed: CalendarFeed, key: String, cache: URL?, now: Date = Date())
        -> [String: (sequence: Int, modified: Date)]
    {
        let file = cache.map { folder in
            folder.appendingPathComponent("calendar").appendingPathComponent(digest(key) + ".json")
        }
        var kept: [String: Kept] = [:]
        if let file, let data = FileManager.default.contents(atPath: file.path) {
            kept = (try? JSONDecoder().decode([String: Kept].self, from: data)) ?? [:]
        }
        var result: [String: (sequence: Int, modified: Date)] = [:]
        for event in feed.events {
            let content = digest(event.content)
            var record =
                kept[event.uid]
                ?? Kept(digest: content, sequence: 0, modified: now.timeIntervalSince1970.rounded(.down))
            if record.digest != content {
                record = Kept(
                    digest: content, sequence: record.sequence + 1,
                    modified: now.timeIntervalSince1970.rounded(.down))
            }
            kept[event.uid] = record
            result[event.uid] = (record.sequence, Date(timeIntervalSince1970: record.modified))
        }
        if let file, let data = try? JSONEncoder().encode(kept) {
            try? FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? AtomicFile.write([UInt8](data), to: file.path, mode: 0o600, replacing: true)
        }
        return result
    }

    static func digest(_ text: String) -> String { StableHash.hex(text) }
}
