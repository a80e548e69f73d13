import Foundation

/// One front-matter key of an entry kind: its name, the kind of value it takes, whether it is
/// required, and what it means in plain words. The table in `EntryKind.spec` is the one
/// description the linter's known keys, `journal schema`, and the language server's
/// completion and hover are all made from.
public struct FieldSpec: Sendable, Equatable {
    /// The kinds of value a key takes, as the entry reader reads them.
    public enum Value: Sendable, Equatable {
        /// Any text (a number or a word is text too).
        case text
        /// Lower-case letters, digits and dashes.
        case slug
        /// A calendar date, YYYY-MM-DD.
        case date
        /// "Name <email>", or a mapping with `name`, `email` and `handle`.
        case person
        /// One of the kind's status values.
        case status
        /// weekly, biweekly, monthly, or every N days|weeks|months.
        case cadence
        /// Minutes (60), or hours and minutes (1h, 45m, 1h30m).
        case duration
        /// true or false.
        case boolean
        /// A goal id, or a list of them.
        case goals
        /// A text, or a list of texts.
        case texts
        /// A list of {title, due, done}.
        case milestones
        /// A whole number from 1 to 5.
        case confidence
        /// The entry's kind, as its folder says.
        case kind
        /// A time of day, HH:MM on a 24-hour clock.
        case time
        /// A time zone by its IANA name.
        case timezone
    }

    public var name: String
    public var value: Value
    public var required: Bool
    /// What the key means, for a person reading a hover or a schema.
    public var summary: String

    public init(_ name: String, _ value: Value, required: Bool = false, _ summary: String) {
        self.name = name
        self.value = value
        self.required = required
        self.summary = summary
    }

    /// How the value is written, in a few words.
    public var valueWords: String {
        switch value {
        case .text: "text"
        case .slug: "lower-case letters, digits and dashes"
        case .date: "a date, YYYY-MM-DD"
        case .person: "\"Name <email>\", or name, email and handle"
        case .status: "one of the status values"
        case .cadence: "weekly, biweekly, monthly, or every N days|weeks|months"
        case .duration: "minutes (60) or hours and minutes (1h30m)"
        case .boolean: "true or false"
        case .goals: "goal ids"
        case .texts: "a list of texts"
        case .milestones: "a list of milestones: title, due, done"
        case .confidence: "a whole number from 1 to 5"
        case .kind: "the kind of entry"
        case .time: "a time, HH:MM on a 24-hour clock"
        case .timezone: "a time zone by its IANA name, such as Europe/Berlin"
        }
    }
}

extension EntryKind {
    /// The front-matter keys of this kind, in the order a template writes them.
    public var fields: [FieldSpec] { Self.fieldTable[self] ?? [] }

    private static let fieldTable = Dictionary(
        uniqueKeysWithValues: allCases.map { ($0, $0.describedFields) })

    private var describedFields: [FieldSpec] {
        let type = FieldSpec(
            "type", .kind, "The kind of entry; the folder decides it, so it is rarely written.")
        let isPrivate = FieldSpec(
            "private", .boolean, "true keeps the entry on this computer: never committed, shared or reported."
        )
        switch self {
        case .agreement:
            return [
                FieldSpec("id", .slug, "A short name for the mentorship, used by --mentorship."),
                FieldSpec("mentor", .person, required: true, "The mentor."),
                FieldSpec("mentee", .person, required: true, "The mentee."),
                FieldSpec("started", .date, required: true, "The day the mentorship started."),
                FieldSpec("status", .status, "Where the mentorship stands (active when absent)."),
                FieldSpec("cadence", .cadence, required: true, "How often the pair meets."),
                FieldSpec("duration", .duration, "How long a meeting usually lasts."),
                FieldSpec("channel", .text, "Where the pair meets: in person, a video call, a phone call."),
                FieldSpec("review", .date, "The day the pair looks back at the agreement together."),
                FieldSpec("ends", .date, "The day the mentorship is planned to end."),
                FieldSpec("learning_style", .text, "How the mentee likes to learn."),
                FieldSpec(
                    "confidential", .boolean, "Whether what is said stays between the two (true when absent)."
                ),
                FieldSpec("time", .time, "When meetings usually start (calendar events get this time)."),
                FieldSpec(
                    "timezone", .timezone, "The time zone of `time`; without it, each reader's local time."),
                type,
            ]
        case .goal:
            return [
                FieldSpec(
                    "id", .text, "The goal's id, when not its file name; sessions and reflections name it."),
                FieldSpec("title", .text, required: true, "What the mentee wants to reach, in a sentence."),
                FieldSpec("status", .status, "Where the goal stands (active when absent)."),
                FieldSpec("created", .date, "The day the goal was set."),
                FieldSpec("target", .date, "The day the goal should be reached."),
                FieldSpec("measure", .text, "How the pair will know the goal is reached."),
                FieldSpec(
                    "milestones", .milestones, "Steps on the way, each with a title, a due date and done."),
                type,
            ]
        case .session:
            return [
                FieldSpec("date", .date, required: true, "The day of the meeting."),
                FieldSpec("duration", .duration, "How long the meeting lasted."),
                FieldSpec("goals", .goals, "The goals the meeting worked on."),
                FieldSpec(
                    "status", .status, "Whether the meeting was held, planned, rescheduled or cancelled."),
                FieldSpec("agenda", .texts, "What the pair means to talk about."),
                FieldSpec("next", .date, "The day agreed for the next meeting."),
                FieldSpec("time", .time, "When the meeting starts, when not the agreement's usual time."),
                isPrivate, type,
            ]
        case .reflection:
            return [
                FieldSpec("date", .date, required: true, "The day it was written."),
                FieldSpec("author", .text, "Who wrote it: mentee (when absent) or mentor."),
                FieldSpec("title", .text, "A few words on what it is about."),
                FieldSpec("goals", .goals, "The goals it is about."),
                FieldSpec(
                    "confidence", .confidence, "How confident the writer feels, from 1 (not at all) to 5."),
                isPrivate, type,
            ]
        case .evaluation:
            return [
                FieldSpec("author", .text, required: true, "Who wrote it: mentor or mentee."),
                FieldSpec("date", .date, required: true, "The day it was written."),
                isPrivate, type,
            ]
        }
    }
}
