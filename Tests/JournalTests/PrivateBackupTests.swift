import Foundation
import TestSupport
import Testing

@testable import JournalKit

/// The encrypted backup of private entries, across a mentee's two computers and a mentor's,
/// over a shared bare repository, checked with the real git and the real age tool.
@Suite(.serialized) struct PrivateBackupTests {
    static let secret = "SECRETWORD-7d1f"
    static let title = "Doubts about the clinic rota"
    static let path = "reflections/2026-11-20.md"

    /// `journal ARGS` with `input` on standard input (the passphrase), as a person at another
    /// computer would run it.
    func journal(
        _ sandbox: GitSandbox, _ arguments: [String], in folder: URL, input: String, home: URL? = nil
    ) throws -> ProgramRun {
        try sandbox.run(
            "/bin/sh",
            ["-c", "p=\"$1\"; shift; printf '%s\\n' \"$p\" | \"$0\" \"$@\"", try journalBinary().path] + [
                input
            ] + arguments,
            in: folder, extra: home.map { ["HOME": $0.path] } ?? [:])
    }

    @Test func privateEntriesFollowTheirAuthorAndNoOneElseCanReadThem() throws {
        let sandbox = try GitSandbox()
        let (remote, mentor) = try sandbox.sharedJournal()
        let laptop = try sandbox.joinAsPartner(remote)
        let text =
            reflectionText("2026-11-20", title: Self.title, isPrivate: true) + Self.secret
            + "\n\nfirst\n\nlast\n"
        try sandbox.write(text, to: Self.path, in: laptop)

        let on = try sandbox.run(
            "/bin/sh",
            ["-c", "printf 'pp one\\n' | \"$0\" private backup on --as theo", try journalBinary().path],
            in: laptop)
        #expect(on.status == 0, "\(on.stdout)\(on.stderr)")
        #expect(on.stdout.contains("1 private entry"))
        let sent = try sandbox.journal(["sync"], in: laptop)
        #expect(sent.status == 0, "\(sent.stdout)\(sent.stderr)")

        // A second computer: a home of its own, so no key yet.
        let home2 = sandbox.url("home2")
        try FileManager.default.createDirectory(at: home2, withIntermediateDirectories: true)
        let joined = try sandbox.run(
            try journalBinary().path, ["join", remote.path, "desktop"], extra: ["HOME": home2.path])
        #expect(joined.status == 0, "\(joined.stdout)\(joined.stderr)")
        let desktop = sandbox.url("desktop")
        try sandbox.git(["config", "user.name", "Theo Park"], in: desktop)
        try sandbox.git(["config", "user.email", "theo@example.org"], in: desktop)
        #expect(sandbox.read(Self.path, in: desktop) == nil)
        let wrong = try journal(
            sandbox, ["private", "unlock", "--as", "theo"], in: desktop, input: "pp two", home: home2)
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("passphrase does not open"))
        #expect(sandbox.read(Self.path, in: desktop) == nil)
        let unlocked = try journal(
            sandbox, ["private", "unlock", "--as", "theo"], in: desktop, input: "pp one", home: home2)
        #expect(unlocked.status == 0, "\(unlocked.stdout)\(unlocked.stderr)")
        #expect(sandbox.read(Self.path, in: desktop) == text)
        let status = try sandbox.run(
            try journalBinary().path, ["status"], in: desktop, extra: ["HOME": home2.path])
        #expect(
            status.stdout.contains("Private entries: 1 backed up, encrypted to your key alone."),
            "\(status.stdout)")
        // Brought back as private as it was written: git is told to leave it alone.
        #expect(try sandbox.git(["status", "--porcelain"], in: desktop).stdout.isEmpty)
        let mode = try FileManager.default.attributesOfItem(
            atPath: desktop.appendingPathComponent(Self.path).path)
        #expect((mode[.posixPermissions] as? Int).map { $0 & 0o077 } == 0)

        // Both computers change the entry: the two edits are combined, nothing lost.
        try sandbox.write(
            text.replacingOccurrences(of: "\nlast\n", with: "\nlast, from the desktop\n"), to: Self.path,
            in: desktop)
        #expect(
            try sandbox.run(try journalBinary().path, ["sync"], in: desktop, extra: ["HOME": home2.path])
                .status == 0)
        try sandbox.write(
            text.replacingOccurrences(of: "\nfirst\n", with: "\nfirst, from the laptop\n"), to: Self.path,
            in: laptop)
        let combined = try sandbox.journal(["sync"], in: laptop)
        #expect(combined.status == 0, "\(combined.stdout)\(combined.stderr)")
        let both = try #require(sandbox.read(Self.path, in: laptop))
        #expect(
            both.contains("first, from the laptop") && both.contains("last, from the desktop")
                && !both.contains("<<<<<<<"))
        #expect(
            try sandbox.run(try journalBinary().path, ["sync"], in: desktop, extra: ["HOME": home2.path])
                .status == 0)
        #expect(sandbox.read(Self.path, in: desktop) == both)

        // The mentor and the shared copy hold no word of it, in any object or file name.
        #expect(try sandbox.journal(["sync"], in: mentor).status == 0)
        #expect(sandbox.read(Self.path, in: mentor) == nil)
        #expect(
            try sandbox.journal(["status"], in: mentor).stdout.contains("encrypted backups here for theo"))
        for repository in [remote, mentor] {
            let objects = try sandbox.git(["cat-file", "--batch-all-objects", "--batch"], in: repository)
                .stdout
            for word in [Self.secret, Self.title, "from the laptop", "2026-11-20"] {
                #expect(!objects.contains(word), "\(word) in \(repository.lastPathComponent)")
            }
        }
        let files = try sandbox.git(["ls-tree", "-r", "--name-only", "main"], in: remote).stdout
        let vault = files.split(separator: "\n").filter { $0.hasPrefix(".journal/vault/") }
        #expect(vault.count == 1)
        #expect(files.contains(".journal/keys/theo.pub") && files.contains(".journal/keys/theo.key.age"))
        try sandbox.expectValid([remote, mentor, laptop, desktop])

        // The age tool opens the vault file with the key journal keeps, and the locked key
        // with the passphrase is what journal wrote.
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/age") {
            let keys = sandbox.home.appendingPathComponent(".config/journal/keys")
            let keyFile = try #require(try FileManager.default.contentsOfDirectory(atPath: keys.path).first)
            let opened = try sandbox.run(
                "/usr/bin/age", ["-d", "-i", keys.appendingPathComponent(keyFile).path, String(vault[0])],
                in: laptop)
            #expect(opened.status == 0, "\(opened.stderr)")
            #expect(opened.stdout.contains("first, from the laptop"))
        }

        // A damaged vault file is named and refused; the entry is left as it is.
        let damaged = desktop.appendingPathComponent(String(vault[0]))
        var bytes = Array(try Data(contentsOf: damaged))
        bytes[bytes.count - 5] ^= 0x20
        try Data(bytes).write(to: damaged)
        let refused = try sandbox.run(
            try journalBinary().path, ["commit"], in: desktop, extra: ["HOME": home2.path])
        #expect(refused.stderr.contains("changed or cut short"), "\(refused.stdout)\(refused.stderr)")
        #expect(sandbox.read(Self.path, in: desktop) == both)
        try sandbox.git(["checkout", "--", "."], in: desktop)

        // Off: the vault files leave the shared copy with the next sync; the entry stays here.
        let off = try sandbox.journal(["private", "backup", "off", "--as", "theo"], in: laptop)
        #expect(off.status == 0, "\(off.stdout)\(off.stderr)")
        #expect(try sandbox.journal(["sync"], in: laptop).status == 0)
        let after = try sandbox.git(["ls-tree", "-r", "--name-only", "main"], in: remote).stdout
        #expect(!after.contains(".journal/"))
        #expect(sandbox.read(Self.path, in: laptop) == both)
    }

    @Test func aSecondKeyOpensEveryCopyAndRotationLeavesTheOldKeyBehind() throws {
        let sandbox = try GitSandbox()
        let (_, mentor) = try sandbox.sharedJournal(sent: false)
        try sandbox.write(
            reflectionText("2026-11-20", title: Self.title, isPrivate: true), to: Self.path, in: mentor)
        #expect(
            try journal(sandbox, ["private", "backup", "on", "--as", "mara"], in: mentor, input: "pp").status
                == 0)
        let vaultFolder = mentor.appendingPathComponent(".journal/vault")
        func vaultFile() throws -> [UInt8] {
            let name = try #require(
                try FileManager.default.contentsOfDirectory(atPath: vaultFolder.path).first)
            return Array(try Data(contentsOf: vaultFolder.appendingPathComponent(name)))
        }
        let keys = sandbox.home.appendingPathComponent(".config/journal/keys")
        let firstKeyFile = try #require(try FileManager.default.contentsOfDirectory(atPath: keys.path).first)
        let first = try Age.Identity.parse(
            file: String(contentsOf: keys.appendingPathComponent(firstKeyFile), encoding: .utf8))

        // A key kept elsewhere (on a USB stick, say) opens every copy once added.
        let spare = Age.Identity()
        let added = try sandbox.journal(
            ["private", "backup", "status", "--as", "mara", "--add-key", spare.recipient.description],
            in: mentor)
        #expect(added.status == 0, "\(added.stdout)\(added.stderr)")
        #expect(
            String(decoding: try Age.decrypt(try vaultFile(), with: [spare]), as: UTF8.self).contains(
                Self.title))
        let bad = try sandbox.journal(
            ["private", "backup", "status", "--as", "mara", "--add-key", "age1nope"], in: mentor)
        #expect(bad.status == 1 && bad.stderr.contains("not an age key"))

        // Rotation: a new key alone opens the copies; the old one no longer does.
        let rotated = try journal(
            sandbox, ["private", "backup", "rotate", "--as", "mara"], in: mentor, input: "pp2")
        #expect(rotated.status == 0, "\(rotated.stdout)\(rotated.stderr)")
        #expect(throws: Age.Failure.noMatchingKey) { try Age.decrypt(try vaultFile(), with: first + [spare]) }
        let locked = Array(try Data(contentsOf: mentor.appendingPathComponent(".journal/keys/mara.key.age")))
        let fresh = try Age.Identity.parse(
            file: String(decoding: try Age.decrypt(locked, passphrase: "pp2"), as: UTF8.self))
        #expect(
            String(decoding: try Age.decrypt(try vaultFile(), with: fresh), as: UTF8.self).contains(
                Self.title))
        #expect(throws: Age.Failure.wrongPassphrase) { try Age.decrypt(locked, passphrase: "pp") }
        // The entry itself never changed, and the journal commits the new copies.
        #expect(
            sandbox.read(Self.path, in: mentor)
                == reflectionText("2026-11-20", title: Self.title, isPrivate: true))
        #expect(try sandbox.journal(["commit"], in: mentor).status == 0)
        let tracked = try sandbox.git(["ls-files"], in: mentor).stdout
        #expect(tracked.contains(".journal/vault/") && !tracked.contains(Self.path))

        // A new passphrase locks the same key.
        #expect(
            try journal(sandbox, ["private", "passphrase", "--as", "mara"], in: mentor, input: "pp3").status
                == 0)
        let relocked = Array(
            try Data(contentsOf: mentor.appendingPathComponent(".journal/keys/mara.key.age")))
        let same = try Age.Identity.parse(
            file: String(decoding: try Age.decrypt(relocked, passphrase: "pp3"), as: UTF8.self))
        #expect(same.map(\.recipient) == fresh.map(\.recipient))
        #expect(throws: Age.Failure.wrongPassphrase) { try Age.decrypt(relocked, passphrase: "pp2") }

        // An entry deleted here takes its encrypted copy with it at the next commit.
        try FileManager.default.removeItem(at: mentor.appendingPathComponent(Self.path))
        #expect(try sandbox.journal(["commit"], in: mentor).status == 0)
        #expect(!(try sandbox.git(["ls-files"], in: mentor).stdout.contains(".journal/vault/")))
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: vaultFolder.path)) ?? []).isEmpty)
    }

    /// journal killed at random moments of commit and sync, with the backup on and both of a
    /// person's computers writing: never a plaintext in any object, never a vault file that
    /// does not open, and every word on both computers once a sync completes.
    @Test func killedDuringCommitAndSyncNothingLeaksAndEveryCopyOpens() throws {
        let sandbox = try GitSandbox()
        let (remote, _) = try sandbox.sharedJournal()
        let laptop = try sandbox.joinAsPartner(remote)
        try sandbox.write(
            reflectionText("2026-11-20", title: Self.title, isPrivate: true), to: Self.path, in: laptop)
        #expect(
            try journal(sandbox, ["private", "backup", "on", "--as", "theo"], in: laptop, input: "pp").status
                == 0)
        #expect(try sandbox.journal(["sync"], in: laptop).status == 0)
        let home2 = sandbox.url("home2")
        try FileManager.default.createDirectory(at: home2, withIntermediateDirectories: true)
        let other = ["HOME": home2.path]
        #expect(
            try sandbox.run(try journalBinary().path, ["join", remote.path, "desktop"], extra: other).status
                == 0)
        let desktop = sandbox.url("desktop")
        try sandbox.git(["config", "user.name", "Theo Park"], in: desktop)
        try sandbox.git(["config", "user.email", "theo@example.org"], in: desktop)
        #expect(
            try journal(
                sandbox, ["private", "unlock", "--as", "theo"], in: desktop, input: "pp", home: home2
            ).status
                == 0)
        let keys = sandbox.home.appendingPathComponent(".config/journal/keys")
        let identities = try FileManager.default.contentsOfDirectory(atPath: keys.path).flatMap {
            try Age.Identity.parse(file: String(contentsOf: keys.appendingPathComponent($0), encoding: .utf8))
        }
        var random = SeededRandom(state: 28)
        var written: [String] = []
        for round in 0..<10 {
            // The desktop adds a line and syncs; the laptop adds one and is cut short.
            let desktopLine = "desktop-secret-\(round)"
            let laptopLine = "laptop-secret-\(round)"
            written += [desktopLine, laptopLine]
            for (folder, line) in [(desktop, desktopLine), (laptop, laptopLine)] {
                let handle = try FileHandle(forWritingTo: folder.appendingPathComponent(Self.path))
                try handle.seekToEnd()
                try handle.write(contentsOf: Data("\n\(line)\n".utf8))
                try handle.close()
            }
            let synced = try sandbox.run(try journalBinary().path, ["sync"], in: desktop, extra: other)
            #expect(synced.status == 0, "round \(round): \(synced.stdout)\(synced.stderr)")
            let (process, _, _) = try sandbox.startJournal([round % 3 == 0 ? "commit" : "sync"], in: laptop)
            usleep(UInt32(random.below(300_000)))
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            // Whatever was cut short: no object holds a word, and every vault file opens.
            for repository in [laptop, remote] {
                let objects = try sandbox.git(["cat-file", "--batch-all-objects", "--batch"], in: repository)
                    .stdout
                #expect(!objects.contains("-secret-") && !objects.contains(Self.title), "round \(round)")
            }
            let vault = laptop.appendingPathComponent(".journal/vault")
            for name in (try? FileManager.default.contentsOfDirectory(atPath: vault.path)) ?? [] {
                let bytes = Array(try Data(contentsOf: vault.appendingPathComponent(name)))
                #expect(throws: Never.self, "round \(round): \(name)") {
                    try Age.decrypt(bytes, with: identities)
                }
            }
            let again = try sandbox.journal(["sync"], in: laptop)
            #expect(again.status == 0, "round \(round), after the cut: \(again.stdout)\(again.stderr)")
        }
        // Once both have synced, both computers hold every line (beside each other or between markers).
        #expect(try sandbox.run(try journalBinary().path, ["sync"], in: desktop, extra: other).status == 0)
        for folder in [laptop, desktop] {
            let text = sandbox.read(Self.path, in: folder) ?? ""
            for line in written {
                #expect(text.contains(line), "\(line) missing in \(folder.lastPathComponent)")
            }
        }
        try sandbox.expectValid([remote, laptop, desktop])
    }
}
