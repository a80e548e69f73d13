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
            if error.message.contains("owner") {
                // libgit2's ownership message does not say what to do.
                error.message +=
                    " (the folder belongs to another user; git's safe.directory setting decides whether to trust it)"
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
    public var isMerging: Bool {
        git_repository_state(pointer) == Int32(GIT_REPOSITORY_STATE_MERGE.rawValue)
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
                .other, "HEAD is not on a branch (a detached HEAD): check out a branch with `git switch main`"
            )
        }
        return String(cString: target)
    }

    /// The commit HEAD points to, or nil before the first commit.
    func headCommit() throws -> GitCommit? {
        var object: OpaquePointer?
        let code = git_revparse_single(&object, pointer, "HEAD^{commit}")
        if code == GIT_ENOTFOUND.rawValue || code == GIT_EUNBORNBRANCH.rawValue { return nil }
        try check(code, "cannot read HEAD")
        return object.map(GitCommit.init)
    }

    /// Who commits: `user.name` and `user.email` from git configuration.
    func signature() throws -> GitSignature {
        var signature: UnsafeMutablePointer<git_signature>?
        let code = git_signature_default(&signature, pointer)
        if code == GIT_ENOTFOUND.rawValue || signature == nil {
            throw GitError(
                .identityMissing,
                "git does not know who you are: set user.name and user.email, for example "
                    + "`git config --global user.name \"Ada Lovelace\"` and "
                    + "`git config --global user.email ada@example.org`")
        }
        try check(code, "cannot read user.name and user.email")
        guard let signature else { throw GitError(.identityMissing, "cannot read user.name and user.email") }
        return GitSignature(signature)
    }

    /// The folder of the repository's own files (`.git`), shared by all work trees.
    var commonDirectory: URL {
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
