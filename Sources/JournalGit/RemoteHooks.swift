import CGit2
import Foundation

/// The hooks of a shared repository on this computer (a folder, a shared drive), run as
/// `git receive-pack` runs them when `git push` reaches it: `pre-receive` and `update` may
/// refuse the push; `post-receive` and `post-update` are told it happened.
struct RemoteHooks {
    let folder: URL
    let gitDirectory: URL
    let environment: [String: String]

    init(repository: OpaquePointer, environment: [String: String]) {
        let gitDirectory = URL(fileURLWithPath: String(cString: git_repository_path(repository)))
        self.gitDirectory = gitDirectory
        self.environment = environment
        var folder = gitDirectory.appendingPathComponent("hooks")
        var config: OpaquePointer?
        if git_repository_config_snapshot(&config, repository) == 0, let config {
            var buffer = git_buf()
            if git_config_get_path(&buffer, config, "core.hooksPath") == 0, let text = buffer.ptr {
                let path = String(cString: text)
                if !path.isEmpty {
                    folder = URL(fileURLWithPath: path, relativeTo: gitDirectory).standardizedFileURL
                }
            }
            git_buf_dispose(&buffer)
            git_config_free(config)
        }
        self.folder = folder
    }

    /// Nil when the remote's `pre-receive` and `update` hooks accept moving `ref` from `old` to
    /// `new` (or it has none), else what they said.
    func allow(ref: String, old: String, new: String) -> String? {
        let line = "\(old) \(new) \(ref)\n"
        if let refusal = run("pre-receive", [], input: line) { return refusal }
        return run("update", [ref, old, new], input: "")
    }

    /// Tells `post-receive` and `post-update` that `ref` moved; what they say changes nothing.
    func received(ref: String, old: String, new: String) {
        _ = run("post-receive", [], input: "\(old) \(new) \(ref)\n")
        _ = run("post-update", [ref], input: "")
    }

    /// Runs one hook in the remote's folder, as git does; nil when it is absent or succeeded,
    /// else its output (or its exit status) as the reason.
    private func run(_ name: String, _ arguments: [String], input: String) -> String? {
        let hook = folder.appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: hook.path) else { return nil }
        var variables = environment.filter { !$0.key.hasPrefix("GIT_") }
        variables["GIT_DIR"] = "."
        guard
            let result = ExternalProgram.run(
                hook, arguments, input: Data(input.utf8), environment: variables, directory: gitDirectory)
        else { return "its \(name) hook could not be run" }
        guard result.status != 0 else { return nil }
        let said = (String(decoding: result.output, as: UTF8.self) + result.errors)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return said.isEmpty ? "its \(name) hook said no (exit \(result.status))" : said
    }
}
