/// One line of the suggested agenda, with where it comes from.
public struct AgendaItem: Sendable, Equatable {
    /// Where a line of the agenda comes from (cli.md's `agenda_items[].kind`).
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case agreed, question, action, milestone, goal, review, evaluation
    }

    /// The line as every format prints it.
    public var text: String
    /// Where it comes from.
    public var kind: Kind
    /// Whether it comes from a private entry (only with `--include-private`): every format marks it,
    /// so that a printed or pasted report never passes a private line off as shared.
    public var isPrivate: Bool
}
