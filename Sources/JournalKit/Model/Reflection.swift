/// A reflection written by either party.
public struct Reflection: Sendable, Equatable {
    /// Role or handle of the author (`mentee` by default).
    public var author: String = "mentee"
    /// The title: `title:`, else the first heading, else the file slug.
    public var title: String = ""
    /// The goals it is about.
    public var goals: [GoalReference] = []
    /// Self-rated progress, 1 to 5.
    public var confidence: Int?
    /// The author's questions for the next check-in.
    public var questions: [String] = []
    /// Wins to celebrate.
    public var wins: [String] = []
    /// What is in the way.
    public var obstacles: [String] = []
}
