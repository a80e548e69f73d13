/// `journal schema report|list|lint|programme`: JSON Schemas (2020-12) of journal's JSON
/// outputs, for scripts and dashboards that read them. Every key cli.md names is required;
/// objects allow more keys (the contract says more may be added).
public enum OutputSchemas {
    /// The outputs, by the name `journal schema` takes.
    public static let names = ["report", "list", "lint", "programme"]

    public static func schema(_ name: String) -> JSONValue? {
        switch name {
        case "report": report
        case "list": list
        case "lint": lint
        case "programme": programme
        default: nil
        }
    }

    // MARK: - Pieces

    private static let string = JSONValue.object([("type", .string("string"))])
    private static let integer = JSONValue.object([("type", .string("integer"))])
    private static let count = JSONValue.object([("type", .string("integer")), ("minimum", .int(0))])
    private static let position = JSONValue.object([("type", .string("integer")), ("minimum", .int(1))])
    private static let boolean = JSONValue.object([("type", .string("boolean"))])
    private static let date = JSONValue.object([
        ("type", .string("string")), ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")),
    ])

    private static func nullable(_ value: JSONValue) -> JSONValue {
        .object([("anyOf", .array([value, .object([("type", .string("null"))])]))])
    }

    private static func list(of item: JSONValue) -> JSONValue {
        .object([("type", .string("array")), ("items", item)])
    }

    private static func oneOf(_ values: [String]) -> JSONValue {
        .object([("enum", .array(values.map(JSONValue.string)))])
    }

    /// An object with these keys, all required unless named in `optional`.
    private static func object(_ properties: [(String, JSONValue)], optional: Set<String> = []) -> JSONValue {
        .object([
            ("type", .string("object")),
            ("required", .array(properties.map(\.0).filter { !optional.contains($0) }.map(JSONValue.string))),
            ("properties", .object(properties)),
        ])
    }

    private static func document(_ id: String, _ title: String, _ properties: [(String, JSONValue)])
        -> JSONValue
    {
        guard case .object(let pairs) = object(properties) else { return .null }
        return .object(
            [
                ("$schema", .string(EntrySchema.dialect)),
                ("$id", .string("https://journal.invalid/schema/\(id).json")), ("title", .string(title)),
            ] + pairs)
    }

    private static func constant(_ text: String) -> JSONValue { .object([("const", .string(text))]) }

    // MARK: - journal-report/1

    private static let person = object(
        [("name", nullable(string)), ("email", nullable(string)), ("handle", nullable(string))])

    private static let milestone = object([("title", string), ("due", nullable(date))])

    static let overviewRow = object([
        ("id", string), ("path", string), ("pair", string), ("status", string),
        ("attention", oneOf(Attention.allCases.map(\.rawValue))), ("reasons", list(of: string)),
        ("last_session", nullable(date)), ("days_since_last_session", nullable(count)),
        ("next_session_due", nullable(date)), ("cadence", oneOf(CadenceState.allCases.map(\.rawValue))),
        ("days_overdue", count), ("goals_on_track", count), ("goals_active", count),
        ("open_action_items", count), ("overdue_action_items", count),
        ("latest_confidence", nullable(integer)), ("last_reflection", nullable(date)),
        ("evaluations", list(of: string)), ("lint_errors", count),
    ])

    private static let mentorship = object(
        [
            ("id", string), ("path", string), ("status", oneOf(AgreementStatus.allCases.map(\.rawValue))),
            ("mentor", person), ("mentee", person), ("since", nullable(date)), ("cadence", nullable(string)),
            ("cadence_days", nullable(count)), ("last_session", nullable(date)),
            ("days_since_last_session", nullable(count)), ("next_session_due", nullable(date)),
            ("session_overdue", boolean), ("sessions", count),
            (
                "next_session",
                nullable(
                    object(
                        [
                            ("date", date), ("source", oneOf(["planned", "agreed", "cadence"])),
                            ("path", nullable(string)), ("agenda", list(of: string)), ("private", boolean),
                        ], optional: ["private"]))
            ),
            (
                "goals",
                list(
                    of: object([
                        ("id", string), ("title", string), ("status", string), ("target", nullable(date)),
                        ("milestones_done", count), ("milestones_total", count),
                        ("next_milestone", nullable(milestone)), ("overdue_milestones", list(of: milestone)),
                        ("last_activity", nullable(date)),
                    ]))
            ),
            (
                "action_items",
                list(
                    of: object(
                        [
                            ("text", string), ("owner", nullable(string)), ("due", nullable(date)),
                            ("overdue", boolean), ("path", string), ("line", position),
                            ("state", oneOf(["open", "in-progress"])), ("first_seen", nullable(date)),
                            ("private", boolean), ("left_open", boolean),
                        ], optional: ["left_open"]))
            ),
            (
                "reflections",
                list(
                    of: object(
                        [
                            ("path", string), ("date", date), ("author", nullable(string)), ("title", string),
                            ("private", boolean), ("confidence", nullable(integer)),
                            ("questions", list(of: string)), ("wins", list(of: string)),
                            ("obstacles", list(of: string)),
                        ], optional: ["confidence"]))
            ),
            ("agenda", list(of: string)),
            (
                "agenda_items",
                list(
                    of: object([
                        ("text", string),
                        ("kind", oneOf(AgendaItem.Kind.allCases.map(\.rawValue))), ("private", boolean),
                    ]))
            ),
            ("conflicted_files", list(of: string)),
            (
                "unreadable_files",
                list(
                    of: object(
                        [
                            ("path", string), ("line", position), ("column", position), ("rule", string),
                            ("message", string),
                        ], optional: ["column", "message"]))
            ),
            ("lint", object([("errors", count), ("warnings", count)])),
        ], optional: ["cadence"])

    static let report = document(
        "report", "journal report --format json (journal-report/1)",
        [
            ("schema", constant("journal-report/1")), ("today", date), ("mentorships", list(of: mentorship)),
            ("overview", list(of: overviewRow)),
        ])

    // MARK: - journal-list/1

    static let list: JSONValue = {
        let entry = object([
            ("kind", oneOf(EntryKind.allCases.map(\.rawValue))), ("mentorship", string), ("path", string),
            ("date", nullable(date)), ("title", string), ("status", nullable(string)),
            ("goals", list(of: string)), ("private", boolean),
        ])
        let action = object([
            ("mentorship", string), ("text", string), ("owner", nullable(string)), ("due", nullable(date)),
            ("overdue", boolean), ("first_seen", nullable(date)), ("path", string), ("line", position),
            ("state", oneOf(["open", "in-progress"])), ("private", boolean),
        ])
        guard
            case .object(var pairs) = document(
                "list", "journal list --format json (journal-list/1): entries, or actions",
                [
                    ("schema", constant("journal-list/1")), ("entries", list(of: entry)),
                    ("actions", list(of: action)),
                ])
        else { return .null }
        // One of the two lists, as the command lists entries or action items.
        pairs.removeAll { $0.0 == "required" }
        pairs.append(
            (
                "oneOf",
                .array([
                    .object([("required", .array([.string("schema"), .string("entries")]))]),
                    .object([("required", .array([.string("schema"), .string("actions")]))]),
                ])
            ))
        return .object(pairs)
    }()

    // MARK: - journal-lint/1

    static let lint = document(
        "lint", "journal lint --format json (journal-lint/1)",
        [
            ("schema", constant("journal-lint/1")),
            (
                "diagnostics",
                list(
                    of: object([
                        ("rule", string), ("severity", oneOf(Severity.allCases.map(\.rawValue))),
                        ("path", string),
                        ("line", position), ("column", position), ("message", string),
                    ]))
            ),
            (
                "summary",
                object([("files", count), ("errors", count), ("warnings", count), ("infos", count)])
            ),
        ])

    // MARK: - journal-programme/1

    static let programme: JSONValue = {
        let totals = object([
            ("cohort", nullable(string)), ("pairs", count), ("unreadable", count),
            ("attention", object(Attention.allCases.map { ($0.rawValue, count) })),
            ("sessions_last_30_days", count),
            ("sessions_last_90_days", count), ("goals_achieved", count), ("evaluations", count),
        ])
        let pair = object([
            ("name", string), ("url", string), ("cohort", nullable(string)), ("commit", nullable(string)),
            ("committed_on", nullable(date)), ("attention", oneOf(Attention.allCases.map(\.rawValue))),
            ("problem", nullable(string)), ("sessions_last_30_days", count), ("sessions_last_90_days", count),
            ("goals_achieved", count), ("evaluations", count), ("mentorships", list(of: overviewRow)),
        ])
        return document(
            "programme", "journal programme report --format json (journal-programme/1)",
            [
                ("schema", constant("journal-programme/1")), ("today", date), ("as_of", boolean),
                ("totals", list(of: totals)), ("pairs", list(of: pair)),
            ])
    }()
}
