/// What one person committed to the mentorship in the report's window.
public struct ActivityReport: Sendable, Equatable {
    /// The commit author's name.
    public var author: String
    /// The commit author's email.
    public var email: String?
    /// How many commits.
    public var commits: Int
    /// The date of the latest of them.
    public var last: CalendarDate
    /// The entries they added, changed or deleted, relative to the journal root, sorted.
    public var entries: [String]

    /// Creates an activity line.
    public init(author: String, email: String?, commits: Int, last: CalendarDate, entries: [String]) {
        self.author = author
        self.email = email
        self.commits = commits
        self.last = last
        self.entries = entries
    }
}
