import CGit2
import Foundation

/// Who the person at this computer is, as git configuration says.
public struct GitIdentity: Sendable, Equatable {
    /// `user.name`, when set.
    public var name: String?
    /// `user.email`, when set.
    public var email: String?

    /// Whether both parts are set, as a commit needs.
    public var isComplete: Bool { name?.isEmpty == false && email?.isEmpty == false }

    /// `user.name` and `user.email` from the configuration `repository` sees (its own, global,
    /// system), or from the global and system files when there is no repository yet.
    public static func configured(in repository: GitRepository?) -> GitIdentity {
        _ = GitLibrary.initialised
        let config: GitConfig?
        if let repository {
            config = try? repository.config()
        } else {
            var pointer: OpaquePointer?
            config = git_config_open_default(&pointer) == 0 ? pointer.map(GitConfig.init) : nil
        }
        guard let config else { return GitIdentity(name: nil, email: nil) }
        return GitIdentity(name: config.string("user.name"), email: config.string("user.email"))
    }
}

extension GitRepository {
    /// The URL of the remote `name`, or nil when there is no such remote.
    public func remoteURL(_ name: String) -> String? {
        try? lookupRemote(name).url
    }

    /// The names of the repository's remotes, as `git remote` lists them.
    public func remoteNames() -> [String] {
        var names = git_strarray()
        guard git_remote_list(&names, pointer) == 0 else { return [] }
        defer { git_strarray_dispose(&names) }
        return (0..<names.count).compactMap { names.strings[$0].map { String(cString: $0) } }
    }

    /// Adds the remote `name` at `url`, as `git remote add` does.
    public func addRemote(_ name: String, url: String) throws {
        var remote: OpaquePointer?
        try check(git_remote_create(&remote, pointer, name, url), "cannot add the remote `\(name)` at \(url)")
        if let remote { git_remote_free(remote) }
    }
}

extension GitRepository {
    /// Paths staged in git's index outside `scope`: a commit of `scope` alone would take them along.
    public func stagedPaths(outside scope: String) throws -> [String] {
        let staged: [git_status_t] = [
            GIT_STATUS_INDEX_NEW, GIT_STATUS_INDEX_MODIFIED, GIT_STATUS_INDEX_DELETED,
            GIT_STATUS_INDEX_RENAMED,
            GIT_STATUS_INDEX_TYPECHANGE,
        ]
        return try statusLines(scope: "").filter { line in
            staged.contains(where: line.has)
                && !(scope.isEmpty || line.path == scope || line.path.hasPrefix(scope + "/"))
        }.map(\.path).sorted()
    }
}

extension GitRepository {
    /// Records who the person is in this repository's own configuration (`user.name`,
    /// `user.email`), as `git config user.name` does: other repositories are not touched.
    public func setIdentity(name: String, email: String) throws {
        let config = try config()
        try config.set("user.name", name)
        try config.set("user.email", email)
    }
}
