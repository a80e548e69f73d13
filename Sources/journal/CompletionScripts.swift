import ArgumentParser
import Foundation

/// The completion scripts swift-argument-parser generates, mended where they fail in the
/// shells people have: `journal help <TAB>` offers the commands (bash, zsh), and values journal
/// computes (ids, remotes) reach fish 3, whose script asked for the cursor in a way fish 3
/// answers with nothing and quoted the empty word literally.
enum CompletionScripts {
    /// The script for `shell`, mended; nil for a shell the generator does not know.
    static func script(for name: String) -> String? {
        guard let shell = CompletionShell(rawValue: name) else { return nil }
        var script = JournalCommand.completionScript(for: shell)
        let commands = JournalCommand.configuration.subcommands.map { $0._commandName }
        switch shell {
        case .bash:
            if let start = script.range(of: "_journal_help() {\n"),
                let end = script.range(of: "\n}\n", range: start.upperBound..<script.endIndex)
            {
                script.replaceSubrange(
                    start.upperBound..<end.lowerBound,
                    with: "    COMPREPLY+=($(compgen -W '\(commands.joined(separator: " "))' -- \"${cur}\"))")
            }
        case .zsh:
            script = script.replacingOccurrences(
                of: "'*:subcommands:'", with: "'*:subcommands:(\(commands.joined(separator: " ")))'")
        case .fish:
            script = script.replacingOccurrences(
                of: "(__journal_tokens -tC)", with: "(string length -- (commandline -ct))")
            script = script.replacingOccurrences(of: "\\'\\'", with: "''")
        default:
            break
        }
        return script
    }
}
