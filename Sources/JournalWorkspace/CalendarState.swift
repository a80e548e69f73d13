import Foundation
import JournalKit

/// The events the last feed written to the same place held, kept in the cache folder: an event
/// that is gone from the journal (an item reworded or deleted, a meeting file removed) is sent
/// once more, cancelled, so that a calendar importing the file again does not keep it beside
/// its replacement. Everything else in the feed comes from the files alone.
public enum CalendarState {
    /// The events of the previous feed under `key` that `feed` no longer has, and `feed`'s
    /// events recorded for next time. Without a cache folder, nothing is withdrawn.
    public static func withdrawn(from feed: CalendarFeed, key: String, cache: URL?) -> [CalendarFeed.Event] {
        guard let cache else { return [] }
        let file = cache.appendingPathComponent("calendar").appendingPathComponent(
            StableHash.hex(key) + ".events.json")
        var previous: [CalendarFeed.Event] = []
        if let data = FileManager.default.contents(atPath: file.path) {
            previous = (try? JSONDecoder().decode([CalendarFeed.Event].self, from: data)) ?? []
        }
        let now = Set(feed.events.map(\.uid))
        // Cancelled ones are not kept: each goes out once.
        let gone = previous.filter { !now.contains($0.uid) && !$0.cancelled }
        if let data = try? JSONEncoder().encode(feed.events) {
            try? FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? AtomicFile.write([UInt8](data), to: file.path, mode: 0o600, replacing: true)
        }
        return gone
    }
}
