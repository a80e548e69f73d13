import ArgumentParser
import Foundation
import JournalWorkspace

/// `journal lsp`: the language server, on standard input and output.
struct LspCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run a Language Server Protocol server on standard input and output, for any editor.",
        discussion: """
            Editors start it themselves (docs/editors.md shows how for VS Code, Neovim, Helix, \
            Emacs and Zed). While you type: every lint rule on the unsaved text, completion of \
            keys, status values, goal ids, @handles and dates, hover, go to definition, code \
            actions (the safe fixes of lint --fix, ticking an action item, a new session with the \
            open items) and symbols. It never writes a file; the editor applies the edits.
            Exit codes: 0 after the editor's shutdown and exit, 1 when the editor went away \
            without them.
            """)

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let server = LanguageServer(input: STDIN_FILENO, output: STDOUT_FILENO, today: global.resolvedToday)
        let status = server.run()
        if status != 0 { throw ExitCode(status) }
    }
}
