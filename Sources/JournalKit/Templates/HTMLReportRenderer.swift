import Foundation
import Mustache

/// `--format html`: one self-contained page with pictures, from `templates/report.html.mustache`.
public struct HTMLReportRenderer: ReportRenderer {
    /// The template in use.
    public let template: ReportTemplate

    /// Renders through `template` (the built-in one unless a journal brings its own).
    public init(template: ReportTemplate) { self.template = template }

    /// The report as an HTML page.
    public func render(_ report: Report) -> String { template.render(report) }
}
