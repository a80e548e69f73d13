import Foundation
import Mustache

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
