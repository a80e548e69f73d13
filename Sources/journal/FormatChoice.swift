import ArgumentParser
import JournalKit

/// `--format NAME`: a format of the registry (`OutputFormats`), which gives the choices, the
/// help and the check.
struct FormatChoice: ExpressibleByArgument {
    let format: OutputFormat

    init(_ format: OutputFormat) { self.format = format }

    init?(argument: String) {
        guard let format = OutputFormats.named(argument) else { return nil }
        self.format = format
    }

    static var allValueStrings: [String] { OutputFormats.names }

    var defaultValueDescription: String { format.name }

    /// `text`, the default of every command.
    static var text: FormatChoice {
        FormatChoice(OutputFormats.named("text") ?? OutputFormats.all[0])
    }
}
