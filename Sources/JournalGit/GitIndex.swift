import CGit2
import Foundation

/// Read-only questions about a repository's index, for the linter.
public enum GitIndex {
    private static let initialised: Int32 = git_libgit2_init()

    /// The tracked paths under `root`, relative to it; nil when `root` is not in a work tree.
    public static func trackedPaths(under root: URL) -> Set<String>? {
        guard initialised >= 0 else { return nil }
        var repository: OpaquePointer?
        guard git_repository_open_ext(&repository, root.path, 0, nil) == 0, let repository else { return nil }
        defer { git_repository_free(repository) }
        guard let workdirPointer = git_repository_workdir(repository) else { return nil }
        let workdir = resolved(String(cString: workdirPointer))
        let journalRoot = resolved(root.path)
        guard journalRoot == workdir || journalRoot.hasPrefix(workdir + "/") else { return nil }
        let prefix = journalRoot == workdir ? "" : String(journalRoot.dropFirst(workdir.count + 1)) + "/"
        var index: OpaquePointer?
        guard git_repository_index(&index, repository) == 0, let index else { return nil }
        defer { git_index_free(index) }
        var paths: Set<String> = []
        for position in 0..<git_index_entrycount(index) {
            guard let entry = git_index_get_byindex(index, position), let raw = entry.pointee.path else {
                continue
            }
            let path = String(cString: raw)
            if path.hasPrefix(prefix) { paths.insert(String(path.dropFirst(prefix.count))) }
        }
        return paths
    }

    private static func resolved(_ path: String) -> String {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        guard let real = realpath(trimmed, nil) else { return trimmed }
        defer { free(real) }
        return String(cString: real)
    }
}
