/// ANSI styling for terminal output; a no-op when colour is off.
public struct TerminalStyle: Sendable, Equatable {
    /// Whether escape codes are written.
    public var colour: Bool

    /// Creates a style.
    public init(colour: Bool) { self.colour = colour }

    /// The codes this style writes, and no other.
    static let codes = ["0", "1", "2", "31", "32", "33"]

    private func wrap(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// The colour sequence this style writes at the start of `scalars`, if one is there.
    static func sequence(at scalars: Substring.UnicodeScalarView) -> String? {
        for code in codes {
            let sequence = "\u{1B}[\(code)m"
            if scalars.starts(with: sequence.unicodeScalars) { return sequence }
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
