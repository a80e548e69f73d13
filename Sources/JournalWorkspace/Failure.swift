import Foundation
import JournalGit
import JournalKit

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
    /// Whether the message already says what to do, so that bad usage needs no pointer to help.
    public var saysWhatToDo = false

    /// A failure.
    public init(message: String, status: ExitStatus, saysWhatToDo: Bool = false) {
        self.message = message
        self.status = status
        self.saysWhatToDo = saysWhatToDo
    }

    public var description: String { message }
}

extension Failure {
    /// Where a command that reads a journal finds none (`JournalLoader.locate`).
    public static let noJournal = Failure(
        message: "no journal here: go to your mentoring folder or use -C PATH "
            + "(start one with `journal init`, or get your partner's with `journal join URL`)",
        status: .usage, saysWhatToDo: true)

    /// The journal holding `start`; fails with `noJournal` where there is none. With
    /// `allowingRepository`, a git work tree without a journal yet is taken too (a fresh clone
    /// of a shared copy whose files the first `journal sync` brings).
    public static func requireJournal(holding start: URL, allowingRepository: Bool = false) throws -> URL {
        if let root = JournalLoader.locate(from: start) { return root }
        if allowingRepository, (try? GitRepository.discover(at: start)) != nil {
            return JournalLoader.findRoot(from: start)
        }
        throw noJournal
    }
}
