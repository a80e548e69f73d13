/// The kinds of file a mentorship holds, named after their folders.
public enum EntryKind: String, Sendable, Hashable, Codable, CaseIterable {
    case agreement, goal, session, reflection, evaluation

    /// What sets one kind apart from another, in one place: to add a kind, add a case and its
    /// row here, its content in `EntryContent` and its fields in `EntryParser.readFields`.
    public struct Spec: Sendable {
        /// The folder entries of this kind live in; nil for `agreement.md`, at the top.
        public var folder: String?
        /// The front-matter keys this kind knows (`fields`); others are flagged when they look
        /// like typos.
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
        let fields = self.fields.map(\.name)
        switch self {
        case .agreement:
            return Spec(
                folder: nil,
                keys: fields,
                statuses: AgreementStatus.allCases.map(\.rawValue), template: "agreement.md",
                cacheTag: 0)
        case .goal:
            return Spec(
                folder: "goals",
                keys: fields,
                statuses: GoalStatus.allCases.map(\.rawValue), template: "goal.md",
                cacheTag: 1)
        case .session:
            return Spec(
                folder: "sessions",
                keys: fields,
                statuses: SessionStatus.allCases.map(\.rawValue), template: "session.md", cacheTag: 2)
        case .reflection:
            return Spec(
                folder: "reflections",
                keys: fields, statuses: [],
                template: "reflection.md", cacheTag: 3)
        case .evaluation:
            return Spec(
                folder: "evaluations", keys: fields, statuses: [],
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
        // Read for every cached entry: a table lookup, not a `spec` built per kind.
        guard let kind = Self.byCacheTag[tag] else { return nil }
        self = kind
    }

    private static let byCacheTag: [Int: EntryKind] = Dictionary(
        uniqueKeysWithValues: allCases.map { ($0.spec.cacheTag, $0) })
}
