/// Turns a report model into text for one audience; chosen by `--format`.
public protocol ReportRenderer: Sendable {
    /// The whole output, ending in a newline.
    func render(_ report: Report) -> String
    /// The same output as UTF-8 in pieces, to be written one after the other.
    func renderParts(_ report: Report) -> [[UInt8]]
}

extension ReportRenderer {
    /// One piece: the rendered string.
    public func renderParts(_ report: Report) -> [[UInt8]] { [Array(render(report).utf8)] }
}
