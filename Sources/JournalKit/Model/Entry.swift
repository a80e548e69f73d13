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
