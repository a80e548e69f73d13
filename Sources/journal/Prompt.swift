import Foundation
import JournalGit
import JournalKit

/// Questions asked of the person at the terminal (`journal init`, `journal join`). Never asked
/// without one: a script, a pipe or an editor gets flags and messages instead.
enum Prompt {
    /// Questions go to standard error, the terminal even when the output is sent to a file.
    private static func say(_ text: String, terminator: String = "\n") {
        var line = TerminalText.lines(text) + terminator
        _ = line.withUTF8 { writeAll(UnsafeRawBufferPointer($0), to: STDERR_FILENO) }
    }

    /// Whether a person is there to answer: standard input is a terminal, and
    /// `JOURNAL_NO_PROMPT` is not set.
    static var available: Bool {
        isatty(STDIN_FILENO) == 1 && (ProcessInfo.processInfo.environment["JOURNAL_NO_PROMPT"] ?? "").isEmpty
    }

    /// Asks `question` and returns the answer without surrounding spaces; Enter alone takes
    /// `suggested` (shown in brackets). Nil when input ended (Ctrl-D).
    static func ask(_ question: String, suggested: String? = nil) -> String? {
        let shown = suggested.map { $0.isEmpty ? "" : " [\($0)]" } ?? ""
        say("\(question)\(shown): ", terminator: "")
        fflush(nil)
        guard let line = readLine(strippingNewline: true) else {
            say("")
            return nil
        }
        let answer = line.trimmingCharacters(in: .whitespaces)
        return answer.isEmpty ? (suggested ?? "") : answer
    }

    /// Asks until `accept` takes the answer (at most three times); nil when input ended or
    /// every answer was refused. `accept` returns nil for a good answer, else what was wrong.
    static func ask(
        _ question: String, suggested: String? = nil, accept: (String) -> String?
    ) -> String? {
        for _ in 0..<3 {
            guard let answer = ask(question, suggested: suggested) else { return nil }
            guard let problem = accept(answer) else { return answer }
            say("  " + problem)
        }
        return nil
    }

    /// Asks for a secret without showing what is typed.
    static func askSecret(_ question: String) -> String? {
        // Echo is off before the question shows, so that nothing typed after it is ever shown.
        var saved = termios()
        let canHide = tcgetattr(STDIN_FILENO, &saved) == 0
        if canHide {
            var hidden = saved
            hidden.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSANOW, &hidden)
        }
        say("\(question): ", terminator: "")
        fflush(nil)
        defer {
            if canHide { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
            say("")
        }
        return readLine(strippingNewline: true)
    }

    /// The login for a shared copy no credential helper knows, asked as git asks, with the choice
    /// to keep it explained.
    static func askForLogin(address: String, username known: String?) -> LoginAnswer? {
        say("The shared copy (\(address)) asks who you are, and nothing on this computer knows yet.")
        let host = String(address.split(separator: "/").first ?? "")
        let asked =
            known ?? ask("User name at \(host)", accept: { $0.isEmpty ? "Please type your user name." : nil })
        guard let username = asked, let password = askSecret("Password or token (not shown as you type)"),
            !password.isEmpty
        else { return nil }
        say(
            "journal can remember this login with git's credential helper, so that the next sync does not "
                + "ask (without one set up, in ~/.git-credentials: readable by you alone, not encrypted).")
        let keep = ask("Remember it on this computer? (yes/no)", suggested: "yes")?.lowercased() ?? "no"
        return LoginAnswer(username: username, password: password, remember: keep.hasPrefix("y"))
    }

    /// For `sync` and `join`, one operation at a time: on a terminal, a shared copy that asks
    /// for a login nobody set up asks the person, once. (A programme's many fetches never ask.)
    static func offerLogin() {
        guard available else { return }
        GitLibrary.askForLogin = { address, username in askForLogin(address: address, username: username) }
    }
}
