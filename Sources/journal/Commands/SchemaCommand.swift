import ArgumentParser
import Foundation
import JournalKit

/// `journal schema`: JSON Schema of the entries' front matter, and of journal's JSON outputs.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract:
            "Print the JSON Schema (2020-12) of an entry kind's front matter, of every kind, or of a JSON output.",
        discussion: """
            For an entry kind (agreement, goal, session, reflection, evaluation, or none for all): made \
            from the same table of keys `journal lint` checks against; editors that validate YAML front \
            matter against a schema can use it (docs/editors.md shows how). For report, list, lint or \
            programme: the shape of that command's --format json output, for scripts that read it.
            Exit codes: 0 printed, 2 bad usage (an unknown name).
            """)

    @Argument(
        help:
            "agreement, goal, session, reflection or evaluation; report, list, lint or programme; every kind when absent."
    )
    var name: String?

    func validate() throws {
        if let name, EntryKind(rawValue: name) == nil, OutputSchemas.schema(name) == nil {
            throw ValidationError(
                "journal schema wants an entry kind (agreement, goal, session, reflection, evaluation) or an "
                    + "output (\(OutputSchemas.names.joined(separator: ", "))), not `\(name)`")
        }
    }

    func run() throws {
        if let name, let output = OutputSchemas.schema(name) {
            print(output.rendered())
            return
        }
        print(
            (name.flatMap(EntryKind.init(rawValue:)).map(EntrySchema.schema(for:)) ?? EntrySchema.all())
                .rendered())
    }
}
