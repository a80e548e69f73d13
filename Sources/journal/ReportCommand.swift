import ArgumentParser
import Foundation
import JournalKit

/// The output formats of `journal report`.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, html, json
}

/// `journal report`: what a mentor reads before a check-in.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Show what is overdue, what the mentee asked, and how each goal stands.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Report only the mentorships under this folder.")
    var path: String?

    @Option(help: "Report only the mentorship with this id.", completion: .custom(Completions.mentorships))
    var mentorship: String?

    @Option(
        help: ArgumentHelp("Start of the window (default: the last held session).", valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(help: "Output format: text, markdown, html or json.")
    var format: ReportFormat = .text

    @Option(help: ArgumentHelp("Write the report to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @Flag(help: "Include private entries (they stay on this machine).")
    var includePrivate = false

    func validate() throws {
        if let since, CalendarDate(since) == nil {
            throw ValidationError("--since wants a real date YYYY-MM-DD, not `\(since)`")
        }
    }

    func run() throws {
        let scope = try Scope(global: global, path: path, mentorship: mentorship)
        let options = ReportOptions(
            today: global.resolvedToday, since: since.flatMap { CalendarDate($0) },
            includePrivate: includePrivate)
        var report = ReportBuilder.build(scope.mentorships, diagnostics: scope.diagnostics, options: options)
        ActivityBuilder.attach(to: &report, journal: scope.journal, includePrivate: includePrivate)
        KeepUntilExit.keep(scope)
        KeepUntilExit.keep(report)
        let renderer: any ReportRenderer =
            switch format {
            case .json: JSONReportRenderer()
            case .text: TextReportRenderer(style: TerminalStyle(colour: output == nil && global.colour))
            case .markdown:
                MarkdownReportRenderer(template: try template(.markdown, root: scope.journal.root))
            case .html: HTMLReportRenderer(template: try template(.html, root: scope.journal.root))
            }
        var parts = renderer.renderParts(report)
        if format == .text || format == .markdown {
            // Read in a terminal or an editor: no control character from the journal gets through.
            parts = parts.map {
                Array(
                    TerminalText.lines(String(decoding: $0, as: UTF8.self), keepingStyles: format == .text)
                        .utf8)
            }
        }
        try emit(parts, to: output, base: scope.workingDirectory)
    }
}
