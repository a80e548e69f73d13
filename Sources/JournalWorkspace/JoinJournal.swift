import Foundation
import JournalGit
import JournalKit

/// `journal join`: the partner's copy of the shared journal, set up as `journal init` sets one
/// up (entries merged by journal, entries checked before each commit).
public enum JoinJournal {
    /// What joining brought.
    public struct Joined {
        public var folder: URL
        public var repository: GitRepository
        /// How many saved changes came, and from whom.
        public var changes: Int
        public var authors: [String]
        /// The pre-commit check, when it could be installed.
        public var hook: URL?
    }

    /// The folder `journal join URL` makes when none is named: the last part of the URL
    /// without `.git` (`https://host/ada/mentoring.git` → `mentoring`).
    public static func defaultFolder(for url: String) -> String {
        var text = url
        while text.hasSuffix("/") { text.removeLast() }
        if text.hasSuffix(".git") { text.removeLast(4) }
        let last = text.split(whereSeparator: { $0 == "/" || $0 == ":" }).last.map(String.init) ?? ""
        return last.isEmpty || last == "." || last == ".." ? "journal" : last
    }

    /// The note a join keeps in the copy's `.git` while it runs (its process number): a copy
    /// that still has it after that process is gone was cut short (Ctrl-C, a closed laptop).
    static func joiningNote(in folder: URL) -> URL {
        folder.appendingPathComponent(".git/journal-joining")
    }

    /// Whether `folder` holds only what a join that was cut short made.
    public static func isInterruptedJoin(_ folder: URL) -> Bool {
        guard let text = try? String(contentsOf: joiningNote(in: folder), encoding: .utf8) else {
            return false
        }
        // A note journal did not write is not taken as leave to empty the folder.
        guard let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0 else {
            return false
        }
        return !GitRepository.isJournal(pid)
    }

    /// Refuses a folder that already holds something: joining never writes over a file. What a
    /// join cut short left is not in the way: the next join starts over.
    public static func refuseOccupied(_ folder: URL) throws {
        if isInterruptedJoin(folder) { return }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else { return }
        let contents =
            isFolder.boolValue ? (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) : nil
        if contents?.isEmpty != true {
            throw Failure(
                message: "\(folder.path) already exists and is not empty; nothing was written. "
                    + "Name a new folder: journal join URL FOLDER",
                status: .usage, saysWhatToDo: true)
        }
    }

    /// Copies the shared journal at `url` into `folder` (which must be missing or empty)
    /// through journal's own transport, and sets it up. Nothing is left behind on failure.
    public static func join(
        url: String, into folder: URL, environment: [String: String], binary: String
    ) throws -> Joined {
        try refuseOccupied(folder)
        if isInterruptedJoin(folder) {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        }
        let existed = FileManager.default.fileExists(atPath: folder.path)
        var done = false
        defer {
            // A failed join leaves nothing half-made for the next try to stumble on.
            if !done {
                if existed {
                    for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
                        try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
                    }
                } else {
                    try? FileManager.default.removeItem(at: folder)
                }
            }
        }
        let repository: GitRepository
        let brought: (commits: Int, authors: [String])?
        do {
            repository = try GitRepository.create(at: folder, branch: "main")
            try AtomicFile.write(
                Array("\(getpid())\n".utf8), to: joiningNote(in: folder).path, mode: 0o644, replacing: true)
            try repository.addRemote("origin", url: url)
            brought = try repository.startFromRemote(
                remote: "origin", environment: environment,
                useGitCommand: environment["JOURNAL_GIT_TRANSPORT"] == "git")
        } catch let error as GitError {
            throw failure(error)
        }
        guard let brought else {
            throw Failure(
                message: "the shared copy at \(redact(url)) is empty: your partner has not sent the journal "
                    + "yet. Ask them to run `journal sync` (after `journal init --remote \(redact(url))`), then "
                    + "run journal join again. Nothing was written here.",
                status: .failure)
        }
        do {
            try repository.installMergeDriver(binary: binary)
        } catch let error as GitError {
            throw failure(error)
        }
        let root = JournalLoader.locate(from: folder) ?? folder
        let hook = try? PreCommitHook.install(journalRoot: root, binary: binary)
        unlink(joiningNote(in: folder).path)
        done = true
        return Joined(
            folder: folder, repository: repository, changes: brought.commits, authors: brought.authors,
            hook: hook)
    }
}
