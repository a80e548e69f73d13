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
        let remote = box.url("shared.git")
        try box.git(["init", "-q", "--bare", "-b", "main", remote.path])
        let mentor = try box.person(
            "mara", name: "Mara Quinn", email: "mara@example.org", remote: remote.path)
        try box.write(agreementText, to: "agreement.md", in: mentor)
        for file in 0..<Self.files {
            try box.write("first line of \(file)\n", to: "notes/n\(file).md", in: mentor)
        }
        #expect(try box.journal(["sync"], in: mentor).status == 0)
        let join = try box.journal(["join", remote.path, "theo"], in: box.root)
        #expect(join.status == 0, "\(join.stderr)")
        let mentee = box.url("theo")
        try box.git(["config", "user.name", "Theo Park"], in: mentee)
        try box.git(["config", "user.email", "theo@example.org"], in: mentee)

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
