import Foundation
import JournalKit

/// The person's own editor, as `$VISUAL` or `$EDITOR` names it.
enum Editor {
    /// Opens `file` in the editor and waits for it; then lints the file and prints its problems.
    static func open(_ file: URL, path: String, global: GlobalOptions) throws {
        let environment = ProcessInfo.processInfo.environment
        let command = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }
            .first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        guard let command else {
            printError(
                "journal: set VISUAL or EDITOR (for example `export EDITOR=nano`) to open new entries in it.")
            return
        }
        let process = Process()
        // Through the shell, as git runs its editor: `code --wait` and quoted paths work as typed.
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command + " \"$1\"", "sh", file.path]
        do {
            try process.run()
        } catch {
            throw Failure(
                message: "cannot start the editor `\(command)`: \(error.localizedDescription). "
                    + "The entry is written; open \(path) yourself or fix VISUAL/EDITOR.",
                code: 1)
        }
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            printError(
                "journal: the editor `\(command)` exited with status \(process.terminationStatus); "
                    + "\(path) is kept as it is now.")
        }
        let journal = JournalLoader.load(root: JournalLoader.findRoot(from: file.deletingLastPathComponent()))
        let problems = lint(journal, today: global.resolvedToday).filter { $0.path == path }
        if problems.isEmpty {
            print("\(path): no problems found")
        } else {
            let result = LintResult(diagnostics: problems, files: 1)
            print(
                LintTextReporter(style: TerminalStyle(colour: global.colour)).report(result), terminator: "")
        }
    }
}
