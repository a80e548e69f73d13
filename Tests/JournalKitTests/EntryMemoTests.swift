import Foundation
import Testing

@testable import JournalKit

/// A memo kept between runs (a programme's mirror): entries whose bytes did not change are not
/// parsed again, and what changed is.
@Suite struct EntryMemoTests {
    @Test func unchangedEntriesComeFromTheSavedMemo() {
        var files: [String: [UInt8]] = [
            "agreement.md": Array(
                "---\nmentor: Grace <g@example.org>\nmentee: Ada <a@example.org>\nstarted: 2026-09-01\ncadence: weekly\n---\n"
                    .utf8),
            "goals/g.md": Array("---\ntitle: A goal\n---\n".utf8),
            "sessions/2026-11-20.md": Array("---\ndate: 2026-11-20\n---\n- [ ] @mentee one\n".utf8),
        ]
        let root = URL(fileURLWithPath: "/programme/pair")
        let first = EntryMemo()
        _ = JournalLoader.load(source: MemorySource(files: files), root: root, memo: first)
        #expect(first.reused == 0)
        let saved = first.saved(keeping: Set(files.keys))
        files["sessions/2026-11-20.md"] = Array("---\ndate: 2026-11-20\n---\n- [x] @mentee one\n".utf8)
        let second = EntryMemo.load(saved)
        let journal = JournalLoader.load(source: MemorySource(files: files), root: root, memo: second)
        #expect(second.reused == 2, "the agreement and the goal, not the changed session")
        let items = journal.mentorships.flatMap(\.entries).flatMap(\.actionItems)
        #expect(items.first?.state == .done, "the changed entry was read again")
        // Foreign bytes give an empty memo; a memo cut short keeps only what it holds whole,
        // and what it gives is what parsing gives.
        let foreign = EntryMemo.load([1, 2, 3])
        _ = JournalLoader.load(source: MemorySource(files: files), root: root, memo: foreign)
        #expect(foreign.reused == 0)
        let fresh = JournalLoader.load(source: MemorySource(files: files), root: root)
        let cut = EntryMemo.load(Array(saved.prefix(saved.count / 2)))
        let fromCut = JournalLoader.load(source: MemorySource(files: files), root: root, memo: cut)
        #expect(cut.reused < 2)
        #expect(fromCut.mentorships.flatMap(\.entries) == fresh.mentorships.flatMap(\.entries))
    }
}
