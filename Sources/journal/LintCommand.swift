import ArgumentParser
import Foundation
import JournalKit

/// The output formats of `journal lint`.
enum LintFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `journal lint`: checks the journal's files and prints compiler-style diagnostics.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint", abstract: "Check entries against the journal format.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Check only these files or folders (with knowledge of their whole mentorship).")
    var paths: [String] = []

    @Option(help: "Output format: text or json.")
    var format: LintFormat = .text

    @Flag(help: "Also fail (exit 1) on warnings.")
    var strict = false

    func run() throws {
        let workingDirectory = try global.workingDirectory()
        let root = JournalLoader.findRoot(from: workingDirectory)
        let journal = JournalLoader.load(root: root)
        var diagnostics = CrossFileChecks.diagnostics(of: journal)
        if !paths.isEmpty {
            let wanted = try paths.map { path -> String in
                let url = URL(fileURLWithPath: path, relativeTo: workingDirectory).standardizedFileURL
                guard FileManager.default.fileExists(atPath: url.path) else {
                    throw ValidationError("\(path): no such file or folder")
                }
                let resolved = JournalLoader.resolve(url.path)
                guard resolved == journal.root.path || resolved.hasPrefix(journal.root.path + "/") else {
                    throw ValidationError("\(path) is outside the journal at \(journal.root.path)")
                }
                return resolved == journal.root.path
                    ? "" : String(resolved.dropFirst(journal.root.path.count + 1))
            }
            diagnostics = diagnostics.filter { d in
                wanted.contains { $0.isEmpty || d.path == $0 || d.path.hasPrefix($0 + "/") }
            }
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        let infos = diagnostics.filter { $0.severity == .info }.count
        switch format {
        case .json:
            let document = JSONValue.object([
                ("schema", .string("journal-lint/1")),
                (
                    "diagnostics",
                    .array(
                        diagnostics.map { d in
                            .object([
                                ("rule", .string(d.rule)), ("severity", .string(d.severity.rawValue)),
                                ("path", .string(d.path)), ("line", .int(d.line)), ("column", .int(d.column)),
                                ("message", .string(d.message)),
                            ])
                        })
                ),
                (
                    "summary",
                    .object([
                        ("files", .int(journal.fileCount)), ("errors", .int(errors)),
                        ("warnings", .int(warnings)),
                        ("infos", .int(infos)),
                    ])
                ),
            ])
            print(document.rendered(), terminator: "")
        case .text:
            let style = TerminalStyle(colour: global.colour)
            for d in diagnostics {
                let severity: String =
                    switch d.severity {
                    case .error: style.red("error")
                    case .warning: style.yellow("warning")
                    case .info: "info"
                    }
                print("\(d.path):\(d.line):\(d.column): \(severity): \(d.message) [\(d.rule)]")
            }
            print(
                "\(journal.fileCount) file\(journal.fileCount == 1 ? "" : "s") checked: \(errors) error\(errors == 1 ? "" : "s"), "
                    + "\(warnings) warning\(warnings == 1 ? "" : "s"), \(infos) info")
        }
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
    }
}
