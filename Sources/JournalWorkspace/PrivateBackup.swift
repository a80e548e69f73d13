import Crypto
import Foundation
import JournalGit
import JournalKit

/// The encrypted backup of a person's private entries (format.md, "Encrypted backup of private
/// entries"): the one place that decides what goes into `.journal/vault/` and what comes back
/// out of it. Commit and sync ask `refresh()`; nothing else reads or writes the vault.
///
/// - `.journal/keys/<handle>.pub`: the person's recipients, one `age1…` a line;
/// - `.journal/keys/<handle>.key.age`: their identity, encrypted with their passphrase;
/// - `.journal/vault/<name>.age`: one private entry each, encrypted to those recipients only,
///   `<name>` random and kept for the entry; inside, a first line naming the entry's path;
/// - the identity itself in the person's configuration folder (`keys/`, owner-only);
/// - `vault-state` in the repository's own folder: for each vault file, the entry and the
///   plaintext last in step with it (the base for merging the two sides), never shared.
public struct PrivateBackup {
    /// Why the backup could not do what was asked, in plain words.
    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    public let root: URL
    public let handle: String
    let configFolder: URL
    let stateFolder: URL

    static let pathLine = "journal-private-entry: "

    /// The backup of `handle` in the journal at `root`, with its local state in `gitDirectory`.
    public init(root: URL, handle: String, gitDirectory: URL, environment: [String: String]) throws {
        guard let config = UserSettings.folder(environment: environment) else {
            throw Problem(description: "no home folder to keep your key in: set HOME")
        }
        guard !handle.isEmpty,
            handle.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }),
            !handle.hasPrefix(".")
        else { throw Problem(description: "`\(handle)` is not a handle (letters, digits, - and _)") }
        self.root = root
        self.handle = handle
        configFolder = URL(fileURLWithPath: config)
        stateFolder = gitDirectory.appendingPathComponent("journal-vault")
    }

    var keysFolder: URL { root.appendingPathComponent(".journal/keys") }
    var vaultFolder: URL { root.appendingPathComponent(".journal/vault") }
    var recipientsFile: URL { keysFolder.appendingPathComponent(handle + ".pub") }
    var lockedIdentityFile: URL { keysFolder.appendingPathComponent(handle + ".key.age") }
    var identitiesFolder: URL { configFolder.appendingPathComponent("keys") }

    // MARK: State

    /// Whether the backup is on for this person in this journal (their recipients are shared).
    public var isOn: Bool { FileManager.default.fileExists(atPath: recipientsFile.path) }

    /// The recipients the person's entries are encrypted to.
    func recipients() throws -> [Age.Recipient] {
        guard let text = try? String(contentsOf: recipientsFile, encoding: .utf8) else { return [] }
        do {
            return try text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") }.map { try Age.Recipient($0) }
        } catch {
            throw Problem(description: "\(recipientsFile.path): \(error)")
        }
    }

    /// The person's identities on this computer that belong to this journal's recipients.
    func identities() throws -> [Age.Identity] {
        let wanted = Set(try recipients())
        let files = (try? FileManager.default.contentsOfDirectory(atPath: identitiesFolder.path)) ?? []
        var found: [Age.Identity] = []
        for name in files.sorted() where name.hasSuffix(".txt") {
            guard
                let text = try? String(
                    contentsOf: identitiesFolder.appendingPathComponent(name), encoding: .utf8),
                let keys = try? Age.Identity.parse(file: text)
            else { continue }
            found += keys.filter { wanted.contains($0.recipient) }
        }
        return found
    }

    /// Whether this computer holds a key that opens the person's vault.
    public var isUnlocked: Bool { ((try? identities()) ?? []).isEmpty == false }

    /// What `journal private backup status` says.
    public struct Status: Sendable {
        public var on: Bool
        public var unlocked: Bool
        public var recipients: [String]
        public var backedUp: Int
    }

    public func status() -> Status {
        Status(
            on: isOn, unlocked: isUnlocked, recipients: ((try? recipients()) ?? []).map(\.description),
            backedUp: loadState().count)
    }

    // MARK: Turning it on and off

    /// Creates the person's identity, keeps it here (owner-only) and in the journal under the
    /// passphrase, shares the recipient, and writes the vault files of the existing entries.
    public func turnOn(passphrase: String, privateEntries: [String], created: Date = Date()) throws -> Int {
        guard !isOn else {
            throw Problem(
                description:
                    isUnlocked
                    ? "the backup is already on for \(handle)"
                    : "the backup is already on for \(handle), from another computer: run `journal private unlock` "
                        + "here with your passphrase")
        }
        let identity = Age.Identity()
        try keep(identity, created: created)
        let file = identity.file(created: ISO8601DateFormatter().string(from: created))
        try write(try Age.encrypt(Array(file.utf8), passphrase: passphrase), to: lockedIdentityFile)
        try write(Array("\(identity.recipient)\n".utf8), to: recipientsFile)
        return try refresh(privateEntries: privateEntries).written
    }

    /// Removes the person's vault files and keys from the journal (the next commit removes
    /// them from the shared copy; history keeps the old ciphertexts). The key stays here.
    public func turnOff() throws -> Int {
        guard isOn else { throw Problem(description: "the backup is not on for \(handle)") }
        let state = loadState()
        for name in state.keys { try? FileManager.default.removeItem(at: vaultFile(name)) }
        try? FileManager.default.removeItem(at: recipientsFile)
        try? FileManager.default.removeItem(at: lockedIdentityFile)
        try? FileManager.default.removeItem(at: stateFolder)
        return state.count
    }

    /// On a new computer: opens the identity with the passphrase, keeps it here, and brings back
    /// every private entry of the vault. The number of entries restored.
    public func unlock(passphrase: String) throws -> Int {
        guard isOn, let locked = FileManager.default.contents(atPath: lockedIdentityFile.path) else {
            throw Problem(
                description: "there is no backup for \(handle) in this journal: `journal sync` first, "
                    + "or `journal private backup on` to start one")
        }
        let opened: [UInt8]
        do {
            opened = try Age.decrypt(Array(locked), passphrase: passphrase)
        } catch Age.Failure.wrongPassphrase {
            throw Problem(description: "that passphrase does not open your key; nothing was changed")
        } catch {
            throw Problem(description: "\(lockedIdentityFile.path): \(error); nothing was changed")
        }
        let wanted = Set(try recipients())
        let keys = (try? Age.Identity.parse(file: String(decoding: opened, as: UTF8.self))) ?? []
        guard let identity = keys.first(where: { wanted.contains($0.recipient) }) else {
            throw Problem(
                description: "the key in \(lockedIdentityFile.lastPathComponent) is not one of \(handle)'s")
        }
        try keep(identity, created: Date())
        return try refresh(privateEntries: []).restored
    }

    /// A new passphrase for the key kept in the journal.
    public func changePassphrase(to passphrase: String) throws {
        guard let identity = try identities().first else {
            throw Problem(description: "your key is not on this computer: `journal private unlock` first")
        }
        let file = identity.file(created: ISO8601DateFormatter().string(from: Date()))
        try write(try Age.encrypt(Array(file.utf8), passphrase: passphrase), to: lockedIdentityFile)
    }

    /// Adds a recipient (a second key of the person's, kept elsewhere) and encrypts every vault
    /// file to it too. The number of files encrypted again.
    public func addRecipient(_ text: String) throws -> Int {
        let recipient: Age.Recipient
        do {
            recipient = try Age.Recipient(text)
        } catch {
            throw Problem(description: "`\(text)` is \(error)")
        }
        var all = try recipients()
        guard !all.contains(recipient) else { return 0 }
        all.append(recipient)
        let count = try reencryptAll(to: all)
        try write(Array(all.map { "\($0)\n" }.joined().utf8), to: recipientsFile)
        return count
    }

    /// A new identity in place of the old: locked with `passphrase`, the only recipient, and
    /// every vault file encrypted again to it. The old identity stays on this computer (the
    /// history of the shared copy keeps the old ciphertexts, which only it opens).
    public func rotate(passphrase: String, created: Date = Date()) throws -> Int {
        let fresh = Age.Identity()
        try keep(fresh, created: created)
        let count = try reencryptAll(to: [fresh.recipient])
        let file = fresh.file(created: ISO8601DateFormatter().string(from: created))
        try write(try Age.encrypt(Array(file.utf8), passphrase: passphrase), to: lockedIdentityFile)
        try write(Array("\(fresh.recipient)\n".utf8), to: recipientsFile)
        return count
    }

    /// Every vault file of the person's opened with the keys here and written again to
    /// `recipients`; nothing is written unless every file opens.
    func reencryptAll(to recipients: [Age.Recipient]) throws -> Int {
        let identities = try identities()
        guard !identities.isEmpty else {
            throw Problem(description: "your key is not on this computer: `journal private unlock` first")
        }
        var sealed: [(URL, [UInt8])] = []
        for name in loadState().keys.sorted() {
            let file = vaultFile(name)
            guard let data = FileManager.default.contents(atPath: file.path) else { continue }
            do {
                sealed.append(
                    (file, try Age.encrypt(try Age.decrypt(Array(data), with: identities), to: recipients)))
            } catch {
                throw Problem(description: "\(VaultFiles.vault)/\(name).age: \(error); nothing was changed")
            }
        }
        for (file, bytes) in sealed { try write(bytes, to: file) }
        return sealed.count
    }

    /// Keeps `identity` in the person's configuration folder, readable by them alone.
    func keep(_ identity: Age.Identity, created: Date) throws {
        let manager = FileManager.default
        do {
            try manager.createDirectory(
                at: identitiesFolder, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
            chmod(identitiesFolder.path, 0o700)
            let name = String(identity.recipient.description.dropFirst(4).prefix(16)) + ".txt"
            try AtomicFile.write(
                Array(identity.file(created: ISO8601DateFormatter().string(from: created)).utf8),
                to: identitiesFolder.appendingPathComponent(name).path, mode: 0o600, replacing: true)
        } catch {
            throw Problem(description: "cannot keep your key in \(identitiesFolder.path): \(error)")
        }
    }

    // MARK: Keeping the vault and the entries in step

    /// What a refresh did.
    public struct Refresh: Sendable, Equatable {
        /// Vault files written (new or changed entries).
        public var written = 0
        /// Entries brought back or updated from the vault.
        public var restored = 0
        /// Entries whose two versions were merged (conflicts left in the plaintext file).
        public var merged: [String] = []
        /// Vault files removed with their entries.
        public var removed = 0
        /// Vault files that do not open: left as they are, named here.
        public var unreadable: [String] = []
    }

    /// Brings the vault and the private entries (journal-relative paths) into step: entries
    /// changed on another computer come back, entries changed here are encrypted again, both
    /// changed are merged as entries are. Does nothing without the person's key on this computer.
    ///
    /// For each vault file the state keeps the plaintext it was last encrypted from here
    /// (`mine`) and the base: the last version both sides are known to share (what came in, or
    /// what this computer wrote once `shared` says the shared copy has it). A local entry that
    /// differs from the base has words the other side lacks, and is merged, never replaced.
    public func refresh(privateEntries: [String], shared: Bool = false) throws -> Refresh {
        var result = Refresh()
        let identities = try identities()
        let recipients = try recipients()
        guard isOn, !identities.isEmpty, !recipients.isEmpty else { return result }
        var state = loadState()
        let manager = FileManager.default
        func local(_ path: String) -> [UInt8]? {
            manager.contents(atPath: root.appendingPathComponent(path).path).map(Array.init)
        }
        // From the vault: every file this person's key opens.
        let names = ((try? manager.contentsOfDirectory(atPath: vaultFolder.path)) ?? [])
            .filter { $0.hasSuffix(".age") }.map { String($0.dropLast(4)) }.sorted()
        for name in names {
            guard let data = manager.contents(atPath: vaultFile(name).path) else { continue }
            let opened: (path: String, bytes: [UInt8])
            do {
                let plain = try Age.decrypt(Array(data), with: identities)
                guard let entry = Self.split(plain) else { throw Age.Failure.damagedHeader("no entry path") }
                opened = entry
            } catch Age.Failure.noMatchingKey {
                continue  // Someone else's, or another key's: not this person's to read.
            } catch {
                result.unreadable.append("\(VaultFiles.vault)/\(name).age: \(error)")
                continue
            }
            if let known = state[name], known.digest == Self.digest(opened.bytes) {
                // What this computer wrote last: nothing came in. Once shared, it is the base.
                if shared { try saveBase(name, opened.bytes) }
                continue
            }
            let file = root.appendingPathComponent(opened.path)
            let here = local(opened.path)
            if here == opened.bytes {
                // The entry already reads so: most often this computer's own copy, written just
                // before journal was stopped. It is no base until the shared copy is known to hold it.
                if shared || state[name] == nil || loadBase(name) == nil { try saveBase(name, opened.bytes) }
                state[name] = (opened.path, Self.digest(opened.bytes))
                continue
            }
            let base = state[name] != nil ? loadBase(name) : nil
            if here == nil || here == base {
                try writeEntry(opened.bytes, to: file)
                result.restored += 1
            } else if let here {
                let labels = MergeLabels(ours: "this computer", theirs: "your other computer")
                let merged =
                    EntryMerge.merge(
                        base: base, ours: here, theirs: opened.bytes, path: opened.path, labels: labels)?
                    .bytes ?? EntryMerge.bothKept(ours: here, theirs: opened.bytes, labels: labels)
                try writeEntry(merged, to: file)
                result.merged.append(opened.path)
            }
            state[name] = (opened.path, Self.digest(opened.bytes))
            try saveBase(name, opened.bytes)
        }
        // Vault files gone (the entry was deleted on another computer): the entry goes too,
        // unless it holds words written here since the version both had.
        for (name, known) in state where !names.contains(name) {
            state[name] = nil
            if let here = local(known.path), here != loadBase(name) {
                removeBase(name)
                continue  // Encrypted again below, under a new name.
            }
            try? manager.removeItem(at: root.appendingPathComponent(known.path))
            removeBase(name)
            result.removed += 1
        }
        // To the vault: every private entry that differs from what this computer last encrypted.
        let byPath = Dictionary(state.map { ($0.value.path, $0.key) }, uniquingKeysWith: { a, _ in a })
        for path in Set(privateEntries).sorted() {
            guard let plain = local(path) else { continue }
            let known = byPath[path]
            let name = known ?? Self.newName()
            if state[name]?.digest == Self.digest(plain), manager.fileExists(atPath: vaultFile(name).path) {
                continue
            }
            let sealed = try Age.encrypt(Array((Self.pathLine + path + "\n").utf8) + plain, to: recipients)
            try write(sealed, to: vaultFile(name))
            state[name] = (path, Self.digest(plain))
            // A new entry's first version is where every other version of it starts.
            if known == nil { try saveBase(name, plain) }
            result.written += 1
        }
        // Entries deleted here: their vault files go.
        for (name, known) in state where local(known.path) == nil {
            try? manager.removeItem(at: vaultFile(name))
            state[name] = nil
            removeBase(name)
            result.removed += 1
        }
        try saveState(state)
        return result
    }

    // MARK: Files

    func vaultFile(_ name: String) -> URL { vaultFolder.appendingPathComponent(name + ".age") }

    static func newName() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }
            .joined()
    }

    static func digest(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// The entry path and bytes inside a vault file's plaintext; nil when it names no safe path.
    static func split(_ plain: [UInt8]) -> (path: String, bytes: [UInt8])? {
        guard let newline = plain.firstIndex(of: 0x0A) else { return nil }
        let line = String(decoding: plain[..<newline], as: UTF8.self)
        guard line.hasPrefix(pathLine) else { return nil }
        let path = String(line.dropFirst(pathLine.count))
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        // Never outside the journal, never into `.journal/` or `.git/`.
        guard !path.isEmpty, !path.hasPrefix("/"), path.hasSuffix(".md"),
            parts.allSatisfy({ !$0.isEmpty && $0 != ".." && !$0.hasPrefix(".") })
        else { return nil }
        return (path, Array(plain[(newline + 1)...]))
    }

    /// A file written whole: a vault or key file (shared, 0644), or a private entry brought
    /// back (readable by its owner alone).
    func write(_ bytes: [UInt8], to url: URL, mode: mode_t = 0o644) throws {
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try AtomicFile.write(bytes, to: url.path, mode: mode, replacing: true)
        } catch {
            throw Problem(description: "cannot write \(url.path): \(error)")
        }
    }

    func writeEntry(_ bytes: [UInt8], to url: URL) throws { try write(bytes, to: url, mode: 0o600) }

    typealias State = [String: (path: String, digest: String)]

    func loadState() -> State {
        guard let text = try? String(contentsOf: stateFolder.appendingPathComponent("state"), encoding: .utf8)
        else { return [:] }
        var state: State = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 2).map(String.init)
            guard parts.count == 3 else { continue }
            state[parts[0]] = (parts[2], parts[1])
        }
        return state
    }

    func saveState(_ state: State) throws {
        let text = state.sorted { $0.key < $1.key }.map {
            "\($0.key)\t\($0.value.digest)\t\($0.value.path)\n"
        }
        .joined()
        try local(Array(text.utf8), "state")
    }

    func loadBase(_ name: String) -> [UInt8]? {
        FileManager.default.contents(atPath: stateFolder.appendingPathComponent("base/" + name).path).map(
            Array.init)
    }

    func saveBase(_ name: String, _ bytes: [UInt8]) throws { try local(bytes, "base/" + name) }

    func removeBase(_ name: String) {
        try? FileManager.default.removeItem(at: stateFolder.appendingPathComponent("base/" + name))
    }

    /// A file of the local state, owner-only (it holds plaintext of private entries).
    func local(_ bytes: [UInt8], _ name: String) throws {
        let url = stateFolder.appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
            try AtomicFile.write(bytes, to: url.path, mode: 0o600, replacing: true)
        } catch {
            throw Problem(description: "cannot write \(url.path): \(error)")
        }
    }
}
