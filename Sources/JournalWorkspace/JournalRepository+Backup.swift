import Foundation
import JournalGit
import JournalKit

extension JournalRepository {
    /// The file naming whose backup this computer keeps (written by `backup on` and `unlock`).
    var backupOwnerFile: URL { repository.commonDirectory.appendingPathComponent("journal-vault/handle") }

    /// The private backup of `handle` in this journal.
    public func privateBackup(handle: String, environment: [String: String]) throws -> PrivateBackup {
        try PrivateBackup(
            root: layout.root, handle: handle, gitDirectory: repository.commonDirectory,
            environment: environment)
    }

    /// Whose backup this computer keeps, when someone turned it on or unlocked it here.
    public var backupOwner: String? {
        (try? String(contentsOf: backupOwnerFile, encoding: .utf8))?.trimmingCharacters(
            in: .whitespacesAndNewlines
        )
        .nilIfEmpty
    }

    /// Records that this computer keeps `handle`'s backup (or no one's).
    public func setBackupOwner(_ handle: String?) throws {
        guard let handle else {
            try? FileManager.default.removeItem(at: backupOwnerFile)
            return
        }
        try FileManager.default.createDirectory(
            at: backupOwnerFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(
            Array((handle + "\n").utf8), to: backupOwnerFile.path, mode: 0o600, replacing: true)
    }

    /// The handle of the person at this computer: the one whose backup this computer keeps,
    /// else the agreement's person with git's `user.email`, else `user.name` as a handle.
    public func ownHandle() -> String? {
        if let owner = backupOwner { return owner }
        let me = GitIdentity.configured(in: repository)
        let people = (journal?.mentorships ?? []).flatMap { [$0.agreement.mentor, $0.agreement.mentee] }
        if let email = me.email?.lowercased(),
            let person = people.compactMap({ $0 }).first(where: { $0.email?.lowercased() == email }),
            let handle = person.handle
        {
            return handle
        }
        return me.name.flatMap(Slug.make)
    }

    /// Where the person's backup stands, for `journal status`; nil when no one has one here.
    public func backupSentence(environment: [String: String]) -> String? {
        if let owner = backupOwner, let backup = try? privateBackup(handle: owner, environment: environment),
            backup.isOn
        {
            let count = backup.status().backedUp
            return backup.isUnlocked
                ? "Private entries: \(count) backed up, encrypted to your key alone."
                : "Private entries: your backup is not open on this computer; `journal private unlock` opens it."
        }
        let handles = backupHandles
        guard !handles.isEmpty else { return nil }
        return "Private entries: encrypted backups here for \(handles.joined(separator: ", ")); "
            + "if one is yours, `journal private unlock` brings your entries to this computer."
    }

    /// The handles with a backup in this journal (those with `.journal/keys/<handle>.pub`).
    public var backupHandles: [String] {
        let folder = layout.root.appendingPathComponent(VaultFiles.keys)
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".pub") }.map { String($0.dropLast(4)) }.sorted()
    }

    /// The private entries under the journal root, relative to it: every Markdown file the
    /// privacy decision keeps on this computer.
    public func privateEntries() -> [String] {
        var found: [String] = []
        let root = layout.root
        guard
            let walker = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        for case let url as URL in walker {
            guard url.pathExtension.lowercased() == "md",
                (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                let path = RelativePath.inside(root.standardizedFileURL.path, url.standardizedFileURL.path),
                !path.hasPrefix("templates/")
            else { continue }
            if privacy(RelativePath.join(scope, path)).keepsLocal { found.append(path) }
        }
        return found.sorted()
    }

    /// Keeps the vault and the private entries in step before a commit or after a merge, when
    /// this computer keeps someone's backup; what to tell the person.
    @discardableResult
    public func refreshBackup(environment: [String: String], shared: Bool = false) throws -> (
        notes: [String], refresh: PrivateBackup.Refresh
    ) {
        guard let owner = backupOwner else { return ([], PrivateBackup.Refresh()) }
        let backup = try privateBackup(handle: owner, environment: environment)
        guard backup.isOn else { return ([], PrivateBackup.Refresh()) }
        guard backup.isUnlocked else {
            return (
                [
                    "journal: note: your private entries are not backed up here until you run `journal private unlock`"
                ],
                PrivateBackup.Refresh()
            )
        }
        let refresh: PrivateBackup.Refresh
        do {
            refresh = try backup.refresh(privateEntries: privateEntries(), shared: shared)
        } catch let problem as PrivateBackup.Problem {
            throw Failure(message: problem.description, status: .failure)
        }
        var notes = refresh.unreadable.map {
            "journal: warning: \($0); it was left as it is and nothing was overwritten"
        }
        if refresh.restored > 0 {
            notes.append(
                "journal: \(refresh.restored) private \(refresh.restored == 1 ? "entry" : "entries") brought back from your backup"
            )
        }
        for path in refresh.merged {
            let conflicted = ConflictMarkers.present(in: layout.root.appendingPathComponent(path))
            notes.append(
                "journal: your private entry \(path) was changed on two of your computers: "
                    + (conflicted
                        ? "both versions are in the file between <<<<<<< and >>>>>>> lines; keep the words you want"
                        : "the two versions were combined"))
        }
        return (notes, refresh)
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
