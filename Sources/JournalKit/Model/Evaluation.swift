/// An end-of-mentorship evaluation by one party.
public struct Evaluation: Sendable, Equatable {
    /// Role or handle of the author.
    public var author: String?
}
