import CGit2
import Foundation

/// Signed commits, as git makes them when `commit.gpgsign` is set: the commit's text is signed
/// by the program `gpg.format` names (`openpgp`: `gpg.program`, else gpg; `ssh`:
/// `gpg.ssh.program`, else ssh-keygen; `x509`: `gpg.x509.program`, else gpgsm) with
/// `user.signingkey`, and the signature goes in the commit's `gpgsig` header.
struct CommitSigning {
    let format: String
    let program: String
    let key: String?
    let environment: [String: String]

    /// The signing git's configuration asks for, or nil when commits are not to be signed.
    init?(config: GitConfig, environment: [String: String]) {
        guard let sign = config.string("commit.gpgsign")?.lowercased(),
            ["true", "yes", "on", "1"].contains(sign)
        else { return nil }
        format = config.string("gpg.format")?.lowercased() ?? "openpgp"
        switch format {
        case "ssh": program = config.string("gpg.ssh.program") ?? "ssh-keygen"
        case "x509": program = config.string("gpg.x509.program") ?? "gpgsm"
        default: program = config.string("gpg.\(format).program") ?? config.string("gpg.program") ?? "gpg"
        }
        key = config.string("user.signingkey")
        self.environment = environment
    }

    /// The signature of `content` (a commit's text), or a failure saying why there is none.
    func sign(_ content: String, committer: String) throws -> String {
        switch format {
        case "ssh": return try signWithSSH(content)
        default:
            // gpg and gpgsm read the text on standard input and write an armored signature.
            let user = key ?? committer
            let (status, output, errors) = try run(
                program, ["--status-fd=2", "-bsau", user], input: Data(content.utf8))
            guard status == 0, errors.contains("SIG_CREATED") else {
                throw failure(errors)
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    private func signWithSSH(_ content: String) throws -> String {
        guard var key, !key.isEmpty else {
            throw GitError(
                .other,
                "commit.gpgsign is set with gpg.format ssh but user.signingkey names no key; set it to your key "
                    + "file (`git config user.signingkey ~/.ssh/id_ed25519.pub`), or turn signing off")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "journal-sign-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var extra: [String] = []
        if key.hasPrefix("key::") || key.hasPrefix("ssh-") {
            // A key given literally: its private half is in the agent.
            let file = folder.appendingPathComponent("key.pub")
            try Data(key.replacingOccurrences(of: "key::", with: "").utf8).write(to: file)
            key = file.path
            extra = ["-U"]
        } else if key.hasPrefix("~/"), let home = environment["HOME"] {
            key = home + "/" + key.dropFirst(2)
        }
        let buffer = folder.appendingPathComponent("commit")
        try Data(content.utf8).write(to: buffer)
        let (status, _, errors) = try run(
            program, ["-Y", "sign", "-n", "git", "-f", key] + extra + [buffer.path], input: Data())
        guard status == 0,
            let signature = try? String(contentsOf: buffer.appendingPathExtension("sig"), encoding: .utf8)
        else { throw failure(errors) }
        return signature
    }

    private func failure(_ said: String) -> GitError {
        let reason = said.split(separator: "\n").filter { !$0.hasPrefix("[GNUPG:]") }.first.map(String.init)
        return GitError(
            .other,
            "commit.gpgsign is set, but the commit could not be signed with \(program)"
                + (reason.map { " (\($0))" } ?? "")
                + ": nothing was committed. Check that `git commit` can sign "
                + "here (the key in user.signingkey, its agent or passphrase), or turn signing off for this "
                + "repository with `git config commit.gpgsign false`")
    }

    private func run(_ program: String, _ arguments: [String], input: Data) throws -> (Int32, Data, String) {
        guard
            let result = ExternalProgram.run(
                URL(fileURLWithPath: "/usr/bin/env"), [program] + arguments, input: input,
                environment: environment)
        else { throw GitError(.other, "cannot run \(program) to sign the commit") }
        return (result.status, result.output, result.errors)
    }
}
