/// A reflection in the window.
public struct ReflectionReport: Sendable, Equatable {
    /// The file, relative to the journal root.
    public var path: String
    /// Its date.
    public var date: CalendarDate
    /// `mentor`, `mentee` or the handle as written.
    public var author: String?
    /// Its title.
    public var title: String
    /// Whether it is private (only shown with `--include-private`).
    public var isPrivate: Bool
    /// Self-rated confidence, 1 to 5.
    public var confidence: Int?
    /// Questions for the next check-in.
    public var questions: [String]
    /// Wins to celebrate.
    public var wins: [String]
    /// What is in the way.
    public var obstacles: [String]
    /// The reflection's Markdown body, quoted by the HTML report (rendered in safe mode).
    public var body: String = ""
}
