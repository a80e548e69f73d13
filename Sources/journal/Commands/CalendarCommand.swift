import ArgumentParser
import Foundation
import JournalKit
import JournalWorkspace

/// `journal calendar`: the mentorships' dates as an iCalendar feed.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Write the journal's dates as an iCalendar file to import or subscribe to.",
        discussion: """
            Planned sessions and the next meeting (with the agreed agenda; at the session's or the \
            agreement's `time` in the agreement's `timezone`, lasting its `duration`, else all day), \
            meetings called off ahead (cancelled), open milestones' and action items' due dates (the \
            owner's name in the title), the agreement's review and end, each with a reminder \
            (`calendar:` in .journal.yml or your settings: remind_before_meetings, \
            remind_on_due_days). Each event keeps its UID across runs and edits, so a subscribed \
            calendar updates it; SEQUENCE and LAST-MODIFIED come from the files, the same on every \
            computer. An event gone from the journal is sent once more, cancelled. Private entries \
            contribute nothing unless --include-private.
            Exit codes: 0 written, 1 failure, 2 bad usage.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(
        help: ArgumentHelp(
            "Write the feed here (a file in a synced folder, say) instead of standard output.",
            valueName: "FILE"), completion: .file())
    var output: String?

    @Option(
        name: .customLong("mentorship"), help: "Only this mentorship (repeatable).",
        completion: .custom(Completions.mentorships))
    var mentorships: [String] = []

    @Flag(help: "Also the dates of private entries (the feed then stays on this computer).")
    var includePrivate = false

    func run() throws {
        let opened = try OpenedJournal(
            workingDirectory: try global.workingDirectory(), path: nil, mentorships: mentorships,
            cache: global.cache,
            today: global.resolvedToday)
        let report = opened.report(since: nil, includePrivate: includePrivate)
        let feed = CalendarFeed.build(
            report, mentorships: opened.mentorships, includePrivate: includePrivate,
            reminders: CalendarReminders.resolved(
                journal: opened.settings, person: UserSettings.current))
        let key =
            opened.journal.root.path + "\u{1F}" + (output ?? "-") + "\u{1F}"
            + mentorships.joined(separator: ",")
        let withdrawn = CalendarState.withdrawn(
            from: feed, key: key, cache: GlobalOptions.defaultCache()?.folder)
        let name =
            opened.mentorships.count == 1 ? "Mentoring: \(report.mentorships.first?.pair ?? "")" : "Mentoring"
        try emit(
            ICalendarWriter.write(feed, name: name, withdrawn: withdrawn), to: output,
            base: opened.workingDirectory)
    }
}
