import Foundation
import Mustache

/// The content type of every report template: values arrive already escaped for the format
/// (`ReportTemplate.escaped`), so `{{value}}` writes them as they are.
struct EscapedContentType: MustacheContentType {
    static let name = "JOURNAL_ESCAPED"
    /// Registers the content type once (a `static let` initialiser runs exactly once).
    static let registered: Bool = {
        MustacheContentTypes.register(EscapedContentType(), named: name)
        return true
    }()

    func escapeText(_ text: String) -> String { text }
}
