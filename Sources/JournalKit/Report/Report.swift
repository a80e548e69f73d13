/// What the mentor reads before a check-in, for every mentorship in scope.
public struct Report: Sendable, Equatable {
    /// The date every relative fact is computed against.
    public var today: CalendarDate
    /// One section per mentorship, by path.
    public var mentorships: [MentorshipReport]
}

/// The report of one mentorship; field meanings follow cli.md's `journal-report/1`.
public struct MentorshipReport: Sendable, Equatable {
    /// The mentorship id.
    public var id: String
    /// Its folder relative to the journal root.
    public var path: String
    /// The agreement's status.
    public var status: AgreementStatus
    /// The mentor.
    public var mentor: Person
    /// The mentee.
    public var mentee: Person
    /// Start of the window: `--since`, else the last held session's date.
    public var since: CalendarDate?
    /// The cadence as written in the agreement.
    public var cadence: Cadence?
    /// The date of the last held session.
    public var lastSession: CalendarDate?
    /// Days from the last held session to today.
    public var daysSinceLastSession: Int?
    /// When the next session is due.
    public var nextSessionDue: CalendarDate?
    /// Whether today is after `nextSessionDue`.
    public var sessionOverdue: Bool?
    /// Where the next session stands against today, as the builder measured it.
    public var nextSession: NextSession?
    /// How many sessions were held.
    public var sessions: Int
    /// How many sessions were cancelled (not a meeting, but worth knowing).
    public var cancelledSessions: Int
    /// Each goal's standing, by goal file.
    public var goals: [GoalReport]
    /// Open action items, overdue first.
    public var actionItems: [ActionItemReport]
    /// Reflections in the window, oldest first.
    public var reflections: [ReflectionReport]
    /// The suggested agenda for the next check-in.
    public var agenda: [String]
    /// The agreement's review date when it is due (today or earlier).
    public var reviewDue: CalendarDate?
    /// Lint errors in the mentorship.
    public var lintErrors: Int
    /// Lint warnings in the mentorship.
    public var lintWarnings: Int
    /// Commits in the window by author, from git history (filled in by the command, which
    /// reads git; empty outside a repository).
    public var activity: [ActivityReport] = []

    /// Every dated event of the mentorship, for the pictures (not limited to the window); filled by
    /// the journal-wide `ReportBuilder.build`, or by `ReportBuilder.history(of:options:)`.
    public var history = MentorshipHistory()

    /// This mentorship's row of the program overview, measured by the builder.
    public var overview: OverviewRow?

    /// `cadence_days` of the JSON: weekly 7, biweekly 14, monthly 30, N units in days.
    public var cadenceDays: Int? { cadence?.days }
}

/// Where the next session stands against the report's date.
public enum NextSession: Sendable, Equatable {
    /// It was due this many days ago.
    case overdue(days: Int)
    /// It is due on the report's date.
    case today
    /// It is due in this many days.
    case upcoming(days: Int)
}

/// A milestone as the report shows it.
public struct MilestoneReport: Sendable, Equatable {
    /// The milestone's title.
    public var title: String
    /// When it is due.
    public var due: CalendarDate?
    /// Whether it was due before the report's date (and is not done).
    public var overdue: Bool = false
}

/// How one goal stands.
public struct GoalReport: Sendable, Equatable {
    /// The goal id.
    public var id: String
    /// The goal's title.
    public var title: String
    /// Its status.
    public var status: GoalStatus
    /// Its target date.
    public var target: CalendarDate?
    /// Milestones done.
    public var milestonesDone: Int
    /// All milestones.
    public var milestonesTotal: Int
    /// The undone milestone with the earliest due date.
    public var nextMilestone: MilestoneReport?
    /// Undone milestones due before today.
    public var overdueMilestones: [MilestoneReport]
    /// The latest session or reflection naming the goal.
    public var lastActivity: CalendarDate?
    /// An active goal with no overdue milestone and no target passed.
    public var onTrack: Bool = false
}

/// An open action item.
public struct ActionItemReport: Sendable, Equatable {
    /// The text without checkbox and due notation.
    public var text: String
    /// `mentor`, `mentee`, another handle, or nil.
    public var owner: String?
    /// When it is due.
    public var due: CalendarDate?
    /// Whether it is due before today.
    public var overdue: Bool
    /// Days past due (0 when not overdue).
    public var daysOverdue: Int
    /// The file, relative to the journal root.
    public var path: String
    /// The line in the file.
    public var line: Int
}

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
