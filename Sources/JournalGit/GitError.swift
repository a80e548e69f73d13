import CGit2

/// A failure from libgit2 or from a git operation, with a message a person can act on.
public struct GitError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong, coarsely, so that commands can choose their exit code.
    public enum Kind: String, Sendable, Equatable {
        /// The remote could not be reached (no such path, refused connection, unknown host).
        case unreachable
        /// The remote refused our credentials, or we had none to offer.
        case authentication
        /// Another process holds a git lock file (`index.lock`, a ref lock).
        case locked
        /// `user.name` or `user.email` is not configured.
        case identityMissing
        /// No remote of the requested name.
        case noRemote
        /// A local change would be overwritten; nothing was touched.
        case wouldOverwrite
        /// A revision that names no commit (`--rev` with a typo).
        case unknownRevision
        /// The shared copy's history has nothing in common with this one.
        case unrelatedHistories
        /// git's storage on this computer is damaged (a truncated or unreadable object or pack).
        case damaged
        /// Anything else.
        case other
    }

    /// The coarse kind.
    public var kind: Kind
    /// libgit2's return code, or 0 when the error is ours.
    public var code: Int32
    /// libgit2's error class (`GIT_ERROR_NET`, ...), or 0.
    public var errorClass: Int32
    /// The message, without credentials.
    public var message: String

    /// An error of our own making.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.code = 0
        self.errorClass = 0
        self.message = message
    }

    /// libgit2's description of its last failure.
    init(code: Int32, context: String) {
        self.code = code
        var detail = "libgit2 error \(code)"
        var errorClass: Int32 = 0
        // In libgit2 1.5 the last error may be NULL even after a failure.
        if let last = git_error_last(), let text = last.pointee.message {
            detail = String(cString: text)
            errorClass = last.pointee.klass
        }
        self.errorClass = errorClass
        let plain = Self.plainWords(code: code, detail: detail)
        self.message = context.isEmpty ? plain : "\(context): \(plain)"
        self.kind = code == GIT_ELOCKED.rawValue ? .locked : .other
        if Self.isDamage(errorClass: errorClass, detail: detail) {
            kind = .damaged
            message =
                "git's copy of the journal on this computer is damaged (\(detail)), as a failing disk or a "
                + "computer switched off while writing leaves it. Run "
                + "`git fsck` in this folder to see which part is damaged; the journal's files themselves "
                + "are as you left them, nothing was sent, and your partner's copy or the shared copy holds the history"
        }
    }

    /// Whether libgit2 failed because an object or pack on disk cannot be read: a damaged
    /// repository, not a network or a setting.
    static func isDamage(errorClass: Int32, detail: String) -> Bool {
        let lowered = detail.lowercased()
        let damageWords = [
            "failed to parse loose object", "corrupt", "invalid header", "inflate", "truncated",
            "failed to decompress", "packfile is truncated", "bad object", "object is corrupted",
            "invalid object", "incorrect header check", "header length mismatch", "length mismatch",
            // A damaged pack can hand back another object than the one asked for.
            "can not be successfully peeled", "does not match the type", "bad packfile", "packfile",
            "invalid delta", "delta", "checksum", "crc",
        ]
        let storage = [GIT_ERROR_ODB.rawValue, GIT_ERROR_ZLIB.rawValue, GIT_ERROR_OBJECT.rawValue]
            .map(Int32.init).contains(errorClass)
        return damageWords.contains(where: lowered.contains)
            && (storage || lowered.contains("object") || lowered.contains("pack"))
    }

    /// What libgit2's terse texts mean, in words a person can act on; other texts as they are.
    static func plainWords(code: Int32, detail: String) -> String {
        let lowered = detail.lowercased()
        if code == GIT_ELOCKED.rawValue || lowered.contains("failed to lock file") {
            // "failed to lock file '/x/.git/index.lock' for writing": name the file.
            let file = detail.split(separator: "'").dropFirst().first.map { " (\($0))" } ?? ""
            return "another git program is working in this repository right now and holds its lock file"
                + file
                + ": wait for it to finish and try again; if no git program is running, delete that file"
        }
        if code == GIT_EMODIFIED.rawValue || lowered.contains("old reference value does not match")
            || lowered.contains("current tip is not the first parent")
        {
            return
                "the branch changed while journal was working on it (another git program, or a sync at the "
                + "same moment): nothing was lost; run the command again"
        }
        if code == GIT_EOWNER.rawValue || lowered.contains("safe.directory") {
            return
                "git does not trust this folder because it belongs to another user account; if it is yours "
                + "to use, tell git so with `git config --global --add safe.directory PATH` (PATH being the "
                + "folder), then try again"
        }
        if code == GIT_ENOTFOUND.rawValue, lowered.hasPrefix("reference '"), lowered.hasSuffix("not found") {
            let name = detail.split(separator: "'").dropFirst().first.map(String.init) ?? "a branch"
            return "git has no \(name) here (a branch or remote branch that is not there yet)"
        }
        return detail
    }

    /// The message.
    public var description: String { message }
}

/// Throws libgit2's last error when `code` is negative.
@discardableResult
func check(_ code: Int32, _ context: @autoclosure () -> String) throws -> Int32 {
    guard code < 0 else { return code }
    throw GitError(code: code, context: context())
}
