import CGit2
import Foundation

/// The libgit2 version this build links against, as `major.minor.patch`.
public enum GitLibrary {
    /// The linked libgit2 version.
    public static var version: String {
        var major: Int32 = 0
        var minor: Int32 = 0
        var revision: Int32 = 0
        git_libgit2_version(&major, &minor, &revision)
        return "\(major).\(minor).\(revision)"
    }

    /// libgit2 must be initialised once per process before any other call; a static `let`
    /// is initialised exactly once, thread-safely.
    static let initialised: Int32 = git_libgit2_init()

    /// What ends the program when a remote stops answering during a fetch or push: set once by
    /// the command line (it says why and exits with code 4); nil, nothing watches.
    nonisolated(unsafe) public static var onStall: (@Sendable (String) -> Void)?

    /// Asks the person at the terminal for a login to the address given (host and path, never a
    /// secret) when no credential helper and no JOURNAL_GIT_TOKEN gave one that worked: the user
    /// name, the password or token, and whether to remember them. Set by the command line when a
    /// terminal is there; nil, nobody is asked.
    nonisolated(unsafe) public static var askForLogin:
        (@Sendable (_ address: String, _ username: String?) -> LoginAnswer?)?
}

/// A login typed at the terminal.
public struct LoginAnswer: Sendable {
    public var username: String
    public var password: String
    /// Whether to keep it with git's credential helpers, so the next sync does not ask.
    public var remember: Bool

    public init(username: String, password: String, remember: Bool) {
        self.username = username
        self.password = password
        self.remember = remember
    }
}

/// A git work tree opened through libgit2. Not thread-safe: use it from one task.
public final class GitRepository {
    let pointer: OpaquePointer
    /// The work tree's folder (symbolic links resolved).
    public let workdir: URL

    private init(pointer: OpaquePointer, workdir: URL) {
        self.pointer = pointer
        self.workdir = workdir
    }

    deinit { git_repository_free(pointer) }

    /// The repository whose work tree holds `url`, or nil when there is none. Like git, the
    /// search does not go up into a folder named in `GIT_CEILING_DIRECTORIES`.
    public static func discover(at url: URL) throws -> GitRepository? {
        _ = GitLibrary.initialised
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        let ceilings = ProcessInfo.processInfo.environment["GIT_CEILING_DIRECTORIES"].flatMap {
            $0.isEmpty ? nil : $0
        }
        let code = git_repository_discover(&buffer, url.path, 0, ceilings)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "cannot look for a git repository at \(url.path)")
        guard let found = buffer.ptr else { return nil }
        return try open(at: URL(fileURLWithPath: String(cString: found)))
    }

    /// Opens the repository at `url` (its work tree or its `.git` folder).
    public static func open(at url: URL) throws -> GitRepository {
        _ = GitLibrary.initialised
        var repository: OpaquePointer?
        let code = git_repository_open_ext(
            &repository, url.path, UInt32(GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue), nil)
        if code < 0 {
            var error = GitError(code: code, context: "cannot open the git repository at \(url.path)")
            if code == GIT_EOWNER.rawValue || error.message.contains("safe.directory") {
                // The folder to name is the work tree's, as `git config safe.directory` wants it.
                let folder = url.lastPathComponent == ".git" ? url.deletingLastPathComponent().path : url.path
                error.message =
                    "git does not trust \(folder) because it belongs to another user account; if it is yours to "
                    + "use, tell git so with `git config --global --add safe.directory \(folder)`, then try again"
            }
            throw error
        }
        guard let repository else { throw GitError(.other, "cannot open the git repository at \(url.path)") }
        guard let path = git_repository_workdir(repository) else {
            git_repository_free(repository)
            throw GitError(.other, "\(url.path) is a bare repository: a journal needs a work tree")
        }
        let workdir = URL(fileURLWithPath: canonicalPath(String(cString: path)))
        return GitRepository(pointer: repository, workdir: workdir)
    }

    /// The bare repository at `url`, made when missing: a mirror of another repository, read
    /// without a work tree (`workdir` is then the mirror's own folder).
    public static func mirror(at url: URL) throws -> GitRepository {
        _ = GitLibrary.initialised
        var repository: OpaquePointer?
        if git_repository_open_bare(&repository, url.path) != 0 {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try check(git_repository_init(&repository, url.path, 1), "cannot make a mirror in \(url.path)")
        }
        guard let repository else { throw GitError(.other, "cannot open the mirror at \(url.path)") }
        return GitRepository(pointer: repository, workdir: url)
    }

    /// Creates a repository in `url` whose first branch is `branch`.
    public static func create(at url: URL, branch: String = "main") throws -> GitRepository {
        _ = GitLibrary.initialised
        var options = git_repository_init_options()
        try check(
            git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)),
            "cannot prepare a repository")
        options.flags = UInt32(GIT_REPOSITORY_INIT_MKPATH.rawValue)
        var repository: OpaquePointer?
        let head = strdup("refs/heads/" + branch)
        defer { free(head) }
        options.initial_head = UnsafePointer(head)
        try check(
            git_repository_init_ext(&repository, url.path, &options),
            "cannot create a repository in \(url.path)")
        if let repository { git_repository_free(repository) }
        return try open(at: url)
    }

    /// `path` relative to the work tree, `/`-separated (`""` for the work tree itself), or nil
    /// when it lies outside.
    public func relativePath(of url: URL) -> String? {
        let path = canonicalPath(url.path)
        let base = workdir.path
        if path == base { return "" }
        let prefix = base.hasSuffix("/") ? base : base + "/"
        guard path.hasPrefix(prefix) else { return nil }
        return String(path.dropFirst(prefix.count))
    }

    /// Whether `relativePath` (relative to the work tree) is in git's index, that is, tracked.
    public func isTracked(_ relativePath: String) -> Bool {
        guard let index = try? index() else { return false }
        for stage: Int32 in 0...3 where git_index_get_bypath(index.pointer, relativePath, stage) != nil {
            return true
        }
        return false
    }

    /// Whether git ignores `relativePath` (relative to the work tree) and it is not tracked:
    /// `git add -A` would leave it out. Unknown answers count as not ignored.
    public func isIgnoredAndUntracked(_ relativePath: String) -> Bool {
        var ignored: Int32 = 0
        guard git_ignore_path_is_ignored(&ignored, pointer, relativePath) == 0 else { return false }
        return ignored == 1 && !isTracked(relativePath)
    }

    /// Whether a merge is in progress (the last sync stopped on conflicts).
    /// Whether this is a shallow clone (`--depth`): the older commits were not fetched.
    public var isShallow: Bool { git_repository_is_shallow(pointer) == 1 }

    public var isMerging: Bool {
        git_repository_state(pointer) == Int32(GIT_REPOSITORY_STATE_MERGE.rawValue)
    }

    /// Fails, saying what to do, when git is in the middle of something other than journal's
    /// own merge (a rebase, cherry-pick, revert, bisect or `git am` stopped on a conflict), or
    /// when HEAD is on no branch: a commit then would hold half-applied changes or belong to no
    /// branch, and would not be shared.
    public func ensureReadyToCommit() throws {
        let state = git_repository_state(pointer)
        let what: String?
        switch UInt32(bitPattern: state) {
        case GIT_REPOSITORY_STATE_NONE.rawValue, GIT_REPOSITORY_STATE_MERGE.rawValue: what = nil
        case GIT_REPOSITORY_STATE_REBASE.rawValue, GIT_REPOSITORY_STATE_REBASE_INTERACTIVE.rawValue,
            GIT_REPOSITORY_STATE_REBASE_MERGE.rawValue, GIT_REPOSITORY_STATE_APPLY_MAILBOX_OR_REBASE.rawValue:
            what = "a rebase (`git rebase --continue` once the files are fixed, or `git rebase --abort`)"
        case GIT_REPOSITORY_STATE_CHERRYPICK.rawValue, GIT_REPOSITORY_STATE_CHERRYPICK_SEQUENCE.rawValue:
            what = "a cherry-pick (`git cherry-pick --continue`, or `git cherry-pick --abort`)"
        case GIT_REPOSITORY_STATE_REVERT.rawValue, GIT_REPOSITORY_STATE_REVERT_SEQUENCE.rawValue:
            what = "a revert (`git revert --continue`, or `git revert --abort`)"
        case GIT_REPOSITORY_STATE_BISECT.rawValue: what = "a bisect (`git bisect reset` when you are done)"
        case GIT_REPOSITORY_STATE_APPLY_MAILBOX.rawValue:
            what = "`git am` (`git am --continue`, or `git am --abort`)"
        default: what = "another git operation"
        }
        if let what {
            throw GitError(
                .other,
                "git is in the middle of \(what); journal commits nothing until it is finished, so that "
                    + "no half-done change is shared. Your files are as they were.")
        }
        if git_repository_head_detached(pointer) == 1 {
            throw GitError(
                .other,
                "this folder shows an earlier version of the journal, not the current one (git is not on a "
                    + "branch), so a change saved here would not be shared. `git switch main` brings back the "
                    + "current version; then run journal again. Your files are as they were.")
        }
    }

    // MARK: - Internals shared by the operations

    func index() throws -> GitIndex {
        var index: OpaquePointer?
        try check(git_repository_index(&index, pointer), "cannot read git's index")
        guard let index else { throw GitError(.other, "cannot read git's index") }
        // The repository caches its index; another process may have changed the file since.
        try check(git_index_read(index, 0), "cannot read git's index")
        return GitIndex(index)
    }

    func config() throws -> GitConfig {
        var config: OpaquePointer?
        try check(git_repository_config(&config, pointer), "cannot read git configuration")
        guard let config else { throw GitError(.other, "cannot read git configuration") }
        return GitConfig(config)
    }

    func reference(_ name: String) throws -> GitReference? {
        var reference: OpaquePointer?
        let code = git_reference_lookup(&reference, pointer, name)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "cannot read \(name)")
        return reference.map(GitReference.init)
    }

    func commit(_ id: git_oid) throws -> GitCommit {
        var id = id
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, pointer, &id), "cannot read commit \(id.hex)")
        guard let commit else { throw GitError(.other, "missing commit \(id.hex)") }
        return GitCommit(commit)
    }

    /// The branch HEAD names (`refs/heads/main`), also before its first commit.
    func headBranch() throws -> String {
        guard let head = try reference("HEAD") else { throw GitError(.other, "the repository has no HEAD") }
        guard git_reference_type(head.pointer) == GIT_REFERENCE_SYMBOLIC,
            let target = git_reference_symbolic_target(head.pointer)
        else {
            throw GitError(
                .other,
                "this folder shows an earlier version of the journal, not the current one (git is not on a "
                    + "branch): `git switch main` brings back the current version")
        }
        return String(cString: target)
    }

    /// The last saved change: HEAD's commit id and the first line of its message, or nil
    /// before the first commit.
    public func lastCommit() -> GitCommitInfo? {
        guard let commit = try? headCommit() else { return nil }
        let summary = git_commit_summary(commit.pointer).map { String(cString: $0) } ?? ""
        return GitCommitInfo(id: commit.id.hex, summary: summary, parents: commit.parentCount, changes: [])
    }

    /// The commit HEAD points to, or nil before the first commit.
    func headCommit() throws -> GitCommit? {
        var object: OpaquePointer?
        let code = git_revparse_single(&object, pointer, "HEAD^{commit}")
        if code == GIT_ENOTFOUND.rawValue || code == GIT_EUNBORNBRANCH.rawValue { return nil }
        try check(code, "cannot read HEAD")
        return object.map(GitCommit.init)
    }

    /// Who commits, as git decides it: `GIT_COMMITTER_NAME`/`GIT_COMMITTER_EMAIL`, else
    /// `committer.name`/`committer.email`, else `user.name`/`user.email`, else `EMAIL`; the date
    /// from `GIT_COMMITTER_DATE` when set.
    func signature() throws -> GitSignature { try signature(role: "committer") }

    /// Who wrote the change: as `signature()`, with `GIT_AUTHOR_*` and `author.*`.
    func authorSignature() throws -> GitSignature { try signature(role: "author") }

    private func signature(role: String) throws -> GitSignature {
        let environment = ProcessInfo.processInfo.environment
        let config = try? self.config()
        func variable(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let upper = role.uppercased()
        let name =
            variable("GIT_\(upper)_NAME") ?? config?.string("\(role).name") ?? config?.string("user.name")
        let email =
            variable("GIT_\(upper)_EMAIL") ?? config?.string("\(role).email") ?? config?.string("user.email")
            ?? variable("EMAIL")
        guard let name, !name.isEmpty, let email, !email.isEmpty else {
            throw GitError(
                .identityMissing,
                "git does not know who you are: set user.name and user.email, for example "
                    + "`git config --global user.name \"Ada Lovelace\"` and "
                    + "`git config --global user.email ada@example.org`")
        }
        var signature: UnsafeMutablePointer<git_signature>?
        if let date = variable("GIT_\(upper)_DATE"), let (time, offset) = Self.gitDate(date) {
            try check(
                git_signature_new(&signature, name, email, time, offset), "cannot use GIT_\(upper)_DATE")
        } else {
            try check(git_signature_now(&signature, name, email), "cannot use \(role) \(name) <\(email)>")
        }
        guard let signature else { throw GitError(.identityMissing, "cannot read user.name and user.email") }
        return GitSignature(signature)
    }

    /// A date as git's `GIT_*_DATE` takes it: `@SECONDS ±HHMM`, `SECONDS ±HHMM`, or ISO 8601
    /// (`2026-11-20T10:00:00+01:00`); (seconds since 1970, offset in minutes).
    static func gitDate(_ text: String) -> (Int64, Int32)? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: " ")
        if parts.count == 2, let seconds = Int64(parts[0].hasPrefix("@") ? parts[0].dropFirst() : parts[0]) {
            let zone = parts[1]
            guard zone.count == 5, let sign = zone.first, sign == "+" || sign == "-",
                let value = Int32(zone.dropFirst())
            else { return nil }
            let minutes = (value / 100) * 60 + value % 100
            return (seconds, sign == "-" ? -minutes : minutes)
        }
        let formatter = ISO8601DateFormatter()
        guard let date = formatter.date(from: text) else { return nil }
        var offset: Int32 = 0
        if let sign = text.dropFirst(19).first(where: { $0 == "+" || $0 == "-" }),
            let index = text.lastIndex(of: sign)
        {
            let zone = text[text.index(after: index)...].replacingOccurrences(of: ":", with: "")
            if let value = Int32(zone), zone.count == 4 {
                offset = (value / 100) * 60 + value % 100
                if sign == "-" { offset = -offset }
            }
        }
        return (Int64(date.timeIntervalSince1970), offset)
    }

    /// The folder of the repository's own files (`.git`), shared by all work trees.
    public var commonDirectory: URL {
        URL(fileURLWithPath: String(cString: git_repository_commondir(pointer)))
    }

    /// The folder whose hooks git runs, as `git rev-parse --git-path hooks` names it:
    /// `core.hooksPath` when set (`~` expanded; a relative path is taken from the top of the
    /// work tree, where git runs hooks), else `hooks` in the folder every work tree shares.
    public func hooksDirectory() throws -> URL {
        let config = try self.config()
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        if git_config_get_path(&buffer, config.pointer, "core.hooksPath") == 0, let text = buffer.ptr {
            let path = String(cString: text)
            if !path.isEmpty {
                if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardizedFileURL }
                let base = git_repository_is_bare(pointer) != 0 ? commonDirectory : workdir
                return URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL
            }
        }
        return commonDirectory.appendingPathComponent("hooks")
    }
}

/// `path` with symbolic links resolved and no trailing slash, so that paths compare.
func canonicalPath(_ path: String) -> String {
    var resolved = path
    if let real = realpath(path, nil) {
        resolved = String(cString: real)
        free(real)
    }
    while resolved.count > 1 && resolved.hasSuffix("/") { resolved.removeLast() }
    return resolved
}
