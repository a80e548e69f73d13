import Foundation
import TestSupport

@testable import JournalKit

/// The folder of this test target's fixtures, found from the source file (no bundle needed).
let fixturesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

/// Parses text as a file at `path` (its folder decides the kind).
func parse(_ text: String, path: String = "sessions/2026-11-20.md", kind: EntryKind = .session) -> Entry {
    EntryParser.parse(path: path, kind: kind, bytes: Array(text.utf8))
}

/// The rule ids of an entry's diagnostics, in order.
func rules(_ entry: Entry) -> [String] { entry.diagnostics.map(\.rule) }

/// Writes files (relative path to content) under a new temporary folder and returns it.
func temporaryJournal(_ files: [String: String]) throws -> URL {
    try makeFolder(prefix: "journal-tests", files: files)
}

/// Measures how long `body` takes, in seconds.
func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}
