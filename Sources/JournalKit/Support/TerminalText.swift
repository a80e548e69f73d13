/// Text from a journal or from git made safe to print on a terminal.
///
/// A title, a name or a file name can hold escape sequences that retitle, clear or recolour the
/// reader's terminal, or a line break that splits a one-line diagnostic in two. Every text
/// format passes such strings through `line` before printing them: control characters become
/// visible symbols (ESC as ␛, a line feed as ␊), and invisible characters that reorder the text
/// around them are shown as their code point.
public enum TerminalText {
    /// `text` on one line, with every control character made visible.
    public static func line(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsReplacing) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard needsReplacing(scalar) else {
                result.append(scalar)
                continue
            }
            switch scalar.value {
            case 0x00...0x1F:
                // The Control Pictures block has a symbol for each C0 control: ␀ … ␟.
                result.append(Unicode.Scalar(0x2400 + scalar.value) ?? "?")
            case 0x7F:
                result.append("\u{2421}")
            default:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result.append(
                    contentsOf: "<U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex)>"
                        .unicodeScalars)
            }
        }
        return String(result)
    }

    /// Every line of `text` made safe as `line` makes it; the line breaks themselves are kept,
    /// and the marks `TerminalStyle` writes become colour when `keepingStyles` is true (and are
    /// left out otherwise): the one
    /// place where colour is written, so an escape sequence from a journal or from git (an
    /// author's name, a title) is shown, never obeyed, even where a command forgot `line`.
    public static func lines(_ text: String, keepingStyles: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: needsReplacing) else { return text }
        var result = ""
        var pending = ""
        var scalars = text.unicodeScalars[...]
        func flush() {
            result += line(pending)
            pending = ""
        }
        while let scalar = scalars.first {
            if scalar == "\n" {
                flush()
                result += "\n"
                scalars = scalars.dropFirst()
            } else if let style = TerminalStyle.sequence(at: scalars) {
                // A style's mark: colour where styles are kept, else nothing.
                flush()
                if keepingStyles { result += style.escape }
                scalars = scalars.dropFirst(style.length)
            } else {
                pending.unicodeScalars.append(scalar)
                scalars = scalars.dropFirst()
            }
        }
        flush()
        return result
    }

    /// C0 and C1 controls, DEL, the line and paragraph separators, the bidirectional
    /// embeddings, overrides and isolates that can make text read other than it is, and the
    /// noncharacters `TerminalStyle` marks colour with (so that no text can pass for a style).
    static func needsReplacing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0xFDD0...0xFDEF:
            return true
        default: return false
        }
    }
}
