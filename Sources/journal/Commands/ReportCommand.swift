import ArgumentParser
import Foundation
import JournalGit
import JournalKit
import JournalWorkspace

extension ReportSort: ExpressibleByArgument {}
extension Attention: ExpressibleByArgument {}
extension AgreementStatus: ExpressibleByArgument {}

/// `journal report`: what a mentor reads before a check-in.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Show what is overdue, what the mentee asked, and how each goal stands.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Report only the mentorships under this folder.")
    var path: String?

    @Option(
        help: "Report only the mentorship with this id (repeat it for several).",
        completion: .custom(Completions.mentorships))
    var mentorship: [String] = []

    @Option(
        help: ArgumentHelp("Start of the window (default: the last held session).", valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(
        name: .customLong("format"),
        help: ArgumentHelp(
            "Output format: \(OutputFormats.choices()); default: `report.format` of .journal.yml, else "
                + "`format` of your config.yml, else text.", valueName: "format"))
    var formatOption: FormatChoice?

    @Option(help: "Order of the mentorships: attention (those needing help first) or name.")
    var sort: ReportSort = .attention

    @Option(
        help: ArgumentHelp(
            "Only the mentorships whose attention is LEVEL: ok, watch or at-risk (repeat it for several).",
            valueName: "LEVEL"))
    var attention: [Attention] = []

    @Option(
        help: ArgumentHelp(
            "Only the mentorships whose agreement has this status: active, proposed, paused, completed or "
                + "ended (repeat it for several).", valueName: "STATUS"))
    var status: [AgreementStatus] = []

    @Option(
        help: ArgumentHelp("Write the report to FILE instead of standard output.", valueName: "FILE"),
        completion: .file())
    var output: String?

    @Flag(help: "Include private entries (they stay on this machine).")
    var includePrivate = false

    @Option(
        help: ArgumentHelp(
            "Report the journal as it was committed at REV (a branch, a tag, HEAD~3, a commit id), read from git without a checkout.",
            valueName: "REV"))
    var rev: String?

    func validate() throws {
        if let since, CalendarDate(since) == nil {
            throw ValidationError("--since wants a real date YYYY-MM-DD, not `\(since)`")
        }
    }

    func run() throws {
        let scope = try OpenedJournal(
            workingDirectory: try global.workingDirectory(), path: path, mentorships: mentorship,
            reading: rev.map { .revision($0) } ?? .folder, cache: global.cache, today: global.resolvedToday)
        if includePrivate, let output {
            try refuseSharedPlace(for: output, base: scope.workingDirectory, journalRoot: scope.journal.root)
        }
        var options = ReportOptions(
            today: global.resolvedToday, since: since.flatMap { CalendarDate($0) },
            includePrivate: includePrivate)
        options.sort = sort
        options.attention = Set(attention)
        options.statuses = Set(status)
        let report = scope.report(options)
        // The option, else the journal's choice, else the person's.
        let format = OutputFormats.chosen(
            formatOption?.format.name, journal: scope.settings,
            person: UserSettings.current)
        KeepUntilExit.keep(scope)
        KeepUntilExit.keep(report)
        let root = scope.journal.root
        let renderer = try format.report(
            OutputFormat.Context(
                style: TerminalStyle(colour: output == nil && global.colour),
                template: { try template($0, root: root) }))
        try emit(format.finish(renderer.renderParts(report)), to: output, base: scope.workingDirectory)
    }
}

extension ReportCommand {
    /// A report with private entries written where a commit could pick it up would share them:
    /// inside the journal, or anywhere in the git work tree holding it, unless git ignores it.
    func refuseSharedPlace(for output: String, base: URL, journalRoot: URL) throws {
        let url = URL(fileURLWithPath: output, relativeTo: base).standardizedFileURL
        // The folder it goes in, links resolved, with the file's own name.
        let folder = JournalLoader.resolve(url.deletingLastPathComponent().path)
        let target = folder + "/" + url.lastPathComponent
        let root = journalRoot.path
        var shared = target.hasPrefix(root + "/")
        if let repository = try? GitRepository.discover(at: URL(fileURLWithPath: folder)),
            let relative = repository.relativePath(of: URL(fileURLWithPath: folder))
        {
            let path = RelativePath.join(relative, url.lastPathComponent)
            shared = !repository.isIgnoredAndUntracked(path)
        }
        guard shared else { return }
        throw ValidationError(
            "--include-private puts private entries in \(output), which is inside the shared journal: "
                + "the next commit could share them. Nothing was written. Write it outside the journal "
                + "(in your home folder, say), or leave out --include-private.")
    }
}
