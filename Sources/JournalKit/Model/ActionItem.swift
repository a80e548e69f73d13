/// A task-list item in an entry's body: something someone promised to do.
public struct ActionItem: Sendable, Equatable {
    /// The text without checkbox, due-date notation and Tasks fields.
    public var text: String
    /// Its mark: open, in progress, done, cancelled, moved, or a mark journal does not know.
    public var state: ActionState
    /// The first `@handle` in the text, without `@`, as written.
    public var owner: String?
    /// When it is due.
    public var due: CalendarDate?
    /// The file it is in, relative to the journal root.
    public var path: String
    /// Its line in the file.
    public var line: Int
    /// Its column in the file.
    public var column: Int

    /// Whether it still waits to be done here (open, in progress, or an unknown mark).
    public var isOpen: Bool { state.isOpen }

    /// What makes two occurrences in different entries the same item (format.md, "One item,
    /// many entries"): its owner and its text, case and runs of white space folded. The due
    /// notation and Tasks fields are already out of `text`.
    public var identity: String { identity(ownedBy: owner) }

    /// The identity with the owner named as `person` (the role, when the agreement knows the
    /// handle as one of the pair): `@tberg`, `@mentee` and `@theo` are one owner. The owner's
    /// mention is left out of the text, wherever it stands.
    public func identity(ownedBy person: String?) -> String {
        // The reader collapsed runs of white space in `text` already: only case is folded here,
        // and text without a capital or a non-ASCII letter is its own folding.
        Self.folded(person ?? "") + "\u{1F}" + Self.folded(Self.withoutMention(of: owner, in: text))
    }

    /// `text` without the first `@owner` mention (the owner's), spaces around it folded.
    static func withoutMention(of owner: String?, in text: String) -> String {
        guard let owner, let range = text.range(of: "@" + owner) else { return text }
        let after = text[range.upperBound...].first
        if let after, after.isLetter || after.isNumber || after == "_" || after == "-" { return text }
        let rest = (text[..<range.lowerBound] + " " + text[range.upperBound...])
        return rest.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// The identity of an item written `text` after its checkbox, as the reader would see it:
    /// what a merge matches items by across versions of one entry.
    static func identity(ofWritten text: String) -> String {
        let read = ActionItemText.parse(text)
        return ActionItem(
            text: read.text, state: .open, owner: read.owner, due: nil, path: "", line: 0, column: 0
        ).identity
    }

    /// Text as identity compares it: case folded.
    static func foldedText(_ text: String) -> String { folded(text) }

    private static func folded(_ text: String) -> String {
        var text = text
        let plain = text.withUTF8 { bytes in !bytes.contains { ($0 >= 0x41 && $0 <= 0x5A) || $0 >= 0x80 } }
        return plain ? text : text.lowercased()
    }
}

/// The mark of an action item (`[ ]`, `[/]`, `[x]`, `[-]`, `[>]`): the Obsidian Tasks and
/// bullet-journal marks.
public enum ActionState: Sendable, Hashable {
    /// `[ ]`.
    case open
    /// `[/]`: started, still open.
    case inProgress
    /// `[x]` or `[X]`.
    case done
    /// `[-]`: closed without being done.
    case cancelled
    /// `[>]`: closed here; it goes on in a later entry.
    case moved
    /// Any other single character: counted as open, and `action/unknown-status` says so.
    case unknown(Character)

    /// The state a mark stands for.
    public init(mark: Character) {
        switch mark {
        case " ": self = .open
        case "/": self = .inProgress
        case "x", "X": self = .done
        case "-": self = .cancelled
        case ">": self = .moved
        default: self = .unknown(mark)
        }
    }

    /// Whether the item still waits to be done.
    public var isOpen: Bool {
        switch self {
        case .open, .inProgress, .unknown: true
        case .done, .cancelled, .moved: false
        }
    }

    /// The mark as written between the brackets.
    public var mark: Character {
        switch self {
        case .open: " "
        case .inProgress: "/"
        case .done: "x"
        case .cancelled: "-"
        case .moved: ">"
        case .unknown(let mark): mark
        }
    }

    /// `open` or `in-progress` for open items (as cli.md's `state`), else `done`, `cancelled`, `moved`.
    public var name: String {
        switch self {
        case .open, .unknown: "open"
        case .inProgress: "in-progress"
        case .done: "done"
        case .cancelled: "cancelled"
        case .moved: "moved"
        }
    }
}
