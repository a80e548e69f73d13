import Foundation
import JournalGit
import JournalKit

/// The git side of a journal: the repository holding it, the privacy rule every command that
/// stages asks, the staging plan and `.git/info/exclude`. `OpenedJournal.repository()` gives it
/// for a journal already read; `journal commit` and `journal sync` open it without reading any
/// entry (only the files git says changed are read), to stay close to git's own speed.
public struct JournalRepository {
    public let workingDirectory: URL
    /// The parsed journal, when the command asked for it (status shows the lint state).
    public let journal: Journal?
    public let layout: JournalLayout
    public let repository: GitRepository
    /// The journal root relative to the work tree (`""` when they are the same folder).
    public let scope: String
    /// Private entries, relative to the work tree.
    public let privatePaths: Set<String>

    /// Finds the journal and its repository; parses every entry only when `parse` is true.
    public init(workingDirectory: URL, cache: ParseCache.Location?, parse: Bool = false) throws {
        try self.init(
            workingDirectory: workingDirectory,
            journal: parse ? readJournal(holding: workingDirectory, cache: cache) : nil)
    }

    /// The repository of a journal already read (`journal`), or of the journal holding
    /// `workingDirectory` when it was not read.
    init(workingDirectory: URL, journal: Journal?) throws {
        self.workingDirectory = workingDirectory
        self.journal = journal
        layout = journal.map(JournalLayout.init(journal:)) ?? JournalLayout(unreadFrom: workingDirectory)
        let root = layout.root
        let found: GitRepository?
        do {
            found = try GitRepository.discover(at: root)
        } catch let error as GitError {
            throw Failure(message: error.message, status: .failure)
        }
        guard let repository = found else {
            throw Failure(
                message: "\(root.path) is not in a git repository: `journal init` creates one "
                    + "(or `git init`, or `git clone` the shared journal)",
                status: .failure)
        }
        guard let scope = repository.relativePath(of: root) else {
            throw Failure(
                message: "the journal at \(root.path) is outside its git work tree", status: .failure)
        }
        self.repository = repository
        self.scope = scope
        let privacy = Self.privacyRule(workdir: repository.workdir, scope: scope, layout: layout)
        self.privacy = privacy
        if layout.known {
            privatePaths = Set(layout.privatePaths.map { RelativePath.join(scope, $0) })
        } else {
            // Those already kept local that are still private; new ones are found while staging.
            privatePaths = Set(
                repository.keptLocalPaths().filter { path in
                    let inScope = scope.isEmpty || path.hasPrefix(scope + "/")
                    return !inScope || privacy(path).keepsLocal
                })
        }
    }

    /// Whether a file of the work tree stays on this computer: the parsed entry's privacy when
    /// the journal was read, else the file's front matter read by `Privacy`; an editor's copy of
    /// an entry is as private as the entry. Every command that stages or shows changes asks this.
    public let privacy: @Sendable (String) -> Privacy

    public static func privacyRule(workdir: URL, scope: String, layout: JournalLayout)
        -> @Sendable (String) -> Privacy
    {
        let known = layout.privacy
        let workdirPath = workdir.path
        @Sendable func decide(_ path: String) -> Privacy {
            let inJournal = RelativePath.inside(scope, path)
            if let inJournal, let privacy = known[inJournal] { return privacy }
            if let original = Privacy.entryCopied(by: path), decide(original).keepsLocal {
                return .unclear("it is an editor's copy of the private entry \(original)")
            }
            // Every file, whatever its name (`.MD`, `.markdown`, `.txt`, none): what it says of
            // itself decides, read as an entry's front matter is read.
            return Privacy.ofFile(at: workdirPath + "/" + path)
        }
        return decide
    }

    /// Adds the paths a staging kept local to `.git/info/exclude`, and returns the warnings about
    /// those git tracks. Fails when the file cannot be written: a plain `git add -A` would then
    /// share them.
    public func recordKeptLocal(_ kept: [String], tracked: [String]) throws -> [String] {
        let untracked = kept.filter { !tracked.contains($0) }
        if !untracked.isEmpty {
            do {
                try repository.keepLocal(Array(privatePaths.union(untracked)))
            } catch let error as GitError {
                throw Failure(message: error.message, status: .failure)
            }
        }
        return trackedPrivateWarnings(tracked.compactMap(journalPath))
    }

    /// The rule for staging: the journal's folder, private entries never.
    public var rule: StagingRule {
        let privacy = self.privacy
        return StagingRule(scope: scope, keepLocal: privatePaths) { privacy($0).keepsLocal }
    }

    /// A work-tree path relative to the journal root, or nil when outside it.
    public func journalPath(_ repositoryPath: String) -> String? {
        RelativePath.inside(scope, repositoryPath).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Lists private entries in `.git/info/exclude` and returns those git tracks anyway
    /// (relative to the journal root), which are left for the person to decide about.
    public func keepPrivateEntriesLocal() throws -> [String] {
        do {
            try repository.keepLocal(Array(privatePaths))
        } catch let error as GitError {
            throw Failure(message: error.message, status: .failure)
        }
        return privatePaths.filter { repository.isTracked($0) }.compactMap(journalPath).sorted()
    }

    /// Undoes what a sync cut short left (`GitRepository.recoverInterruptedSync`) before the
    /// files are read or recorded; the note to show the person, when there was one.
    public func recoverInterruptedSync() throws -> String? {
        do {
            return try repository.recoverInterruptedSync().map { "journal: note: " + $0.summary }
        } catch let error as GitError {
            throw failure(error)
        }
    }

    /// The warnings about private entries that git tracks, for standard error.
    public func trackedPrivateWarnings(_ tracked: [String]) -> [String] {
        tracked.map { path in
            "journal: warning: \(path) is private now, but an earlier version of it is shared; journal "
                + "commits none of its private changes, so your partner keeps seeing that earlier version. "
                + "To stop sharing it from the next sync on (the file stays here): git rm --cached \(shellQuoted(path))"
        }
    }

    /// How a person names a file of the journal: "reflection 2026-11-22", "goal speaking".
    public func describe(_ repositoryPath: String) -> String {
        guard let path = journalPath(repositoryPath) else { return "file \(repositoryPath)" }
        return EntryWording.describe(path, in: layout)
    }
}

/// Plain words for the files of a journal and for what happened to them.
public enum EntryWording {
    /// "reflection 2026-11-22", "goal speaking", "agreement", with the mentorship's id in
    /// front when the journal has more than one.
    public static func describe(_ path: String, in journal: JournalLayout) -> String {
        if path == ".journal.yml" { return "journal settings" }
        if path.hasPrefix("templates/") { return "template " + String(path.dropFirst("templates/".count)) }
        let mentorship = self.mentorship(of: path, in: journal)
        let inner = mentorship.flatMap { RelativePath.inside($0.path, path) } ?? path
        let several = journal.known ? journal.mentorships.count > 1 : mentorship?.path != "."
        let prefix = several ? mentorship.map { "\($0.id): " } ?? "" : ""
        let parts = inner.split(separator: "/").map(String.init)
        if parts == ["agreement.md"] { return prefix + "agreement" }
        // A folder's README explains the folder; the reader never takes it for an entry, nor does this.
        if parts.count == 2, let kind = EntryKind(folder: parts[0]), parts[1].hasSuffix(".md"),
            parts[1].lowercased() != "readme.md"
        {
            return prefix + "\(kind.rawValue) \(parts[1].dropLast(3))"
        }
        return "file \(path)"
    }

    /// The mentorship whose folder holds `path` (the deepest one); when the journal was not
    /// read, the nearest folder up holding `agreement.md`.
    public static func mentorship(of path: String, in journal: JournalLayout) -> JournalLayout.Folder? {
        if journal.known {
            return journal.mentorships.filter { m in
                m.path == "." || path.hasPrefix(m.path + "/")
            }.max { $0.path.count < $1.path.count }
        }
        var parts = path.split(separator: "/").dropLast().map(String.init)
        while true {
            let folder = parts.isEmpty ? "." : parts.joined(separator: "/")
            let agreement = journal.root.appendingPathComponent(folder).appendingPathComponent("agreement.md")
            if FileManager.default.fileExists(atPath: agreement.path) {
                return JournalLayout.Folder(
                    id: folder == "." ? journal.root.lastPathComponent : parts.last ?? folder, path: folder)
            }
            if parts.isEmpty { return nil }
            parts.removeLast()
        }
    }

    /// The kind of entry at `path`, when it is one.
    public static func kind(of path: String, in journal: JournalLayout) -> EntryKind? {
        let inner = mentorship(of: path, in: journal).flatMap { RelativePath.inside($0.path, path) } ?? path
        if inner == "agreement.md" { return .agreement }
        let parts = inner.split(separator: "/")
        guard parts.count == 2 else { return nil }
        return EntryKind(folder: String(parts[0]))
    }

    public static func verb(_ kind: GitChange.Kind) -> String {
        switch kind {
        case .added: "add"
        case .modified: "update"
        case .deleted: "delete"
        }
    }

    /// A commit message naming what changed: "Add reflection 2026-11-22; update goal speaking".
    public static func message(for changes: [GitChange], describe: (String) -> String) -> String {
        let parts = changes.map { "\(verb($0.kind)) \(describe($0.path))" }
        let shown = 4
        var line = parts.prefix(shown).joined(separator: "; ")
        if parts.count > shown { line += "; and \(parts.count - shown) more" }
        line = line.prefix(1).uppercased() + line.dropFirst()
        guard parts.count > shown else { return line }
        return line + "\n\n" + parts.map { "- " + $0 }.joined(separator: "\n") + "\n"
    }
}

/// `text` quoted for a POSIX shell when it needs to be.
public func shellQuoted(_ text: String) -> String {
    let safe = text.allSatisfy { $0.isLetter || $0.isNumber || "-_./@".contains($0) }
    return safe ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// The exit code cli.md gives a git failure: 4 when the remote is unreachable or refused us.
public func failure(_ error: GitError) -> Failure {
    switch error.kind {
    case .unreachable, .authentication: Failure(message: error.message, status: .unreachable)
    default: Failure(message: error.message, status: .failure)
    }
}

extension EntryWording {
    public static func pastTense(_ kind: GitChange.Kind) -> String {
        switch kind {
        case .added: "added"
        case .modified: "changed"
        case .deleted: "deleted"
        }
    }
}
