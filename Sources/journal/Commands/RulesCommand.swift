import ArgumentParser
import JournalKit
import JournalWorkspace

/// `journal rules`: the lint rules, their ids and default severities.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List the lint rules with their ids and default severities.")

    @Flag(help: "Print the rules reference as Markdown (docs/rules.md).")
    var markdown = false

    func run() throws {
        if markdown {
            // journal's own document, tabs in its examples included: written as it is.
            Swift.print(RulesDocument.markdown(), terminator: "")
            return
        }
        let width = Linter.ruleIDs.map(\.count).max() ?? 0
        for rule in Linter.rules.map({ $0.description }) {
            let padding = String(repeating: " ", count: width - rule.id.count)
            print(
                "\(rule.id)\(padding)  \(rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(rule.summary)"
            )
        }
    }
}
