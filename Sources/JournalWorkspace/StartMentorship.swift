import Foundation
import JournalGit
import JournalKit

/// What `journal init` is asked for, once the flags and the terminal have answered.
public struct MentorshipRequest {
    public var mentor: String
    public var mentee: String
    public var cadence: String
    /// The shared copy's address, when given.
    public var remote: String?
    /// Who commits, when git does not know yet.
    public var identity: (name: String, email: String)?

    public init(
        mentor: String, mentee: String, cadence: String, remote: String?,
        identity: (name: String, email: String)?
    ) {
        self.mentor = mentor
        self.mentee = mentee
        self.cadence = cadence
        self.remote = remote
        self.identity = identity
    }
}

/// What `journal init` did.
public struct StartedMentorship {
    public var folder: URL
    /// The files written, relative to `folder`.
    public var written: [String]
    /// Whether a repository was made for it (else the one holding it was used).
    public var madeRepository: Bool
    public var commit: GitCommitInfo?
    /// Whether entries are checked before each commit (the pre-commit hook could be installed).
    public var checksCommits: Bool
    /// The shared copy, when one is named.
    public var remote: String?
}

extension NewMentorship {
    /// The repository holding `folder` (or the nearest folder above it that exists), if any.
    public static func repository(holding folder: URL) throws -> GitRepository? {
        do {
            return try GitRepository.discover(at: nearestExisting(folder))
        } catch let error as GitError {
            throw Failure(message: error.message + ". Nothing was written.", status: .failure)
        }
    }

    /// Starts a mentorship in `folder`: everything that could stop the commit is checked before a
    /// file is written; then agreement.md, the folders' READMEs, the linters' settings and
    /// `.gitattributes`, a repository when none holds the folder, the merge driver, the first
    /// commit (private files already there are kept out) and the pre-commit check.
    public static func start(
        _ request: MentorshipRequest, in folder: URL, repository: GitRepository?, binary: String,
        started: CalendarDate
    ) throws -> StartedMentorship {
        let existing = nearestExisting(folder)
        if let remote = request.remote, let repository, let current = repository.remoteURL("origin"),
            current != remote
        {
            throw Failure(
                message:
                    "this folder is already shared through \(sharedCopyName(current)); nothing was written. "
                    + "Run journal init without --remote to use that shared copy.",
                status: .failure)
        }
        if let repository {
            let scope = repository.relativePath(of: existing).map { inner in
                let rest = folder.path.dropFirst(existing.path.count).trimmingCharacters(in: ["/"])
                return [inner, rest].filter { !$0.isEmpty }.joined(separator: "/")
            }
            let staged = (try? repository.stagedPaths(outside: scope ?? "")) ?? []
            if !staged.isEmpty {
                throw Failure(
                    message: "git's index already holds changes staged for the next commit ("
                        + staged.prefix(3).joined(separator: ", ") + (staged.count > 3 ? ", ..." : "")
                        + "), which journal would commit along with the mentorship; nothing was written. "
                        + "Commit them with `git commit`, or unstage them with `git restore --staged .`, "
                        + "then run journal init again.",
                    status: .failure)
            }
        }
        let template: EntryTemplate
        do {
            template = try EntryTemplate.load(.agreement, root: JournalLoader.findRoot(from: existing))
        } catch {
            throw Failure(
                message: "\(error). Fix the template, or delete it to use the built-in one.", status: .failure
            )
        }
        var written = try writeFiles(
            in: folder, template: template, mentor: request.mentor, mentee: request.mentee,
            cadence: request.cadence, started: started)
        // git merges entries as `journal sync` does (with the driver defined below).
        if try MergeSetup.writeAttributes(in: folder) { written.append(".gitattributes") }
        do {
            let repo = try repository ?? GitRepository.create(at: folder, branch: "main")
            if let remote = request.remote, repo.remoteURL("origin") == nil {
                try repo.addRemote("origin", url: remote)
            }
            if let identity = request.identity {
                try repo.setIdentity(name: identity.name, email: identity.email)
            }
            try repo.installMergeDriver(binary: binary)
            guard let scope = repo.relativePath(of: folder) else {
                throw Failure(message: "\(folder.path) is outside its git work tree", status: .failure)
            }
            // Files already in the folder are shared only when they are not private.
            let privacy = JournalRepository.privacyRule(
                workdir: repo.workdir, scope: scope, layout: JournalLayout(unreadFrom: folder))
            let staged = try repo.stageReporting(
                StagingRule(scope: scope, keepLocal: []) { privacy($0).keepsLocal })
            if !staged.keptLocal.isEmpty { try repo.addKeptLocal(staged.keptLocal) }
            let names = [request.mentee, request.mentor].map { Person(parsing: $0)?.name ?? "?" }
            let commit = try repo.commitIndex(message: "Start the mentorship of \(names[0]) with \(names[1])")
            // Checked before each commit, as `journal join` sets up the partner's copy.
            let hook = try? PreCommitHook.install(
                journalRoot: JournalLoader.locate(from: folder) ?? folder, binary: binary)
            return StartedMentorship(
                folder: folder, written: written, madeRepository: repository == nil, commit: commit,
                checksCommits: hook != nil, remote: request.remote ?? repo.remoteURL("origin"))
        } catch let error as GitError {
            throw Failure(
                message: error.message
                    + ". The files are written; commit them with `journal commit` once fixed.",
                status: .failure)
        }
    }
}
