/// Every dated event of one mentorship: what the timeline and the confidence chart are drawn from.
public struct MentorshipHistory: Sendable, Equatable {
    /// When the agreement says the mentorship started.
    public var started: CalendarDate?
    /// When the agreement says it ends.
    public var ends: CalendarDate?
    /// Every dated session (held, cancelled, rescheduled), oldest first.
    public var sessions: [SessionEvent] = []
    /// Every dated reflection, oldest first (private ones only with `--include-private`).
    public var reflections: [ReflectionEvent] = []
    /// Every milestone of every goal, in goal order then as written.
    public var milestones: [MilestoneEvent] = []
    /// The date the events are measured against: the report's "today".
    public var asOf = CalendarDate(dayNumber: 0)

    /// Creates an empty history.
    public init(
        started: CalendarDate? = nil, ends: CalendarDate? = nil, sessions: [SessionEvent] = [],
        reflections: [ReflectionEvent] = [], milestones: [MilestoneEvent] = []
    ) {
        self.started = started
        self.ends = ends
        self.sessions = sessions
        self.reflections = reflections
        self.milestones = milestones
    }
}

/// A session on the timeline.
public struct SessionEvent: Sendable, Equatable {
    /// Its date.
    public var date: CalendarDate
    /// Whether it took place.
    public var status: SessionStatus
    /// The file, relative to the journal root.
    public var path: String
    /// A session written ahead: held status, dated after the report's date.
    public var planned = false
}

/// A reflection on the timeline.
public struct ReflectionEvent: Sendable, Equatable {
    /// Its date.
    public var date: CalendarDate
    /// `mentor`, `mentee` or the handle as written.
    public var author: String?
    /// Its title.
    public var title: String
    /// Self-rated confidence, 1 to 5.
    public var confidence: Int?
    /// Whether it is private.
    public var isPrivate: Bool
    /// The file, relative to the journal root.
    public var path: String
}

/// A milestone on the timeline.
public struct MilestoneEvent: Sendable, Equatable {
    /// The goal it belongs to.
    public var goalID: String
    /// The goal's title.
    public var goalTitle: String
    /// What the step is.
    public var title: String
    /// When it is due.
    public var due: CalendarDate?
    /// Whether it is done.
    public var done: Bool
    /// The day it was done, when the goal file says.
    public var doneOn: CalendarDate?
    /// Not done and due before the report's date.
    public var overdue = false
}

extension ReportBuilder {
    /// The dated events of `mentorship` as the options let the reader see them.
    public static func history(of mentorship: Mentorship, options: ReportOptions) -> MentorshipHistory {
        let agreement = mentorship.agreement
        let visible = mentorship.entries.filter { options.includePrivate || !$0.isPrivate }
        func role(_ name: String?) -> String? {
            guard let name, !name.isEmpty else { return nil }
            let lowered = name.lowercased()
            if lowered == "mentor" || lowered == agreement.mentor?.handle?.lowercased() { return "mentor" }
            if lowered == "mentee" || lowered == agreement.mentee?.handle?.lowercased() { return "mentee" }
            return name
        }
        let sessions = visible.compactMap { entry -> SessionEvent? in
            guard let session = entry.session, let date = entry.date else { return nil }
            return SessionEvent(
                date: date, status: session.status, path: entry.path,
                planned: session.status == .held && date > options.today)
        }.sorted { ($0.date, $0.path) < ($1.date, $1.path) }
        let reflections = visible.compactMap { entry -> ReflectionEvent? in
            guard let reflection = entry.reflection, let date = entry.date else { return nil }
            return ReflectionEvent(
                date: date, author: role(reflection.author), title: reflection.title,
                confidence: reflection.confidence, isPrivate: entry.isPrivate, path: entry.path)
        }.sorted { ($0.date, $0.path) < ($1.date, $1.path) }
        let milestones = mentorship.goals.compactMap(\.goal).flatMap { goal in
            goal.milestones.map {
                MilestoneEvent(
                    goalID: goal.id, goalTitle: goal.title, title: $0.title, due: $0.due, done: $0.done,
                    doneOn: $0.doneOn, overdue: !$0.done && ($0.due.map { $0 < options.today } ?? false))
            }
        }
        var history = MentorshipHistory(
            started: agreement.started, ends: agreement.ends, sessions: sessions, reflections: reflections,
            milestones: milestones)
        history.asOf = options.today
        return history
    }
}

/// One row of the program overview: how a mentorship stands at a glance.
public struct OverviewRow: Sendable, Equatable {
    /// The mentorship id.
    public var id: String
    /// Its folder relative to the journal root.
    public var path: String
    /// "Mentee with Mentor".
    public var pair: String
    /// The agreement's status.
    public var status: AgreementStatus
    /// The date of the last held session.
    public var lastSession: CalendarDate?
    /// Days from the last held session to today.
    public var daysSinceLastSession: Int?
    /// When the next session is due.
    public var nextSessionDue: CalendarDate?
    /// `kept`, `overdue` or `none` (no session held yet).
    public var cadence: String
    /// Days the next session is overdue (0 unless `cadence` is `overdue`).
    public var daysOverdue: Int
    /// Active goals with no overdue milestone and no passed target.
    public var goalsOnTrack: Int
    /// Active goals.
    public var goalsActive: Int
    /// Open action items.
    public var openActionItems: Int
    /// Open action items past their due date.
    public var overdueActionItems: Int
    /// Lint errors.
    public var lintErrors: Int
}

extension MentorshipReport {
    /// The name a report gives a person: the name, else the handle.
    static func displayName(_ person: Person) -> String { person.name ?? person.handle ?? "?" }

    /// "Mentee with Mentor", as every format titles a mentorship.
    public var pair: String { "\(Self.displayName(mentee)) with \(Self.displayName(mentor))" }

    /// Whether an active goal is on track on `today`: nothing overdue and its target not passed.
    func isOnTrack(_ goal: GoalReport, today: CalendarDate) -> Bool {
        goal.overdueMilestones.isEmpty && (goal.target.map { $0 >= today } ?? true)
    }

    /// This mentorship's row of the program overview.
    public func overviewRow(today: CalendarDate) -> OverviewRow {
        let active = goals.filter { $0.status == .active }
        let cadenceState: String
        var daysOverdue = 0
        switch (lastSession, sessionOverdue) {
        case (nil, _): cadenceState = "none"
        case (_, true?):
            cadenceState = "overdue"
            daysOverdue = nextSessionDue.map { $0.days(to: today) } ?? 0
        default: cadenceState = "kept"
        }
        return OverviewRow(
            id: id, path: path, pair: pair, status: status, lastSession: lastSession,
            daysSinceLastSession: daysSinceLastSession, nextSessionDue: nextSessionDue, cadence: cadenceState,
            daysOverdue: daysOverdue, goalsOnTrack: active.filter { isOnTrack($0, today: today) }.count,
            goalsActive: active.count, openActionItems: actionItems.count,
            overdueActionItems: actionItems.filter(\.overdue).count, lintErrors: lintErrors)
    }
}

extension Report {
    /// One row per mentorship, in report order, as the builder measured them.
    public var overview: [OverviewRow] { mentorships.map { $0.overview ?? $0.overviewRow(today: today) } }

    /// Whether the formats for people open with the overview table: several mentorships in scope.
    public var showsOverview: Bool { mentorships.count > 1 }
}

extension JSONReportRenderer {
    /// The `overview` array of `journal-report/1`.
    static func overview(_ report: Report) -> JSONValue {
        .array(
            report.overview.map { row in
                .object([
                    ("id", .string(row.id)),
                    ("path", .string(row.path)),
                    ("pair", .string(row.pair)),
                    ("status", .string(row.status.rawValue)),
                    ("last_session", .date(row.lastSession)),
                    ("days_since_last_session", .optional(row.daysSinceLastSession)),
                    ("next_session_due", .date(row.nextSessionDue)),
                    ("cadence", .string(row.cadence)),
                    ("days_overdue", .int(row.daysOverdue)),
                    ("goals_on_track", .int(row.goalsOnTrack)),
                    ("goals_active", .int(row.goalsActive)),
                    ("open_action_items", .int(row.openActionItems)),
                    ("overdue_action_items", .int(row.overdueActionItems)),
                    ("lint_errors", .int(row.lintErrors)),
                ])
            })
    }

    /// The `history` object of a mentorship: the dated events the pictures are drawn from.
    static func history(_ history: MentorshipHistory, into w: inout JSONWriter) {
        w.object { w in
            w.member("started", history.started)
            w.member("ends", history.ends)
            w.key("sessions")
            w.array(history.sessions) { w, session in
                w.object { w in
                    w.member("date", session.date)
                    w.member("status", session.status.rawValue)
                    w.member("path", session.path)
                }
            }
            w.key("reflections")
            w.array(history.reflections) { w, reflection in
                w.object { w in
                    w.member("date", reflection.date)
                    w.member("author", reflection.author)
                    w.member("title", reflection.title)
                    w.member("confidence", reflection.confidence)
                    w.member("private", reflection.isPrivate)
                    w.member("path", reflection.path)
                }
            }
            w.key("milestones")
            w.array(history.milestones) { w, milestone in
                w.object { w in
                    w.member("goal", milestone.goalID)
                    w.member("title", milestone.title)
                    w.member("due", milestone.due)
                    w.member("done", milestone.done)
                    w.member("done_on", milestone.doneOn)
                }
            }
        }
    }
}
