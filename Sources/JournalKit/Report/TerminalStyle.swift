/// ANSI styling for terminal output; a no-op when colour is off.
///
/// A style is not written as an escape sequence but as a mark of its own (Unicode noncharacters,
/// which no journal text keeps: `TerminalText.line` shows them as code points). The one writer
/// of terminal output, `TerminalText.lines(_:keepingStyles:)`, turns these marks, and nothing
/// else, into colour; every escape byte from a journal or from git is shown, never obeyed,
/// whichever path it took to the output.
public struct TerminalStyle: Sendable, Equatable {
    /// Whether escape codes are written.
    public var colour: Bool

    /// Creates a style.
    public init(colour: Bool) { self.colour = colour }

    /// The codes this style writes, and no other.
    static let codes = ["0", "1", "2", "31", "32", "33"]

    /// The mark that opens a style (followed by its code and `codeEnd`), and the one that ends it.
    static let open = mark(0xFDD0)
    static let codeEnd = mark(0xFDD1)
    static let reset = mark(0xFDD2)
    /// Noncharacters are valid scalars, though Swift takes none as a literal.
    private static func mark(_ value: UInt32) -> Unicode.Scalar { Unicode.Scalar(value) ?? "\u{FFFD}" }

    private func wrap(_ text: String, _ code: String) -> String {
        colour ? "\(Self.open)\(code)\(Self.codeEnd)\(text)\(Self.reset)" : text
    }

    /// The mark of a style at the start of `scalars`: the escape sequence it stands for, and how
    /// many scalars the mark takes. Nil when no well-formed mark of a known code is there.
    static func sequence(at scalars: Substring.UnicodeScalarView) -> (escape: String, length: Int)? {
        if scalars.first == reset { return ("\u{1B}[0m", 1) }
        guard scalars.first == open else { return nil }
        for code in codes {
            let mark = "\(open)\(code)\(codeEnd)"
            if scalars.starts(with: mark.unicodeScalars) {
                return ("\u{1B}[\(code)m", mark.unicodeScalars.count)
            }
        }
        return nil
    }
    /// Bold text.
    public func bold(_ text: String) -> String { wrap(text, "1") }
    /// Dimmed text.
    public func dim(_ text: String) -> String { wrap(text, "2") }
    /// Red text, for what is late or wrong.
    public func red(_ text: String) -> String { wrap(text, "31") }
    /// Yellow text, for warnings.
    public func yellow(_ text: String) -> String { wrap(text, "33") }
    /// Green text, for what is on track.
    public func green(_ text: String) -> String { wrap(text, "32") }
}
