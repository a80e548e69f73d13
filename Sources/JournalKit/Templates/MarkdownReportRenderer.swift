import Foundation
import Mustache

/// `--format markdown`: a document to paste into meeting notes, from `templates/report.md.mustache`.
public struct MarkdownReportRenderer: ReportRenderer {
    /// The template in use.
    public let template: ReportTemplate

    /// Renders through `template` (the built-in one unless a journal brings its own).
    public init(template: ReportTemplate) { self.template = template }

    /// The report as Markdown.
    public func render(_ report: Report) -> String { template.render(report) }
}
