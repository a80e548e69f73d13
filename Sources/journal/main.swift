import ArgumentParser
import Foundation
import JournalGit
import JournalKit
import JournalWorkspace

/// The `journal` command: a mentoring journal in plain text, shared through git.
struct JournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "A plain-text, git-friendly mentoring journal.",
        discussion:
            "Global options (-C, --today, --color, --no-color, --no-cache) may come before or after the subcommand.",
        version: ReleaseVersion.current,
        subcommands: [
            InitCommand.self, NewCommand.self, ReportCommand.self, LintCommand.self, StatusCommand.self,
            CommitCommand.self, SyncCommand.self, JoinCommand.self,
            LogCommand.self, RulesCommand.self, HooksCommand.self, MergeDriverCommand.self,
            ListCommand.self, EditCommand.self, SchemaCommand.self, LspCommand.self, ProgrammeCommand.self,
            CalendarCommand.self, PrivateCommand.self,
        ])

    /// Accepted here too, so that shell completion offers them before the subcommand's name
    /// (`journal -C DIR rep<TAB>`); `hoist` moves them behind it before parsing.
    @OptionGroup var global: GlobalOptions
}

// A connection the server closes while we send (an HTTPS upload cut short) is an error to
// report with its exit code, not a signal that ends journal without a word.
signal(SIGPIPE, SIG_IGN)
// A remote that stops answering ends the sync with exit 4 (what was written is committed first).
GitLibrary.onStall = { message in
    printError("journal: " + message)
    exit(ExitStatus.unreachable.rawValue)
}

// A person's config.yml with a mistake is said once, and the rest of it still applies.
for problem in UserSettings.current.problems { printError("journal: warning: " + problem) }

// The Swift runtime reads a program's arguments from /proc on Linux; where it is not mounted (a
// bare chroot) there are none, not even the program's name: say so rather than show the help.
if CommandLine.arguments.isEmpty {
    printError(
        "journal: cannot read the command line: /proc is not mounted here (mount it, then run journal again)")
    exit(ExitStatus.failure.rawValue)
}
let arguments = GlobalOptions.hoist(Array(CommandLine.arguments.dropFirst()))
// The completion scripts, mended for the shells people have (`CompletionScripts`).
if let flag = arguments.firstIndex(where: { $0.hasPrefix("--generate-completion-script") }) {
    let given = arguments[flag].split(separator: "=", maxSplits: 1)
    let name = given.count == 2 ? String(given[1]) : (flag + 1 < arguments.count ? arguments[flag + 1] : "")
    if let script = CompletionScripts.script(for: name) {
        Swift.print(script, terminator: script.hasSuffix("\n") ? "" : "\n")
        exit(0)
    }
}
/// Bad usage: the message and one hint, the help of the command that was meant.
func printUsageError(_ message: String, arguments: [String]) {
    var text = message.trimmingCharacters(in: .whitespacesAndNewlines)
    if text.hasPrefix("Error: ") { text.removeFirst("Error: ".count) }
    printError("journal: " + text)
    printError("See `\(UsageHint.command(in: arguments)) --help` for how to use it.")
}

do {
    var command = try JournalCommand.parseAsRoot(arguments)
    try command.run()
} catch let failure as Failure where failure.status == .usage {
    if failure.saysWhatToDo {
        printError("journal: " + failure.message)
    } else {
        printUsageError(failure.message, arguments: arguments)
    }
    exit(failure.status.rawValue)
} catch let failure as Failure {
    printError("journal: " + failure.message)
    exit(failure.status.rawValue)
} catch let error as GitError {
    // Every git failure a command does not explain itself: its message and documented status.
    let failure = failure(error)
    printError("journal: " + failure.message)
    exit(failure.status.rawValue)
} catch {
    let code = JournalCommand.exitCode(for: error)
    if code == .validationFailure {
        // Bad usage exits 2, as cli.md documents (not sysexits' 64).
        printUsageError(JournalCommand.message(for: error), arguments: arguments)
        exit(2)
    }
    JournalCommand.exit(withError: error)
}
