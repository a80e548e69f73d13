import Foundation
import Mustache

/// Escapes journal text for Markdown reports so that it stays text: no emphasis, links, raw
/// HTML, table cells or new blocks can come out of a title.
struct MarkdownContentType {

    func escapeText(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~":
                escaped.append("\\")
                escaped.append(character)
            case "\n", "\r", "\r\n": escaped.append(" ")
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
