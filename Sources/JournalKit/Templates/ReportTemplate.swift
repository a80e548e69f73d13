import Foundation
import Mustache

/// The Mustache template of one report format: the one built into `journal`, or a journal's own.
public struct ReportTemplate: Sendable {
    /// The formats rendered from templates.
    public enum Kind: String, Sendable, CaseIterable {
        case markdown, html

        /// The template's file name, in `templates/` of the source tree or of a journal.
        public var fileName: String {
            switch self {
            case .markdown: return "report.md.mustache"
            case .html: return "report.html.mustache"
            }
        }

        /// The template compiled into the binary.
        public var builtIn: String {
            EmbeddedTemplates.named(fileName)
        }

        /// Journal text as it may appear in this format: every string value of the context is
        /// escaped once, before any template sees it.
        func escape(_ text: String) -> String {
            switch self {
            case .markdown: return MarkdownContentType().escapeText(text)
            case .html: return HTMLText.escape(text)
            }
        }
    }

    /// The format this template renders.
    public let kind: Kind
    private let template: MustacheTemplate

    /// Parses `text` as the template of `kind`; `file` names it in errors.
    public init(_ text: String, kind: Kind, file: String) throws(TemplateError) {
        _ = EscapedContentType.registered
        self.kind = kind
        // A standalone pragma line renders as nothing, so it shifts the user's lines by exactly one.
        let source = "{{% CONTENT_TYPE: \(EscapedContentType.name)}}\n" + text
        do {
            template = try MustacheTemplate(string: source)
        } catch let error as MustacheTemplate.ParserError {
            if case .expectedSectionEnd = error.error as? MustacheTemplate.Error,
                let open = Self.unclosedSection(in: text)
            {
                throw TemplateError(
                    file: file, line: open.line, column: open.column,
                    message: "section `\(open.name)` is never closed (add `{{/\(open.name)}}`)")
            }
            if !(error.error is MustacheTemplate.Error), let open = Self.unfinishedTag(in: text) {
                throw TemplateError(
                    file: file, line: open.line, column: open.column,
                    message: "this `{{` has no closing `}}`")
            }
            throw TemplateError(
                file: file, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber,
                message: Self.describe(error.error, line: error.context.line))
        } catch {
            throw TemplateError(file: file, line: 1, column: 1, message: "\(error)")
        }
    }

    /// The template built into `journal` for `kind`.
    public static func builtIn(_ kind: Kind) throws(TemplateError) -> ReportTemplate {
        try ReportTemplate(kind.builtIn, kind: kind, file: "(built-in) templates/\(kind.fileName)")
    }

    /// The report rendered through this template. Whatever the template says, journal text
    /// comes out escaped (the values are escaped before the template sees them, so `{{{value}}}`,
    /// `{{&value}}` and a pragma changing the content type all give the same escaped text), and an
    /// HTML page starts with a Content-Security-Policy that forbids script and every load from
    /// the network, with no meta refresh or link element of the template's left to get around it.
    public func render(_ report: Report) -> String {
        let context = Self.escaped(ReportTemplateContext.make(report), kind: kind)
        var text = template.render(context)
        if kind == .html { text = HTMLPolicy.enforce(text) }
        while text.hasSuffix("\n\n") { text.removeLast() }
        return text.hasSuffix("\n") ? text : text + "\n"
    }

    /// Context keys whose values are markup journal builds itself (inline SVG pictures, and
    /// Markdown rendered by cmark-gfm in safe mode), passed to the template as they are.
    static let markupKeys: Set<String> = ["timelineSVG", "progressSVG", "confidenceSVG", "bodyHTML"]

    /// Every string of a context tree escaped for `kind`, but the markup journal builds itself.
    static func escaped(_ value: Any, kind: Kind) -> Any {
        // Numbers and flags are most of the leaves: let them through before any costlier cast.
        if value is Int || value is Bool { return value }
        switch value {
        case let text as String:
            return kind.escape(text)
        case let dictionary as [String: Any]:
            var result: [String: Any] = [:]
            result.reserveCapacity(dictionary.count)
            for (key, inner) in dictionary {
                result[key] = kind == .html && markupKeys.contains(key) ? inner : escaped(inner, kind: kind)
            }
            return result
        case let array as [Any]:
            return array.map { escaped($0, kind: kind) }
        default:
            return value
        }
    }

    /// The innermost section left open at the end of `text`: the parser only knows where the text
    /// ran out, while the person needs the line that opened it.
    static func unclosedSection(in text: String) -> (name: String, line: Int, column: Int)? {
        var stack: [(name: String, line: Int, column: Int)] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let tag = rest[open.upperBound...]
                guard let close = tag.range(of: "}}") else { break }
                let body = tag[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                if let sigil = body.first, "#^$<".contains(sigil) {
                    stack.append((body.dropFirst().trimmingCharacters(in: .whitespaces), number + 1, column))
                } else if body.first == "/", !stack.isEmpty {
                    stack.removeLast()
                }
                rest = tag[close.upperBound...]
            }
        }
        return stack.last
    }

    /// The first `{{` not closed by `}}` before the next `{{` or the end of `text`.
    static func unfinishedTag(in text: String) -> (line: Int, column: Int)? {
        var index = text.startIndex
        while let open = text.range(of: "{{", range: index..<text.endIndex) {
            let close = text.range(of: "}}", range: open.upperBound..<text.endIndex)
            let next = text.range(of: "{{", range: open.upperBound..<text.endIndex)
            if close == nil || (next.map { $0.lowerBound < (close?.lowerBound ?? text.endIndex) } ?? false) {
                let before = text[..<open.lowerBound]
                let line = before.filter { $0 == "\n" }.count + 1
                let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
                return (line, text.distance(from: lineStart, to: open.lowerBound) + 1)
            }
            index = close?.upperBound ?? text.endIndex
        }
        return nil
    }

    static func describe(_ error: any Error, line: String) -> String {
        let near = line.trimmingCharacters(in: .whitespaces)
        let excerpt = near.isEmpty ? "" : " near `\(near.prefix(60))`"
        guard let error = error as? MustacheTemplate.Error else {
            return "the template is unfinished (a `{{` without its `}}`?)\(excerpt)"
        }
        switch error {
        case .sectionCloseNameIncorrect:
            return "this closing tag does not match the section it closes\(excerpt)"
        case .unfinishedName: return "a tag is not finished\(excerpt)"
        case .expectedSectionEnd: return "a section is never closed (a `{{#name}}` without its `{{/name}}`)"
        case .invalidSetDelimiter: return "bad set-delimiter tag\(excerpt)"
        case .transformAppliedToInheritanceSection, .illegalTokenInsideInheritSection,
            .textInsideInheritSection:
            return "bad template inheritance\(excerpt)"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable:
            return "unknown pragma (`{{% ... }}`)\(excerpt)"
        }
    }
}
