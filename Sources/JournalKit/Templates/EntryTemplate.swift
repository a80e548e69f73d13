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

/// Values written into YAML front matter by templates.
public enum YAMLText {
    /// `text` as a double-quoted YAML scalar (JSON's string syntax is valid YAML).
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF
                {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A flow list of plain ids: `[speaking, rust]`, quoting any id YAML would misread.
    public static func list(_ items: [String]) -> String {
        let plain = items.map { item in
            item.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
                && !item.isEmpty ? item : quoted(item)
        }
        return "[" + plain.joined(separator: ", ") + "]"
    }
}

/// File-name slugs made from titles that people type.
public enum Slug {
    /// The longest slug written.
    public static let maxLength = 60

    /// `title` as lower-case ASCII letters, digits and single hyphens, at most 60 characters,
    /// with no path separator, dot or leading hyphen; nil when nothing of it survives (an
    /// emoji-only title).
    public static func make(_ title: String) -> String? {
        // Latin transliteration first so that "Überblick" and "Ελληνικά" keep their letters.
        let latin = title.applyingTransform(.toLatin, reverse: false) ?? title
        let folded = latin.folding(
            options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            let character = Character(scalar)
            if scalar.isASCII, character.isLetter || character.isNumber {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.append(contentsOf: character.lowercased())
            } else if scalar.isASCII || scalar.properties.isWhitespace || scalar.properties.isDash {
                pendingHyphen = true
            }
        }
        if slug.count > maxLength {
            slug = String(slug.prefix(maxLength))
            // Cutting at a word boundary reads better when there is one late enough.
            if let cut = slug.lastIndex(of: "-"),
                slug.distance(from: slug.startIndex, to: cut) >= maxLength / 2
            {
                slug = String(slug[..<cut])
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? nil : slug
    }
}
