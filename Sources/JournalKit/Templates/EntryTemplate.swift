import Foundation
import Mustache

/// A Mustache template for a new entry: built in, or the journal's own `templates/<kind>.md`.
public struct EntryTemplate: Sendable {
    /// The kind of file the template writes.
    public let kind: EntryKind
    /// Where the template came from, for messages: `(built-in) templates/goal.md` or a path.
    public let source: String
    private let template: MustacheTemplate

    /// Parses `text`; `source` names it in errors.
    public init(_ text: String, kind: EntryKind, source: String) throws(TemplateError) {
        self.kind = kind
        self.source = source
        // TEXT: entries are Markdown and YAML, where HTML escaping would corrupt `<email>` and `&`.
        let pragma = "{{% CONTENT_TYPE: TEXT}}\n"
        do {
            template = try MustacheTemplate(string: pragma + text)
        } catch let error as MustacheTemplate.ParserError {
            throw TemplateError(
                file: source, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber,
                message: ReportTemplate.describe(error.error, line: error.context.line))
        } catch {
            throw TemplateError(file: source, line: 1, column: 1, message: "\(error)")
        }
    }

    /// The file name of the template of `kind`, in `templates/`.
    public static func fileName(_ kind: EntryKind) -> String { kind.spec.template }

    /// The template compiled into the binary for `kind`.
    public static func builtInText(_ kind: EntryKind) -> String { EmbeddedTemplates.named(fileName(kind)) }

    /// The journal's own `templates/<kind>.md` when there is one, else the built-in template.
    public static func load(_ kind: EntryKind, root: URL) throws(TemplateError) -> EntryTemplate {
        let file = root.appendingPathComponent("templates").appendingPathComponent(fileName(kind))
        if FileManager.default.fileExists(atPath: file.path) {
            guard let data = FileManager.default.contents(atPath: file.path),
                let text = String(data: data, encoding: .utf8)
            else {
                throw TemplateError(
                    file: "templates/\(fileName(kind))", line: 1, column: 1,
                    message: "cannot read this template as UTF-8 text")
            }
            return try EntryTemplate(text, kind: kind, source: "templates/\(fileName(kind))")
        }
        return try EntryTemplate(
            builtInText(kind), kind: kind, source: "(built-in) templates/\(fileName(kind))")
    }

    /// The entry's text for the values in `context`, ending in exactly one newline.
    public func render(_ context: [String: Any]) -> String {
        var text = template.render(context)
        while text.hasPrefix("\n") { text.removeFirst() }
        while text.hasSuffix("\n\n") { text.removeLast() }
        return text.hasSuffix("\n") ? text : text + "\n"
    }
}

extension EntryTemplate {
    /// A rendered entry with its body replaced by `body` (text piped into `journal new`): the
    /// front matter stays, filled in, and the piped words follow it as written.
    public static func replacingBody(of rendered: String, with body: String) -> String {
        var text = body
        if !text.hasSuffix("\n") { text += "\n" }
        let source = SourceText(rendered)
        guard source.state == .present else { return text }
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        let front = lines.prefix(max(0, source.bodyFirstLine - 1)).joined(separator: "\n")
        return front + "\n\n" + text
    }
}
