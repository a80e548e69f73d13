import Foundation

/// `journal schema`: JSON Schema 2020-12 of each kind's front matter, made from the same table
/// the linter knows its keys from (`EntryKind.fields`, `EntryKind.spec.statuses`). Values are
/// described as a YAML 1.2 reader gives them (`2026-11-20` is text, `3` a number, `true` a
/// boolean). A key the table does not know is refused (`additionalProperties: false`): every key
/// lint warns about (`field/unknown`, a misspelling of a known key) and also a key of the pair's
/// own that lint lets pass (docs/editors.md says so).
public enum EntrySchema {
    public static let dialect = "https://json-schema.org/draft/2020-12/schema"

    /// The schema of one kind's front matter.
    public static func schema(for kind: EntryKind) -> JSONValue {
        .object([("$schema", .string(dialect))] + body(for: kind))
    }

    /// One schema holding every kind under `$defs`, valid for the front matter of any of them.
    public static func all() -> JSONValue {
        .object([
            ("$schema", .string(dialect)),
            ("$id", .string("https://journal.invalid/schema/entry.json")),
            ("title", .string("The front matter of a journal entry")),
            (
                "anyOf",
                .array(EntryKind.allCases.map { .object([("$ref", .string("#/$defs/\($0.rawValue)"))]) })
            ),
            ("$defs", .object(EntryKind.allCases.map { ($0.rawValue, .object(body(for: $0))) })),
        ])
    }

    private static func body(for kind: EntryKind) -> [(String, JSONValue)] {
        let fields = kind.fields
        var properties: [(String, JSONValue)] = []
        for field in fields {
            var value = schema(of: field.value, kind: kind)
            // An empty value (`key:`) reads as absent, which only a required key may not be.
            if !field.required {
                value = .object([("anyOf", .array([value, .object([("type", .string("null"))])]))])
            }
            guard case .object(var pairs) = value else { continue }
            pairs.insert(("description", .string(field.summary)), at: 0)
            properties.append((field.name, .object(pairs)))
        }
        return [
            ("$id", .string("https://journal.invalid/schema/\(kind.rawValue).json")),
            ("title", .string("The front matter of a journal \(kind.rawValue)")),
            ("type", .string("object")),
            ("required", .array(fields.filter(\.required).map { .string($0.name) })),
            ("properties", .object(properties)),
            ("additionalProperties", .bool(false)),
        ]
    }

    private static let text = JSONValue.object([
        ("type", .array([.string("string"), .string("number"), .string("boolean")]))
    ])

    private static let date = JSONValue.object([
        ("type", .string("string")), ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")),
        ("format", .string("date")),
    ])

    private static func textOrList(of item: JSONValue) -> JSONValue {
        .object([
            ("anyOf", .array([item, .object([("type", .string("array")), ("items", item)])]))
        ])
    }

    static func schema(of value: FieldSpec.Value, kind: EntryKind) -> JSONValue {
        switch value {
        case .text:
            return text
        case .slug:
            return .object([("type", .string("string")), ("pattern", .string("^[a-z0-9]+(-[a-z0-9]+)*$"))])
        case .date:
            return date
        case .person:
            let written = JSONValue.object([
                ("type", .string("string")),
                ("pattern", .string("^[^<>]+$|^[^<>]*<[^<>\\s]+@[^<>\\s]+>\\s*$")),
            ])
            let mapping = JSONValue.object([
                ("type", .string("object")),
                (
                    "properties",
                    .object([
                        ("name", text), ("email", .object([("type", .string("string"))])), ("handle", text),
                    ])
                ),
                (
                    "anyOf",
                    .array([
                        .object([("required", .array([.string("name")]))]),
                        .object([("required", .array([.string("handle")]))]),
                    ])
                ),
            ])
            return .object([("anyOf", .array([written, mapping]))])
        case .status:
            return .object([("enum", .array(kind.spec.statuses.map(JSONValue.string)))])
        case .cadence:
            return .object([
                ("type", .string("string")),
                (
                    "pattern",
                    .string(
                        "^\\s*([Ww][Ee][Ee][Kk][Ll][Yy]|[Bb][Ii][Ww][Ee][Ee][Kk][Ll][Yy]|[Mm][Oo][Nn][Tt][Hh][Ll][Yy]"
                            + "|[Ee][Vv][Ee][Rr][Yy]\\s+[0-9]*[1-9][0-9]*\\s+([Dd][Aa][Yy]|[Ww][Ee][Ee][Kk]|[Mm][Oo][Nn][Tt][Hh])[Ss]?)\\s*$"
                    )
                ),
            ])
        case .duration:
            return .object([
                (
                    "anyOf",
                    .array([
                        .object([("type", .string("integer")), ("minimum", .int(1))]),
                        .object([
                            ("type", .string("string")),
                            ("pattern", .string("^\\s*([0-9]+|[0-9]+[Hh]([0-9]+[Mm])?|[0-9]+[Mm])\\s*$")),
                        ]),
                    ])
                )
            ])
        case .boolean:
            return .object([("type", .string("boolean"))])
        case .goals:
            return textOrList(of: text)
        case .texts:
            return textOrList(of: .object([("anyOf", .array([text, .object([("type", .string("null"))])]))]))
        case .milestones:
            let done = JSONValue.object([("anyOf", .array([.object([("type", .string("boolean"))]), date]))])
            let milestone = JSONValue.object([
                ("type", .string("object")),
                ("required", .array([.string("title")])),
                ("properties", .object([("title", text), ("due", date), ("done", done)])),
            ])
            return .object([("type", .string("array")), ("items", milestone)])
        case .confidence:
            return .object([("type", .string("integer")), ("minimum", .int(1)), ("maximum", .int(5))])
        case .time:
            return .object([
                ("type", .string("string")), ("pattern", .string("^\\s*([01]?[0-9]|2[0-3]):[0-5][0-9]\\s*$")),
            ])
        case .timezone:
            return .object([
                ("type", .string("string")), ("pattern", .string("^(UTC|[A-Za-z_]+(/[A-Za-z0-9_+-]+)+)$")),
            ])
        case .kind:
            let name = kind.rawValue
            return .object([
                ("enum", .array([name, name.capitalized, name.uppercased()].map(JSONValue.string)))
            ])
        }
    }
}
