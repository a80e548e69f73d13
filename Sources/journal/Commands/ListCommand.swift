import ArgumentParser
import Foundation
import JournalKit
import JournalWorkspace

/// `journal list`: entries, or open action items, one line each, newest first.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List entries (or open action items) one line each, newest first.",
        discussion: """
            WHAT is goals, sessions, reflections, evaluations or agreements (singular works too), or \
            actions for the open action items as of today (soonest due first); all entries when \
            absent. Private entries are listed and marked: the list never leaves this computer. \
            --format json gives the same rows for scripts (schema journal-list/1).
            Exit codes: 0 listed (an empty list too), 1 failure, 2 bad usage.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "goals, sessions, reflections, evaluations, agreements or actions.")
    var what: String?

    @Option(
        help: ArgumentHelp(
            "Only entries dated on or after this day (items first seen then).", valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(
        help: ArgumentHelp("Only entries that name this goal (and the goal itself).", valueName: "GOAL-ID"))
    var goal: String?

    @Option(
        name: .customLong("mentorship"), help: "Only this mentorship (repeatable).",
        completion: .custom(Completions.mentorships))
    var mentorships: [String] = []

    @Option(help: "text or json.")
    var format: String = "text"

    var kind: EntryKind? {
        guard let what, what != "actions" else { return nil }
        return EntryKind(rawValue: what.hasSuffix("s") ? String(what.dropLast()) : what)
    }

    func validate() throws {
        if let what, what != "actions", kind == nil {
            throw ValidationError(
                "journal list wants goals, sessions, reflections, evaluations, agreements or actions, not `\(what)`"
            )
        }
        if let since, CalendarDate(since) == nil {
            throw ValidationError("--since wants a real date YYYY-MM-DD, not `\(since)`")
        }
        if !["text", "json"].contains(format) {
            throw ValidationError("--format wants text or json, not `\(format)`")
        }
        if what == "actions", goal != nil {
            throw ValidationError("--goal lists entries; action items belong to no goal")
        }
    }

    func run() throws {
        let opened = try OpenedJournal(
            workingDirectory: try global.workingDirectory(), path: nil, mentorships: mentorships,
            cache: global.cache,
            today: global.resolvedToday)
        let start = since.flatMap { CalendarDate($0) }
        if let goal, !opened.mentorships.contains(where: { $0.goals.contains { $0.goal?.id == goal } }) {
            throw Failure(message: "no goal `\(goal)` in the journal", status: .usage)
        }
        if what == "actions" {
            printActions(opened.listedActions(since: start), today: opened.today)
            return
        }
        let rows = opened.listedEntries(kind: kind, since: start, goal: goal)
        if format == "json" {
            print(Self.json(entries: rows).rendered())
        } else if rows.isEmpty {
            print("No entry matches.")
        } else {
            for row in rows {
                let date = row.date?.description ?? "----------"
                let status = row.status.map { " [\(TerminalText.line($0))]" } ?? ""
                print(
                    "\(date)  \(row.kind.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0))  "
                        + "\(TerminalText.line(row.path))  " + TerminalText.line(row.title) + status
                        + (row.isPrivate ? "  (private)" : ""))
            }
        }
    }

    /// The open action items, a line each, soonest due first (or as JSON).
    private func printActions(_ rows: [ListedAction], today: CalendarDate) {
        if format == "json" {
            print(Self.json(actions: rows).rendered())
        } else if rows.isEmpty {
            print("No open action item.")
        } else {
            for row in rows {
                let due = row.due.map { ($0 < today ? "overdue " : "due ") + $0.description } ?? "no due date"
                // Journal text on one line each (`TerminalText.line`), as the report prints it.
                let started = row.state == .inProgress ? "in progress, " : ""
                print(
                    "\(started)\(due)  \(TerminalText.line(row.text))  \(TerminalText.line(row.path)):\(row.line)"
                        + (row.isPrivate ? "  (private)" : ""))
            }
        }
    }

    static func json(entries rows: [ListedEntry]) -> JSONValue {
        .object([
            ("schema", .string("journal-list/1")),
            (
                "entries",
                .array(
                    rows.map { row in
                        .object([
                            ("kind", .string(row.kind.rawValue)), ("mentorship", .string(row.mentorship)),
                            ("path", .string(row.path)), ("date", .date(row.date)),
                            ("title", .string(row.title)),
                            ("status", .optional(row.status)),
                            ("goals", .array(row.goals.map(JSONValue.string))),
                            ("private", .bool(row.isPrivate)),
                        ])
                    })
            ),
        ])
    }

    static func json(actions rows: [ListedAction]) -> JSONValue {
        .object([
            ("schema", .string("journal-list/1")),
            (
                "actions",
                .array(
                    rows.map { row in
                        .object([
                            ("mentorship", .string(row.mentorship)), ("text", .string(row.text)),
                            ("owner", .optional(row.owner)), ("due", .date(row.due)),
                            ("overdue", .bool(row.isOverdue)),
                            ("first_seen", .date(row.firstSeen)), ("path", .string(row.path)),
                            ("line", .int(row.line)), ("state", .string(row.state.name)),
                            ("private", .bool(row.isPrivate)),
                        ])
                    })
            ),
        ])
    }
}
