import Foundation
import JournalGit
import JournalKit

/// Where the shared copy of a journal is: `journal sync --remote` takes a name git knows or,
/// for a journal not shared yet, the address a git host shows, which becomes its shared copy.
public enum SharedCopySetup {
    /// The remote name `journal sync` should use for `given` (nil: the usual one). An address
    /// no remote has yet is added as `origin` when the journal has none; otherwise it is bad
    /// usage, since journal never changes where a shared journal goes without being asked.
    public static func remoteName(for given: String?, in folder: URL) throws -> String? {
        guard let given, !given.isEmpty else { return nil }
        let repository: GitRepository?
        do {
            repository = try GitRepository.discover(at: folder)
        } catch let error as GitError {
            throw failure(error)
        }
        guard let repository else { return given }
        let names = repository.remoteNames()
        if names.contains(given) { return given }
        guard looksLikeAddress(given) else { return given }
        if let known = names.first(where: { repository.remoteURL($0) == given }) { return known }
        if let current = repository.remoteURL("origin") {
            throw Failure(
                message: "this journal is already shared through \(sharedCopyName(current)), not "
                    + "\(sharedCopyName(given)); journal does not move a shared journal by itself. Run "
                    + "`journal sync` to use the one it has",
                status: .usage, saysWhatToDo: true)
        }
        do {
            try repository.addRemote("origin", url: given)
        } catch let error as GitError {
            throw failure(error)
        }
        return "origin"
    }

    /// Whether `text` is an address rather than a remote's name: a URL, `user@host:path`, or a
    /// folder.
    public static func looksLikeAddress(_ text: String) -> Bool {
        text.contains("://") || text.hasPrefix("/") || text.hasPrefix(".") || text.hasPrefix("~")
            || (text.contains(":") && text.contains("@"))
    }
}
