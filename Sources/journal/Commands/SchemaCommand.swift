import ArgumentParser
import Foundation
import JournalKit

/// `journal schema`: JSON Schema of the entries' front matter.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (2020-12) of an entry kind's front matter, or of every kind.",
        discussion: """
            Made from the same table of keys `journal lint` checks against. Editors that validate \
            YAML front matter against a schema can use it (docs/editors.md shows how).
            Exit codes: 0 printed, 2 bad usage (an unknown kind).
            """)

    @Argument(help: "agreement, goal, session, reflection or evaluation; every kind when absent.")
    var kind: String?

    func validate() throws {
        if let kind, EntryKind(rawValue: kind) == nil {
            throw ValidationError(
                "journal schema wants agreement, goal, session, reflection or evaluation, not `\(kind)`")
        }
    }

    func run() throws {
        print(
            (kind.flatMap(EntryKind.init(rawValue:)).map(EntrySchema.schema(for:)) ?? EntrySchema.all())
                .rendered())
    }
}
