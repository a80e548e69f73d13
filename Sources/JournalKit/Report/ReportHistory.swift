extension ReportBuilder {
    /// The dated events of `mentorship` as the options let the reader see them.
    public static func history(of mentorship: Mentorship, options: ReportOptions) -> MentorshipHistory {
        let agreement = mentorship.agreement
        // As of today, and without files holding conflict markers, as every fact of the report.
        let visible = mentorship.entries.filter {
            (options.includePrivate || !$0.isPrivate) && !$0.hasConflictMarkers
                && $0.isFact(asOf: options.today)
        }
        let sessions = visible.compactMap { entry -> SessionEvent? in
            guard let session = entry.session, let date = entry.date else { return nil }
            return SessionEvent(
                date: date, status: session.status, path: entry.path,
                planned: entry.isPlannedSession(asOf: options.today), next: session.next)
        }.sorted { ($0.date, $0.path) < ($1.date, $1.path) }
        let reflections = visible.compactMap { entry -> ReflectionEvent? in
            guard let reflection = entry.reflection, let date = entry.date else { return nil }
            return ReflectionEvent(
                date: date, author: agreement.side(reflection.author), title: reflection.title,
                confidence: reflection.confidence, isPrivate: entry.isPrivate, path: entry.path)
        }.sorted { ($0.date, $0.path) < ($1.date, $1.path) }
        let isOver = agreement.status.isOver
        let milestones = visible.compactMap(\.goal).flatMap { goal in
            goal.milestones.map {
                MilestoneEvent(
                    goalID: goal.id, goalTitle: goal.title, title: $0.title, due: $0.due, done: $0.done,
                    doneOn: $0.doneOn,
                    overdue: !isOver && !$0.done && ($0.due.map { $0 < options.today } ?? false))
            }
        }
        var history = MentorshipHistory(
            started: agreement.started, ends: agreement.ends, sessions: sessions, reflections: reflections,
            milestones: milestones)
        history.asOf = options.today
        return history
    }
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

    /// This mentorship's row of the program overview, with how much it needs attention and why.
    public func overviewRow(today: CalendarDate) -> OverviewRow {
        let active = goals.filter { $0.status == .active }
        let cadenceState: CadenceState
        var daysOverdue = 0
        switch (lastSession, sessionOverdue) {
        case (nil, _): cadenceState = .none
        case (_, true):
            cadenceState = .overdue
            daysOverdue = nextSessionDue.map { $0.days(to: today) } ?? 0
        default: cadenceState = .kept
        }
        var row = OverviewRow(
            id: id, path: path, pair: pair, status: status, lastSession: lastSession,
            daysSinceLastSession: daysSinceLastSession, nextSessionDue: nextSessionDue, cadence: cadenceState,
            daysOverdue: daysOverdue, goalsOnTrack: active.filter { isOnTrack($0, today: today) }.count,
            goalsActive: active.count, openActionItems: actionItems.count,
            overdueActionItems: actionItems.filter(\.overdue).count, lintErrors: lintErrors)
        let (attention, reasons) = attention(today: today)
        row.attention = attention
        row.reasons = reasons
        row.latestConfidence = latestConfidence
        row.lastReflection = lastReflection
        row.evaluations = evaluations
        return row
    }

    /// How much the pair needs a coordinator's attention, and why (worst first).
    func attention(today: CalendarDate) -> (Attention, [String]) {
        var found: [(Attention, String)] = []
        let cadenceDays = cadence?.days ?? 30
        if status == .active {
            if lastSession == nil {
                if let started = history.started, started <= today {
                    let days = started.days(to: today)
                    if days * 2 > cadenceDays * 3 {
                        found.append(
                            (.atRisk, "no session in the \(DayCount.days(days)) since the start (\(started))")
                        )
                    } else if days > cadenceDays {
                        found.append((.watch, "no session yet, \(DayCount.days(days)) since the start"))
                    }
                }
            } else if sessionOverdue, let due = nextSessionDue {
                let late = due.days(to: today)
                if late >= 30 {
                    found.append((.atRisk, "the next session is \(DayCount.days(late)) overdue (due \(due))"))
                } else if late * 2 > cadenceDays {
                    found.append((.watch, "the next session is \(DayCount.days(late)) overdue (due \(due))"))
                }
            }
            if let ends = pastEnd {
                found.append(
                    (.watch, "the agreed end (\(ends)) has passed and the mentorship is still active"))
            }
        }
        if let latest = latestConfidence, let previous = previousConfidence, latest < previous {
            found.append(
                (
                    previous - latest >= 2 || latest <= 1 ? .atRisk : .watch,
                    "confidence is falling (\(previous) to \(latest))"
                ))
        }
        let overdueItems = actionItems.filter(\.overdue).count
        if overdueItems > 0 {
            found.append(
                (
                    overdueItems >= 3 ? .atRisk : .watch,
                    overdueItems == 1 ? "1 overdue action item" : "\(overdueItems) overdue action items"
                ))
        }
        let overdueMilestones = goals.reduce(0) { $0 + $1.overdueMilestones.count }
        if overdueMilestones > 0 {
            found.append(
                (
                    .watch,
                    overdueMilestones == 1 ? "1 overdue milestone" : "\(overdueMilestones) overdue milestones"
                ))
        }
        if !conflictedFiles.isEmpty {
            found.append(
                (
                    .watch,
                    conflictedFiles.count == 1
                        ? "1 file holds an unresolved sync conflict"
                        : "\(conflictedFiles.count) files hold unresolved sync conflicts"
                ))
        }
        if !unreadableFiles.isEmpty {
            found.append(
                (
                    .watch,
                    unreadableFiles.count == 1
                        ? "1 file cannot be read" : "\(unreadableFiles.count) files cannot be read"
                ))
        }
        if let review = reviewDue { found.append((.watch, "the agreement's review was due \(review)")) }
        if isOver, !missingEvaluations.isEmpty {
            let who = missingEvaluations.map { "the \($0.rawValue)" }.joined(separator: " and ")
            found.append((.watch, "no evaluation yet from \(who)"))
        }
        if lintErrors > 0 {
            found.append((.watch, lintErrors == 1 ? "1 lint error" : "\(lintErrors) lint errors"))
        }
        let level = found.map(\.0).max() ?? .ok
        // Worst first, in the order found within a level.
        let reasons = found.enumerated().sorted { ($1.element.0, $0.offset) < ($0.element.0, $1.offset) }
            .map(\.element.1)
        return (level, reasons)
    }
}

extension Report {
    /// One row per mentorship, as the builder measured them, in the order of `sort`: at-risk
    /// first, then watch, then ok, each by days overdue (the longest first), then by id; or by id.
    public var overview: [OverviewRow] {
        let rows = mentorships.map { $0.overview ?? $0.overviewRow(today: today) }
        switch sort {
        case .name:
            return rows.sorted { ($0.id, $0.path) < ($1.id, $1.path) }
        case .attention:
            return rows.sorted { l, r in
                if l.attention != r.attention { return l.attention > r.attention }
                if l.daysOverdue != r.daysOverdue { return l.daysOverdue > r.daysOverdue }
                return (l.id, l.path) < (r.id, r.path)
            }
        }
    }

    /// Whether the formats for people open with the overview table: several mentorships in scope.
    public var showsOverview: Bool { mentorships.count > 1 }
}

extension JSONReportRenderer {
    /// The `overview` array of `journal-report/1`.
    static func overview(_ report: Report) -> JSONValue {
        .array(report.overview.map(overviewRow))
    }

    /// One row of the overview, as the JSON report and the programme report give it.
    static func overviewRow(_ row: OverviewRow) -> JSONValue {
        .object([
            ("id", .string(row.id)),
            ("path", .string(row.path)),
            ("pair", .string(row.pair)),
            ("status", .string(row.status.rawValue)),
            ("last_session", .date(row.lastSession)),
            ("days_since_last_session", .optional(row.daysSinceLastSession)),
            ("next_session_due", .date(row.nextSessionDue)),
            ("cadence", .string(row.cadence.rawValue)),
            ("days_overdue", .int(row.daysOverdue)),
            ("goals_on_track", .int(row.goalsOnTrack)),
            ("goals_active", .int(row.goalsActive)),
            ("open_action_items", .int(row.openActionItems)),
            ("overdue_action_items", .int(row.overdueActionItems)),
            ("lint_errors", .int(row.lintErrors)),
            ("attention", .string(row.attention.rawValue)),
            ("reasons", .array(row.reasons.map(JSONValue.string))),
            ("latest_confidence", .optional(row.latestConfidence)),
            ("last_reflection", .date(row.lastReflection)),
            ("evaluations", .array(row.evaluations.map { .string($0.rawValue) })),
        ])
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
                    w.member(
                        "status", session.planned ? SessionStatus.planned.rawValue : session.status.rawValue)
                    w.member("next", session.next)
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
