import Foundation
import TestSupport
import Testing

/// `journal sync` cut short at random moments (SIGKILL, as a power cut or a closed laptop; and
/// SIGTERM and SIGINT), while it merges a partner's changes to many files; then the next sync.
/// After every round: no line either side wrote is missing from the work tree or the shared
/// copy, no file of any commit is empty or cut short, the shared copy is never rewound, and
/// `git fsck` is clean.
@Suite(.serialized) struct InterruptedSyncTests {
    static let files = 120

    @Test func aSyncCutShortAnywhereLosesNoWord() throws {
        let box = try GitSandbox()
        var notes: [String: String] = [:]
        for file in 0..<Self.files { notes["notes/n\(file).md"] = "first line of \(file)\n" }
        let (remote, mentor) = try box.sharedJournal(files: notes)
        let mentee = try box.joinAsPartner(remote)

        var random = SeededRandom(state: 20_261_207)
        var menteeLines: [Int: [String]] = [:]
        var mentorFiles: [String] = []
        var tip = try box.git(["rev-parse", "main"], in: remote).stdout
        let signals: [Int32] = [SIGKILL, SIGKILL, SIGTERM, SIGINT]
        for round in 0..<24 {
            // The partner changes every file and sends it.
            for file in 0..<Self.files {
                let line = "round \(round) line of \(file) from Theo"
                menteeLines[file, default: []].append(line)
                let path = mentee.appendingPathComponent("notes/n\(file).md")
                let handle = try FileHandle(forWritingTo: path)
                try handle.seekToEnd()
                try handle.write(contentsOf: Data((line + "\n").utf8))
                try handle.close()
            }
            let sent = try box.journal(["sync"], in: mentee)
            #expect(sent.status == 0, "round \(round), mentee: \(sent.stdout)\(sent.stderr)")
            // The mentor writes a file of their own and syncs, cut short after a random delay.
            let own = "notes/mara-\(round).md"
            mentorFiles.append(own)
            try box.write("Mara's words of round \(round)\n", to: own, in: mentor)
            let (process, _, errors) = try box.startJournal(["sync"], in: mentor)
            let stop = signals[round % signals.count]
            usleep(UInt32(random.below(250_000)))
            if process.isRunning { kill(process.processIdentifier, stop) }
            process.waitUntilExit()
            // Stopped by Ctrl-C or SIGTERM, journal says what happens next.
            if stop != SIGKILL, process.terminationStatus == 128 + stop {
                let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                #expect(said.contains("Nothing is lost"), "round \(round): \(said)")
            }
            // The next sync finishes or undoes what was cut short, and completes.
            let again = try box.journal(["sync"], in: mentor)
            #expect(again.status == 0, "round \(round), after the cut: \(again.stdout)\(again.stderr)")
            // Every word is in the work tree...
            for file in 0..<Self.files {
                let text = box.read("notes/n\(file).md", in: mentor) ?? ""
                let lines = text.split(separator: "\n").map(String.init)
                #expect(
                    lines == ["first line of \(file)"] + (menteeLines[file] ?? []),
                    "round \(round): notes/n\(file).md holds \(text.debugDescription)")
            }
            for path in mentorFiles {
                #expect(box.read(path, in: mentor) != nil, "round \(round): \(path) lost")
            }
            // ...and in the shared copy, which only ever moved forward.
            let newTip = try box.git(["rev-parse", "main"], in: remote).stdout
            let forward = try box.git(
                ["merge-base", "--is-ancestor", tip.trimmingCharacters(in: .whitespacesAndNewlines), "main"],
                in: remote, allowFailure: true)
            #expect(forward.status == 0, "round \(round): the shared copy was rewound")
            tip = newTip
            let shared = try box.git(["show", "main:notes/n\(Self.files - 1).md"], in: remote).stdout
            #expect(
                shared.hasSuffix("round \(round) line of \(Self.files - 1) from Theo\n"), "round \(round)")
            #expect(
                try box.git(["show", "main:" + own], in: remote).stdout == "Mara's words of round \(round)\n")
            // No commit of the mentor's holds an emptied or shortened note.
            let sizes = try box.git(["log", "--format=", "--raw", "--no-abbrev", "-3", "main"], in: mentor)
                .stdout
            #expect(
                !sizes.contains(" e69de29bb2d1d6434b8b29ae775ad8c2e48c5391 "),
                "round \(round): an empty file was committed")
            // The partner receives everything.
            #expect(try box.journal(["sync"], in: mentee).status == 0)
        }
        try box.expectValid([mentor, mentee, remote])
    }
}

/// A person typing while `journal sync` runs (a line every 20 to 100 ms, as an editor saving
/// often): whether the sync ends in 0 or refuses with 1, every line typed is in the file after.
@Suite(.serialized) struct TypingDuringSyncTests {
    final class Typist: @unchecked Sendable {
        let file: URL
        private let lock = NSLock()
        private var lines: [String] = []
        private var running = true
        init(file: URL) { self.file = file }

        var typed: [String] { lock.withLock { lines } }
        func stop() { lock.withLock { running = false } }

        func run(seed: UInt64) {
            var random = SeededRandom(state: seed)
            var count = 0
            while lock.withLock({ running }) {
                count += 1
                let line = "typed \(seed)-\(count)\n"
                // As an editor saves: the whole file read and written again.
                let before = (try? Data(contentsOf: file)) ?? Data()
                try? (before + Data(line.utf8)).write(to: file)
                lock.withLock { lines.append(line) }
                usleep(UInt32(20_000 + random.below(80_000)))
            }
        }
    }

    @Test func noLineTypedDuringASyncIsLost() throws {
        let box = try GitSandbox()
        var notes = ["notes/log.md": "# Log\n\n"]
        for file in 0..<60 { notes["notes/n\(file).md"] = "first line of \(file)\n" }
        let (remote, mentor) = try box.sharedJournal(files: notes)
        let mentee = try box.joinAsPartner(remote)
        for round in 0..<16 {
            // The partner changes the log's heading and every note.
            let log = box.read("notes/log.md", in: mentee) ?? ""
            try box.write(
                log.replacingOccurrences(of: "# Log", with: "# Log (round \(round))")
                    .replacingOccurrences(of: "# Log (round \(round - 1))", with: "# Log (round \(round))"),
                to: "notes/log.md", in: mentee)
            for file in 0..<60 {
                try box.write(
                    (box.read("notes/n\(file).md", in: mentee) ?? "") + "round \(round)\n",
                    to: "notes/n\(file).md",
                    in: mentee)
            }
            #expect(try box.journal(["sync"], in: mentee).status == 0, "round \(round)")
            // The mentor types into the log while syncing.
            let typist = Typist(file: mentor.appendingPathComponent("notes/log.md"))
            let thread = Thread { typist.run(seed: UInt64(round)) }
            thread.start()
            usleep(30_000)
            let sync = try box.journal(["sync"], in: mentor)
            typist.stop()
            usleep(150_000)
            #expect([0, 1].contains(sync.status), "round \(round): \(sync.stdout)\(sync.stderr)")
            let now = box.read("notes/log.md", in: mentor) ?? ""
            for line in typist.typed {
                #expect(now.contains(line), "round \(round) (exit \(sync.status)): \(line) was lost: \(now)")
            }
            // Settle: the next sync sends the typed lines and receives the rest.
            let settle = try box.journal(["sync"], in: mentor)
            #expect(settle.status == 0, "round \(round), settling: \(settle.stdout)\(settle.stderr)")
            #expect(try box.journal(["sync"], in: mentee).status == 0)
        }
        try box.expectValid([mentor, mentee, remote])
    }
}
