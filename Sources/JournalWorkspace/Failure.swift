/// The exit statuses `journal` documents (cli.md), one case each.
public enum ExitStatus: Int32, Sendable {
    /// It worked.
    case success = 0
    /// It failed, or lint found errors.
    case failure = 1
    /// Bad usage: an unknown option, an impossible date, a mentorship or revision that does not exist.
    case usage = 2
    /// Conflicts to resolve after `journal sync`.
    case conflicts = 3
    /// The shared repository is unreachable or refused the credentials.
    case unreachable = 4
}

/// Why a command stopped: a message a person can act on, and the documented exit status.
public struct Failure: Error, CustomStringConvertible, Sendable {
    /// What happened and what to do, in plain words.
    public var message: String
    /// How the program exits.
    public var status: ExitStatus

    /// A failure.
    public init(message: String, status: ExitStatus) {
        self.message = message
        self.status = status
    }

    public var description: String { message }
}
