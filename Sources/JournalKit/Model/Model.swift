/// The kinds of file a mentorship holds, named after their folders.
public enum EntryKind: String, Sendable, Hashable, Codable, CaseIterable {
    case agreement, goal, session, reflection, evaluation

    /// What sets one kind apart from another, in one place: to add a kind, add a case and its
    /// row here, its content in `EntryContent` and its fields in `EntryParser.readFields`.
    public struct Spec: Sendable {
        /// The folder entries of this kind live in; nil for `agreement.md`, at the top.
        public var folder: String?
        /// The front-matter keys this kind knows; others are flagged when they look like typos.
        public var keys: [String]
        /// The `status` values it accepts, the default first (none for kinds without a status).
        public var statuses: [String]
        /// The template `journal new` writes it from, in `templates/`.
        public var template: String
        /// Its tag in the parse cache: fixed, whatever the order of the cases.
        public var cacheTag: Int
    }

    /// The table of kinds.
    public var spec: Spec {
        switch self {
        case .agreement:
            Spec(
                folder: nil,
                keys: [
                    "mentor", "mentee", "started", "status", "cadence", "duration", "channel", "review",
                    "ends",
                    "learning_style", "confidential", "type",
                ],
                statuses: AgreementStatus.allCases.map(\.rawValue), template: "agreement.md",
                cacheTag: 0)
        case .goal:
            Spec(
                folder: "goals",
                keys: ["id", "title", "status", "created", "target", "measure", "milestones", "type"],
                statuses: GoalStatus.allCases.map(\.rawValue), template: "goal.md",
                cacheTag: 1)
        case .session:
            Spec(
                folder: "sessions",
                keys: ["date", "duration", "goals", "status", "agenda", "next", "private", "type"],
                statuses: SessionStatus.allCases.map(\.rawValue), template: "session.md", cacheTag: 2)
        case .reflection:
            Spec(
                folder: "reflections",
                keys: ["date", "author", "title", "goals", "confidence", "private", "type"], statuses: [],
                template: "reflection.md", cacheTag: 3)
        case .evaluation:
            Spec(
                folder: "evaluations", keys: ["author", "date", "private", "type"], statuses: [],
                template: "evaluation.md", cacheTag: 4)
        }
    }

    /// The folder entries of this kind live in (`agreement.md` lives at the top).
    public var folder: String? { spec.folder }

    /// The kind whose folder is `name`.
    public init?(folder name: String) {
        guard let kind = EntryKind.allCases.first(where: { $0.folder == name }) else { return nil }
        self = kind
    }

    /// The kind whose cache tag is `tag`.
    init?(cacheTag tag: Int) {
        guard let kind = EntryKind.allCases.first(where: { $0.spec.cacheTag == tag }) else { return nil }
        self = kind
    }
}

/// Where a mentorship stands (`status` of the agreement); the first is the default.
public enum AgreementStatus: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case active, proposed, paused, completed, ended
    public var description: String { rawValue }
}

/// Where a goal stands; the first is the default.
public enum GoalStatus: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case active, proposed, achieved, paused, dropped
    public var description: String { rawValue }
}

/// Whether a session took place; the first is the default.
public enum SessionStatus: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case held, cancelled, rescheduled
    public var description: String { rawValue }
}

/// A reference to a goal by id, with where it was written.
public struct GoalReference: Sendable, Hashable {
    /// The goal id as written.
    public var id: String
    /// Where it was written.
    public var position: SourcePosition
}

/// The mentorship agreement: who, how often, and how the pair works together.
public struct Agreement: Sendable, Equatable {
    /// The mentor.
    public var mentor: Person?
    /// The mentee.
    public var mentee: Person?
    /// When the mentorship started.
    public var started: CalendarDate?
    /// Where the mentorship stands.
    public var status: AgreementStatus = .active
    /// How often the pair meets.
    public var cadence: Cadence?
    /// Length of a meeting in minutes.
    public var durationMinutes: Int?
    /// How the pair communicates.
    public var channel: String?
    /// When the agreement is to be revisited.
    public var review: CalendarDate?
    /// When the mentorship ends.
    public var ends: CalendarDate?
    /// The mentee's preferred way to learn.
    public var learningStyle: String?
    /// Whether what is shared stays between the pair.
    public var confidential: Bool = true
}

/// A step towards a goal.
public struct Milestone: Sendable, Equatable {
    /// What the step is.
    public var title: String
    /// When it is due.
    public var due: CalendarDate?
    /// Whether it is done (`done: true` or a date).
    public var done: Bool
    /// The day it was done, when `done` was a date.
    public var doneOn: CalendarDate?
    /// Where the milestone starts in the file.
    public var position: SourcePosition
    /// Where its `due` value is written (the milestone's start when it has none).
    public var duePosition: SourcePosition
}

/// A goal of the mentee, with its milestones.
public struct Goal: Sendable, Equatable {
    /// The id (the file name stem unless `id:` says otherwise).
    public var id: String
    /// Where the id was written (the file start when it comes from the file name).
    public var idPosition: SourcePosition
    /// The goal's title.
    public var title: String
    /// Where the goal stands.
    public var status: GoalStatus = .active
    /// When the goal was set.
    public var created: CalendarDate?
    /// When it should be reached.
    public var target: CalendarDate?
    /// How success is measured.
    public var measure: String?
    /// Its milestones, in the order written.
    public var milestones: [Milestone] = []
}

/// A meeting of the pair.
public struct Session: Sendable, Equatable {
    /// Whether it took place; only held sessions count as meetings.
    public var status: SessionStatus = .held
    /// Length in minutes.
    public var durationMinutes: Int?
    /// The goals discussed.
    public var goals: [GoalReference] = []
    /// The agenda, in order.
    public var agenda: [String] = []
    /// The next meeting, when agreed.
    public var next: CalendarDate?

    /// Whether the session counts as a meeting.
    public var isHeld: Bool { status == .held }
}

/// A reflection written by either party.
public struct Reflection: Sendable, Equatable {
    /// Role or handle of the author (`mentee` by default).
    public var author: String = "mentee"
    /// The title: `title:`, else the first heading, else the file slug.
    public var title: String = ""
    /// The goals it is about.
    public var goals: [GoalReference] = []
    /// Self-rated progress, 1 to 5.
    public var confidence: Int?
    /// The author's questions for the next check-in.
    public var questions: [String] = []
    /// Wins to celebrate.
    public var wins: [String] = []
    /// What is in the way.
    public var obstacles: [String] = []
}

/// An end-of-mentorship evaluation by one party.
public struct Evaluation: Sendable, Equatable {
    /// Role or handle of the author.
    public var author: String?
}

/// What an entry holds beyond what all entries share.
public enum EntryContent: Sendable, Equatable {
    case agreement(Agreement)
    case goal(Goal)
    case session(Session)
    case reflection(Reflection)
    case evaluation(Evaluation)
}

/// A task-list item in an entry's body: something someone promised to do.
public struct ActionItem: Sendable, Equatable {
    /// The text without checkbox and due-date notation.
    public var text: String
    /// Whether it is ticked.
    public var done: Bool
    /// The first `@handle` in the text, without `@`, as written.
    public var owner: String?
    /// When it is due.
    public var due: CalendarDate?
    /// The file it is in, relative to the journal root.
    public var path: String
    /// Its line in the file.
    public var line: Int
    /// Its column in the file.
    public var column: Int
}

/// One parsed file of a mentorship.
///
/// A value with copy-on-write storage: rules and reports pass entries around by the
/// thousand, and a copy is then one reference count instead of one per field.
public struct Entry: Sendable, Equatable {
    /// The fields, shared between copies until one of them changes.
    struct Fields: Sendable, Equatable {
        var path: String
        var kind: EntryKind
        var fileDate: CalendarDate?
        var fileSlug: String
        var date: CalendarDate?
        var privacy: Privacy
        var content: EntryContent
        var actionItems: [ActionItem]
        var title: String?
        var diagnostics: [Diagnostic]
        var hasConflictMarkers: Bool
        var fields: [String: FieldPlace]
        var disabledRules: Set<String>
        var body: String
    }

    /// Immutable once shared: every write goes through `unique()` first.
    final class Storage: @unchecked Sendable {
        // Never written once shared (every write goes through `unique()`), so the runtime's
        // exclusivity check on each read of every entry buys nothing.
        @exclusivity(unchecked) var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
        return storage
    }

    /// An entry; the parser fills in the rest.
    public init(
        path: String,
        kind: EntryKind,
        fileDate: CalendarDate?,
        fileSlug: String,
        date: CalendarDate?,
        privacy: Privacy,
        content: EntryContent,
        actionItems: [ActionItem],
        title: String?,
        diagnostics: [Diagnostic],
        hasConflictMarkers: Bool,
        fields: [String: FieldPlace] = [:],
        disabledRules: Set<String> = [],
        body: String = ""
    ) {
        storage = Storage(
            Fields(
                path: path,
                kind: kind,
                fileDate: fileDate,
                fileSlug: fileSlug,
                date: date,
                privacy: privacy,
                content: content,
                actionItems: actionItems,
                title: title,
                diagnostics: diagnostics,
                hasConflictMarkers: hasConflictMarkers,
                fields: fields,
                disabledRules: disabledRules,
                body: body))
    }

    /// Equal when every field is; shared storage is equal without looking.
    public static func == (lhs: Entry, rhs: Entry) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    /// Path relative to the journal root, `/`-separated.
    public var path: String {
        get { storage.fields.path }
        _modify { yield &unique().fields.path }
    }
    /// What kind of entry it is (from its folder).
    public var kind: EntryKind {
        get { storage.fields.kind }
        _modify { yield &unique().fields.kind }
    }
    /// The date in the file name (`YYYY-MM-DD[-slug].md`), if any.
    public var fileDate: CalendarDate? {
        get { storage.fields.fileDate }
        _modify { yield &unique().fields.fileDate }
    }
    /// The slug part of the file name (after the date), or the stem.
    public var fileSlug: String {
        get { storage.fields.fileSlug }
        _modify { yield &unique().fields.fileSlug }
    }
    /// `date:` from the front matter.
    public var date: CalendarDate? {
        get { storage.fields.date }
        _modify { yield &unique().fields.date }
    }
    /// Whether the entry stays on this computer, as `Privacy` decides it.
    public var privacy: Privacy {
        get { storage.fields.privacy }
        _modify { yield &unique().fields.privacy }
    }
    /// Whether the entry stays on this computer: never staged, left out of reports unless
    /// private entries are asked for.
    public var isPrivate: Bool { storage.fields.privacy.keepsLocal }
    /// The typed content.
    public var content: EntryContent {
        get { storage.fields.content }
        _modify { yield &unique().fields.content }
    }
    /// Task-list items of the body.
    public var actionItems: [ActionItem] {
        get { storage.fields.actionItems }
        _modify { yield &unique().fields.actionItems }
    }
    /// The first heading of the body.
    public var title: String? {
        get { storage.fields.title }
        _modify { yield &unique().fields.title }
    }
    /// Problems found while reading this file alone.
    public var diagnostics: [Diagnostic] {
        get { storage.fields.diagnostics }
        _modify { yield &unique().fields.diagnostics }
    }
    /// Whether the body holds unresolved merge conflict markers.
    public var hasConflictMarkers: Bool {
        get { storage.fields.hasConflictMarkers }
        _modify { yield &unique().fields.hasConflictMarkers }
    }
    /// Where each top-level front-matter key and its value are written.
    public var fields: [String: FieldPlace] {
        get { storage.fields.fields }
        _modify { yield &unique().fields.fields }
    }
    /// Rules switched off for this file by `<!-- journal-lint disable rule-id -->`.
    public var disabledRules: Set<String> {
        get { storage.fields.disabledRules }
        _modify { yield &unique().fields.disabledRules }
    }
    /// The Markdown after the front matter, for reports that quote it.
    public var body: String {
        get { storage.fields.body }
        _modify { yield &unique().fields.body }
    }

    /// Where the value of `key` is written, or the file start when the key is absent.
    public func valuePosition(_ key: String) -> SourcePosition { fields[key]?.value ?? .fileStart }

    /// The session content, when this entry is a session.
    public var session: Session? {
        if case .session(let value) = content { return value }
        return nil
    }
    /// The reflection content, when this entry is a reflection.
    public var reflection: Reflection? {
        if case .reflection(let value) = content { return value }
        return nil
    }
    /// The goal content, when this entry is a goal.
    public var goal: Goal? {
        if case .goal(let value) = content { return value }
        return nil
    }
    /// The agreement content, when this entry is the agreement.
    public var agreement: Agreement? {
        if case .agreement(let value) = content { return value }
        return nil
    }
    /// The goal references of a session or reflection.
    public var goalReferences: [GoalReference] {
        switch content {
        case .session(let value): return value.goals
        case .reflection(let value): return value.goals
        default: return []
        }
    }
}

/// Where a front-matter key and its value are written.
public struct FieldPlace: Sendable, Equatable {
    /// The key's first character.
    public var key: SourcePosition
    /// The value's first character.
    public var value: SourcePosition
}
