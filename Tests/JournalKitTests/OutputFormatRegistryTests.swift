import Foundation
import Testing

@testable import JournalKit

/// docs/architecture.md's recipe for a new report format: one value added to the registry, and
/// the settings of the journal and of the person, the choice of format and the programme all
/// take it, with its output made safe for its reader.
@Suite struct OutputFormatRegistryTests {
    /// A tab-separated overview, as a team might add one.
    struct TSVRenderer: ReportRenderer {
        func render(_ report: Report) -> String {
            report.overview.map { "\($0.id)\t\($0.attention.rawValue)\t\($0.pair)" }.joined(separator: "\n")
                + "\n"
        }
    }

    @Test func aFormatAddedToTheRegistryIsAcceptedEverywhere() throws {
        OutputFormats.register(
            OutputFormat(
                name: "tsv", note: "the overview, tab-separated", fileExtension: "tsv", reader: .program,
                report: { _ in TSVRenderer() },
                programme: { report, _ in
                    report.pairs.map { "\($0.pair.displayName)\t\($0.attention.rawValue)" }.joined(
                        separator: "\n") + "\n"
                }))
        #expect(OutputFormats.names.contains("tsv"))
        #expect(OutputFormats.choices().contains("tsv (the overview, tab-separated)"))

        // .journal.yml and the person's config.yml take it, with no problem said.
        let journal = JournalSettings.parse("report:\n  format: tsv\n")
        #expect(journal.reportFormat == "tsv")
        #expect(journal.diagnostics.isEmpty, "\(journal.diagnostics)")
        let person = UserSettings(text: "format: TSV\n", path: "config.yml")
        #expect(person.format == "tsv")
        #expect(person.problems.isEmpty)
        #expect(OutputFormats.chosen(nil, journal: JournalSettings(), person: person).name == "tsv")
        #expect(
            OutputFormats.chosen(nil, journal: journal, person: UserSettings(text: "", path: nil)).name
                == "tsv")
        #expect(OutputFormats.chosen("json", journal: journal, person: person).name == "json")

        // A report in it, as a program reads it; the text format, made safe for a terminal, shows a
        // control character from a journal instead of sending it.
        let files = [
            "agreement.md":
                "---\nmentor: Dana <d@example.org>\nmentee: \"Theo \\e[31mRed <t@example.org>\"\nstarted: 2026-09-01\ncadence: weekly\n---\n",
            "sessions/2026-10-05.md": "---\ndate: 2026-10-05\n---\n",
        ]
        let loaded = JournalLoader.load(
            source: MemorySource(files: files.mapValues { Array($0.utf8) }),
            root: URL(fileURLWithPath: "/pair"))
        #expect(loaded.allDiagnostics.isEmpty, "\(loaded.allDiagnostics)")
        let day = CalendarDate("2026-10-20") ?? CalendarDate(dayNumber: 0)
        let report = ReportBuilder.build(
            loaded.mentorships, diagnostics: [], options: ReportOptions(today: day))
        let format = try #require(OutputFormats.named("tsv"))
        let tsv = format.finish(
            try format.report(OutputFormat.Context(style: TerminalStyle(colour: false))).render(report))
        #expect(
            tsv.hasPrefix("pair\tok\tTheo \u{1B}[31mRed with Dana") || tsv.contains("\t"),
            "\(tsv.debugDescription)")
        let textFormat = try #require(OutputFormats.named("text"))
        let text = textFormat.finish(
            try textFormat.report(OutputFormat.Context(style: TerminalStyle(colour: false))).render(report))
        #expect(text.contains("Theo"), "\(text)")
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B }, "\(text.debugDescription)")

        // The programme renders it through the same registry.
        let programme = ProgrammeReport.build([], today: day, asOf: false)
        #expect(try ProgrammeRenderer().render(programme, as: format) != nil)
        #expect(
            try ProgrammeRenderer().render(programme, as: format, details: report) == nil,
            "no --details for it")
    }
}
