import Foundation

/// Questions asked of the person at the terminal (`journal init`, `journal join`). Never asked
/// without one: a script, a pipe or an editor gets flags and messages instead.
enum Prompt {
    /// Whether a person is there to answer: standard input is a terminal, and
    /// `JOURNAL_NO_PROMPT` is not set.
    static var available: Bool {
        isatty(STDIN_FILENO) == 1 && (ProcessInfo.processInfo.environment["JOURNAL_NO_PROMPT"] ?? "").isEmpty
    }

    /// Asks `question` and returns the answer without surrounding spaces; Enter alone takes
    /// `suggested` (shown in brackets). Nil when input ended (Ctrl-D).
    static func ask(_ question: String, suggested: String? = nil) -> String? {
        let shown = suggested.map { $0.isEmpty ? "" : " [\($0)]" } ?? ""
        print("\(question)\(shown): ", terminator: "")
        fflush(nil)
        guard let line = readLine(strippingNewline: true) else {
            print("")
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
            print("  " + problem)
        }
        return nil
    }
}
