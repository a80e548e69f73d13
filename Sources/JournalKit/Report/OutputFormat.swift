import Foundation

/// An output format of `journal report` and `journal programme report`. The registry
/// (`OutputFormats`) is the one list the command line's choices and help, the settings' check
/// (`report.format` in .journal.yml, `format` in the person's config.yml) and the programme all
/// derive from: adding a format is adding one value here.
public struct OutputFormat: Sendable {
    /// Who reads the output, which decides how it is made safe.
    public enum Reader: Sendable, Equatable {
        /// A person at a terminal: no control character from a journal gets through; colour kept.
        case terminal
        /// A person in an editor or a viewer: no control character, no colour.
        case editor
        /// A program or a browser: the bytes as the renderer wrote them (escaped by it).
        case program
    }

    /// What the renderers of a report may need from the command: the terminal's style, and the
    /// journal's templates (its own `templates/` else the built-in ones).
    public struct Context {
        public var style: TerminalStyle
        public var template: (ReportTemplate.Kind) throws -> ReportTemplate

        public init(
            style: TerminalStyle,
            template: @escaping (ReportTemplate.Kind) throws -> ReportTemplate = {
                try ReportTemplate.builtIn($0)
            }
        ) {
            self.style = style
            self.template = template
        }
    }

    /// The name `--format` and the settings take.
    public var name: String
    /// A few words for the help, when the name alone does not say it ("the overview alone").
    public var note: String?
    /// The extension of a file of this format.
    public var fileExtension: String
    public var reader: Reader
    /// The renderer of a mentorship report.
    public var report: @Sendable (Context) throws -> any ReportRenderer
    /// The programme report in this format; nil when the programme does not offer it.
    public var programme: (@Sendable (ProgrammeReport, ProgrammeRenderer) -> String)?
    /// The programme report followed by each pair's own report (`--details`); nil when this
    /// format does not offer it.
    public var programmeDetails: (@Sendable (ProgrammeReport, Report, ProgrammeRenderer) throws -> String)?

    public init(
        name: String, note: String? = nil, fileExtension: String, reader: Reader,
        report: @escaping @Sendable (Context) throws -> any ReportRenderer,
        programme: (@Sendable (ProgrammeReport, ProgrammeRenderer) -> String)? = nil,
        programmeDetails: (@Sendable (ProgrammeReport, Report, ProgrammeRenderer) throws -> String)? = nil
    ) {
        self.name = name
        self.note = note
        self.fileExtension = fileExtension
        self.reader = reader
        self.report = report
        self.programme = programme
        self.programmeDetails = programmeDetails
    }

    /// The output as it leaves journal, made safe for its reader.
    public func finish(_ text: String) -> String {
        reader == .program ? text : TerminalText.lines(text, keepingStyles: reader == .terminal)
    }

    /// The same, for output written in parts.
    public func finish(_ parts: [[UInt8]]) -> [[UInt8]] {
        guard reader != .program else { return parts }
        return parts.map { Array(finish(String(decoding: $0, as: UTF8.self)).utf8) }
    }
}

/// The registry of output formats: the built-in five, and any registered after them.
public enum OutputFormats {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var registered: [OutputFormat] = builtIn

    /// Every format, in the order the help lists them.
    public static var all: [OutputFormat] { lock.withLock { registered } }

    /// Their names.
    public static var names: [String] { all.map(\.name) }

    /// The format called `name` (in any case), if any.
    public static func named(_ name: String) -> OutputFormat? {
        let lowered = name.lowercased()
        return all.first { $0.name == lowered }
    }

    /// "text, markdown, html, json or csv (the overview alone)", for help and messages.
    public static func choices(notes: Bool = true, where include: (OutputFormat) -> Bool = { _ in true })
        -> String
    {
        let words = all.filter(include).map { $0.name + (notes ? $0.note.map { " (\($0))" } ?? "" : "") }
        guard let last = words.last else { return "" }
        return words.count == 1 ? last : words.dropLast().joined(separator: ", ") + " or " + last
    }

    /// The format a report comes in: the one asked for, else the journal's `report.format`, else
    /// the person's `format`, else text.
    public static func chosen(_ asked: String?, journal: JournalSettings, person: UserSettings)
        -> OutputFormat
    {
        for name in [asked, journal.reportFormat, person.format].compactMap({ $0 }) {
            if let format = named(name) { return format }
        }
        return named("text") ?? all[0]
    }

    /// Adds `format`, or replaces the one of the same name.
    public static func register(_ format: OutputFormat) {
        lock.withLock {
            if let index = registered.firstIndex(where: { $0.name == format.name }) {
                registered[index] = format
            } else {
                registered.append(format)
            }
        }
    }

    static let builtIn: [OutputFormat] = [
        OutputFormat(
            name: "text", fileExtension: "txt", reader: .terminal,
            report: { TextReportRenderer(style: $0.style) },
            programme: { $1.text($0) },
            programmeDetails: { $2.text($0) + "\n" + TextReportRenderer(style: $2.style).render($1) }),
        OutputFormat(
            name: "markdown", fileExtension: "md", reader: .editor,
            report: { MarkdownReportRenderer(template: try $0.template(.markdown)) },
            programme: { $1.markdown($0) },
            programmeDetails: { programme, report, renderer in
                renderer.markdown(programme) + "\n"
                    + MarkdownReportRenderer(template: try ReportTemplate.builtIn(.markdown)).render(report)
            }),
        OutputFormat(
            name: "html", fileExtension: "html", reader: .program,
            report: { HTMLReportRenderer(template: try $0.template(.html)) },
            programme: { $1.html($0) }),
        OutputFormat(
            name: "json", fileExtension: "json", reader: .program, report: { _ in JSONReportRenderer() },
            programme: { $1.json($0).rendered() + "\n" },
            programmeDetails: { programme, report, renderer in
                "{\"programme\": \(renderer.json(programme).rendered()),\n\"details\": "
                    + JSONReportRenderer().render(report) + "}\n"
            }),
        OutputFormat(
            name: "csv", note: "the overview alone", fileExtension: "csv", reader: .program,
            report: { _ in CSVOverviewRenderer() }, programme: { $1.csv($0) }),
    ]
}
