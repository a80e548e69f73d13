import ArgumentParser
import Foundation
import JournalGit
import JournalKit
import JournalWorkspace

/// `journal log`: the mentorship's timeline from git history.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Show the timeline: which entry was added or changed, when, and by whom.")

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Only commits on or after this date.", valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(
        name: .customLong("mentorship"), help: "Only entries of the mentorship with this id.",
        completion: .custom(Completions.mentorships))
    var mentorships: [String] = []

    /// The one mentorship named, when one was.
    var mentorship: String? { mentorships.first }

    func validate() throws {
        if mentorships.count > 1 {
            throw ValidationError(
                "journal log follows one mentorship: give --mentorship once, not \(mentorships.count) times")
        }
        if let since, CalendarDate(since) == nil {
            throw ValidationError("--since wants a real date YYYY-MM-DD, not `\(since)`")
        }
    }

    func run() throws {
        // The mentorship ids are only known from reading the journal.
        let shared = try JournalRepository(
            workingDirectory: try global.journalDirectory(allowingRepository: true), cache: global.cache,
            parse: mentorship != nil)
        let records = try shared.repository.history(scope: try scope(in: shared))
        let start = since.flatMap { CalendarDate($0) }
        let style = TerminalStyle(colour: global.colour)
        let blocks = records.filter { record in start.map { record.calendarDate >= $0 } ?? true }.map {
            block($0, shared: shared, style: style)
        }
        if shared.repository.isShallow {
            // Said where it is read with the log, not mixed into it.
            printError(
                "journal: note: this clone holds only the latest part of the history (a shallow clone, made "
                    + "with --depth); `git fetch --unshallow` brings in the rest, and the log shows it all.")
        }
        if blocks.isEmpty {
            print(
                start.map { "No commit touching the journal since \($0)." }
                    ?? "No commit touching the journal yet.")
        } else {
            print(blocks.joined(separator: "\n"))
        }
    }

    /// The folder of the repository the log covers: the journal, or the mentorship asked for.
    private func scope(in shared: JournalRepository) throws -> String {
        guard let mentorship else { return shared.scope }
        let journal = shared.layout
        let matching = journal.mentorships.filter {
            Mentorship.names(mentorship, id: $0.id, path: $0.path, root: journal.root)
        }
        guard let chosen = matching.first else {
            let known = journal.mentorships.map(\.id).joined(separator: ", ")
            throw ValidationError(
                "no mentorship `\(mentorship)`" + (known.isEmpty ? "" : "; the journal has: \(known)"))
        }
        return RelativePath.join(shared.scope, chosen.path)
    }

    /// One commit: its day, author and id, then each entry it touched, in words.
    private func block(_ record: GitCommitRecord, shared: JournalRepository, style: TerminalStyle) -> String {
        let author = TerminalText.line(record.authorName)
        var lines = [style.bold("\(record.calendarDate)  \(author)") + style.dim("  \(record.id.prefix(7))")]
        for change in record.changes {
            guard let path = shared.journalPath(change.path) else { continue }
            let what = EntryWording.describe(path, in: shared.layout)
            lines.append(
                "  \(EntryWording.pastTense(change.kind)) \(TerminalText.line(what))"
                    + style.dim("  \(TerminalText.line(path))"))
        }
        return lines.joined(separator: "\n")
    }
}
