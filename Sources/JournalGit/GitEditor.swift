import CGit2
import Foundation

/// The editor git would open: `GIT_EDITOR`, `core.editor` from git's configuration, `VISUAL`
/// (unless the terminal is dumb), `EDITOR`, then `editor` when the system has one, else `vi`.
public enum GitEditor {
    /// The command to run (through the shell, with the file as its argument), and where it came from.
    public static func command(environment: [String: String], directory: URL, personal: String? = nil) -> (
        command: String, source: String
    ) {
        func set(_ value: String?) -> String? {
            guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            return value
        }
        if let editor = set(environment["GIT_EDITOR"]) { return (editor, "GIT_EDITOR") }
        if let editor = set(configured(at: directory)) { return (editor, "git's core.editor") }
        if environment["TERM"] != "dumb", let editor = set(environment["VISUAL"]) {
            return (editor, "VISUAL")
        }
        if let editor = set(environment["EDITOR"]) { return (editor, "EDITOR") }
        if let editor = set(personal) { return (editor, "journal's config.yml") }
        let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        if path.contains(where: { FileManager.default.isExecutableFile(atPath: "\($0)/editor") }) {
            return ("editor", "the system's default editor")
        }
        return ("vi", "git's default editor")
    }

    /// `core.editor` as the repository at `directory` sees it (or the global configuration).
    static func configured(at directory: URL) -> String? {
        _ = GitLibrary.initialised
        if let repository = try? GitRepository.discover(at: directory) {
            return (try? repository.config())?.string("core.editor")
        }
        var pointer: OpaquePointer?
        guard git_config_open_default(&pointer) == 0, let pointer else { return nil }
        return GitConfig(pointer).string("core.editor")
    }
}
