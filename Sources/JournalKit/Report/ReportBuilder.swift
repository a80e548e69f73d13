/// Computes the report model from a parsed journal.
public enum ReportBuilder {
    /// The report over `mentorships` (each with its lint diagnostics).
    public static func build(
        _ mentorships: [Mentorship], diagnostics: [Diagnostic], options: ReportOptions
    ) -> Report {
        // Each diagnostic goes to every mentorship whose folder holds it: found by walking up its
        // path, not by testing it against every mentorship of a large program.
        var index: [String: Int] = [:]
        for (position, mentorship) in mentorships.enumerated() { index[mentorship.path] = position }
        var own = [[Diagnostic]](repeating: [], count: mentorships.count)
        for diagnostic in diagnostics {
            if let root = index["."] { own[root].append(diagnostic) }
            var folder = Substring(diagnostic.path)
            while true {
                if let position = index[String(folder)], folder != "." { own[position].append(diagnostic) }
                // By byte: `lastIndex(of:)` on characters costs more than the rest of the walk.
                guard let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) else { break }
                folder = folder[..<slash]
            }
        }
        let found = own
        let reports = concurrentMap(mentorships.count) { position -> MentorshipReport in
            var report = build(mentorships[position], diagnostics: found[position], options: options)
            report.history = history(of: mentorships[position], options: options)
            report.overview = report.overviewRow(today: options.today)
            return report
        }
        var report = Report(today: options.today, mentorships: select(reports, options: options))
        report.sort = options.sort
        return report
    }

    /// The mentorships the options ask for (by attention and status), in path order.
    static func select(_ reports: [MentorshipReport], options: ReportOptions) -> [MentorshipReport] {
        reports.filter { report in
            let row = report.overview ?? report.overviewRow(today: options.today)
            return (options.attention.isEmpty || options.attention.contains(row.attention))
                && (options.statuses.isEmpty || options.statuses.contains(report.status))
        }
    }

    private static func order(_ milestone: Milestone) -> (Int, Int, Int) {
        (milestone.due?.dayNumber ?? Int.max, milestone.position.line, milestone.position.column)
    }

    /// The report of one mentorship.
    public static func build(_ mentorship: Mentorship, diagnostics: [Diagnostic], options: ReportOptions)
        -> MentorshipReport
    {
        let today = options.today
        let agreement = mentorship.agreement
        let status = agreement.status
        let mentor = agreement.mentor ?? Person(name: nil, email: nil)
        let mentee = agreement.mentee ?? Person(name: nil, email: nil)
        let readable = mentorship.entries.filter { options.includePrivate || !$0.isPrivate }
        // A file holding conflict markers is half-merged text: none of its content is a fact.
        let conflicted = readable.filter(\.hasConflictMarkers).map(\.path)
        // As of today: what is dated later has not happened yet, except the meetings ahead.
        let visible = readable.filter { !$0.hasConflictMarkers && $0.isFact(asOf: today) }
        let byDate = { (a: Entry, b: Entry) in
            (a.date?.dayNumber ?? 0, a.path) < (b.date?.dayNumber ?? 0, b.path)
        }

        let held = visible.filter { $0.isHeldSession(asOf: today) }.sorted(by: byDate)
        let cancelled = visible.filter { $0.session?.status == .cancelled }.count
        let lastDate = held.last?.date
        let planned = visible.filter { $0.isPlannedSession(asOf: today) }.sorted(by: byDate)
        let meetingAhead =
            status.expectsMeetings == true
            ? Self.meetingAhead(
                readable.filter { !$0.hasConflictMarkers }, cadence: agreement.cadence, today: today)
            : nil
        let since = options.since ?? lastDate

        // Goals and their activity.
        var lastActivity: [String: CalendarDate] = [:]
        for entry in visible where entry.kind == .reflection || entry.isHeldSession(asOf: today) {
            guard let date = entry.date, date <= today else { continue }
            for reference in entry.goalReferences where lastActivity[reference.id].map({ $0 < date }) ?? true
            {
                lastActivity[reference.id] = date
            }
        }
        let isOver = status.isOver
        let goals = visible.compactMap({ $0.goal }).map { goal -> GoalReport in
            let undone = goal.milestones.filter { !$0.done }
            let next =
                undone.filter { $0.due != nil }.min { order($0) < order($1) }
                ?? undone.first
            // A mentorship that is over has nothing overdue: what is undone was left open. Only an
            // active goal's milestones can be late (a dropped or paused goal waits for nothing).
            let canBeLate = !isOver && goal.status == .active
            let overdue =
                canBeLate
                ? undone.filter { $0.due.map { $0 < today } ?? false }.sorted { order($0) < order($1) } : []
            func report(_ milestone: Milestone) -> MilestoneReport {
                MilestoneReport(
                    title: milestone.title, due: milestone.due,
                    overdue: canBeLate && (milestone.due.map { $0 < today } ?? false))
            }
            return GoalReport(
                id: goal.id, title: goal.title, status: goal.status, target: goal.target,
                milestonesDone: goal.milestones.count - undone.count, milestonesTotal: goal.milestones.count,
                nextMilestone: next.map(report), overdueMilestones: overdue.map(report),
                lastActivity: lastActivity[goal.id],
                onTrack: goal.status == .active && overdue.isEmpty
                    && (isOver || (goal.target.map { $0 >= today } ?? true)))
        }

        // Open action items, one per item across entries: overdue (oldest first), then by due
        // date, then undated.
        // Entries dated after today hold no item yet, so the fold of every readable entry is
        // lint's own when no entry is hidden.
        let everyEntry = readable.count == mentorship.entries.count && conflicted.isEmpty
        let folded =
            (everyEntry ? options.foldedActionItems[mentorship.path] : nil)
            ?? ActionItemLedger.fold(visible, asOf: today, agreement: agreement)
        let items = folded.filter(\.isOpen).map { tracked in
            let item = tracked.item
            let overdue = !isOver && (item.due.map { $0 < today } ?? false)
            return ActionItemReport(
                text: item.text, owner: agreement.side(item.owner), due: item.due, overdue: overdue,
                daysOverdue: overdue ? (item.due?.days(to: today) ?? 0) : 0, path: item.path, line: item.line,
                isPrivate: tracked.isPrivate, state: item.state, firstSeen: tracked.firstSeen,
                leftOpen: isOver)
        }.sorted { lhs, rhs in
            switch (lhs.due, rhs.due) {
            case (let l?, let r?) where l != r: return l < r
            case (.some, nil): return true
            case (nil, .some): return false
            default: return (lhs.path, lhs.line) < (rhs.path, rhs.line)
            }
        }

        let allReflections = visible.filter { $0.kind == .reflection && $0.date != nil }.sorted(by: byDate)
        let reflections = allReflections.compactMap { entry -> ReflectionReport? in
            guard let reflection = entry.reflection, let date = entry.date else { return nil }
            if let since, date < since { return nil }
            return ReflectionReport(
                path: entry.path, date: date, author: agreement.side(reflection.author),
                title: reflection.title,
                isPrivate: entry.isPrivate, confidence: reflection.confidence,
                questions: reflection.questions,
                wins: reflection.wins, obstacles: reflection.obstacles, body: entry.body)
        }
        let confidences = allReflections.compactMap { $0.reflection?.confidence }

        let reviewDue = isOver ? nil : agreement.review.flatMap { $0 <= today ? $0 : nil }
        let evaluated = Set(
            visible.compactMap { entry -> Role? in
                guard case .evaluation(let evaluation) = entry.content, let author = evaluation.author else {
                    return nil
                }
                return agreement.role(of: author)
            })
        let evaluations = Role.allCases.filter(evaluated.contains)
        let missingEvaluations = isOver ? Role.allCases.filter { !evaluated.contains($0) } : []

        var report = MentorshipReport(
            id: mentorship.id, path: mentorship.path, status: status, mentor: mentor,
            mentee: mentee,
            since: since, cadence: agreement.cadence, lastSession: lastDate,
            daysSinceLastSession: lastDate.map { $0.days(to: today) }, nextSessionDue: meetingAhead?.date,
            sessionOverdue: meetingAhead.map { today > $0.date } ?? false,
            meetingAhead: meetingAhead,
            sessions: held.count, cancelledSessions: cancelled,
            goals: goals, actionItems: items, reflections: reflections,
            reviewDue: reviewDue,
            lintErrors: diagnostics.filter { $0.severity == .error }.count,
            lintWarnings: diagnostics.filter { $0.severity == .warning }.count)
        report.plannedSessions = planned.count
        report.pastEnd = status == .active ? agreement.ends.flatMap { $0 < today ? $0 : nil } : nil
        report.conflictedFiles = conflicted
        report.unreadableFiles = readable.compactMap(\.unreadable)
        report.evaluations = evaluations
        report.missingEvaluations = missingEvaluations
        report.latestConfidence = confidences.last
        report.previousConfidence = confidences.count > 1 ? confidences[confidences.count - 2] : nil
        report.lastReflection = allReflections.last?.date
        report.agendaItems = agenda(
            report, cadence: agreement.cadence, started: agreement.started, today: today)
        return report
    }

    /// The meeting ahead, as cli.md's `next_session` finds it from a mentorship's entries: the
    /// earliest planned session, else the `next` of the latest session since the last meeting
    /// (a cancellation or move written ahead counts from the moment it is written), else the
    /// cadence; never a day a meeting was called off for. Report, calendar and lint ask here.
    public static func meetingAhead(_ entries: [Entry], cadence: Cadence?, today: CalendarDate)
        -> MeetingAhead?
    {
        func timing(_ due: CalendarDate) -> NextSession {
            due < today
                ? .overdue(days: due.days(to: today))
                : due == today ? .today : .upcoming(days: today.days(to: due))
        }
        let byDate = { (a: Entry, b: Entry) in
            (a.date?.dayNumber ?? 0, a.path) < (b.date?.dayNumber ?? 0, b.path)
        }
        let lastHeld = entries.filter { $0.isHeldSession(asOf: today) }.map(\.date).compactMap { $0 }.max()
        let sinceLast = { (entry: Entry) in
            guard let lastHeld else { return true }
            return entry.date.map { $0 >= lastHeld } ?? false
        }
        let planned = entries.filter { $0.isPlannedSession(asOf: today) }.sorted(by: byDate)
        if let first = planned.first(where: sinceLast), let date = first.date {
            return MeetingAhead(
                date: date, source: .planned, path: first.path, agenda: first.session?.agenda ?? [],
                isPrivate: first.isPrivate, timing: timing(date))
        }
        // The days a meeting was called off for, once that is written (the day itself included).
        let off = Set(
            entries.compactMap { entry -> CalendarDate? in
                guard let status = entry.session?.status, status == .cancelled || status == .rescheduled
                else {
                    return nil
                }
                return entry.date
            })
        // Sessions dated later that are not planned are exactly those called off ahead.
        let moved = entries.filter { entry in
            entry.session?.next != nil && entry.date != nil && sinceLast(entry)
                && !entry.isPlannedSession(asOf: today)
        }.max(by: byDate)
        if let moved, let next = moved.session?.next, !off.contains(next) {
            return MeetingAhead(
                date: next, source: .agreed, path: moved.path, agenda: [], isPrivate: moved.isPrivate,
                timing: timing(next))
        }
        if let lastHeld, let cadence {
            var due = cadence.next(after: lastHeld)
            // A meeting called off on the day the cadence gives: the one after it.
            for _ in 0..<52 where off.contains(due) { due = cadence.next(after: due) }
            return MeetingAhead(
                date: due, source: .cadence, path: nil, agenda: [], isPrivate: false, timing: timing(due))
        }
        return nil
    }

    /// The suggested agenda: the agenda agreed for the meeting ahead, what the mentee asks, what
    /// was promised and is late (the mentor's promises first), goals gone quiet, and the agreement
    /// when it is due; once the mentorship is over, only the evaluations still missing.
    static func agenda(_ m: MentorshipReport, cadence: Cadence?, started: CalendarDate?, today: CalendarDate)
        -> [AgendaItem]
    {
        if m.isOver {
            return m.missingEvaluations.map { role in
                AgendaItem(
                    text: "Evaluation from the \(role.rawValue): `journal new evaluation` writes "
                        + "evaluations/\(role.rawValue).md",
                    kind: .evaluation, isPrivate: false)
            }
        }
        var agenda: [AgendaItem] = []
        if let ahead = m.meetingAhead {
            for line in ahead.agenda {
                agenda.append(AgendaItem(text: "Agreed: \(line)", kind: .agreed, isPrivate: ahead.isPrivate))
            }
        }
        for reflection in m.reflections {
            for question in reflection.questions {
                agenda.append(
                    AgendaItem(
                        text:
                            "Question from the \(reflection.author ?? "author") (\(reflection.date)): \(question)",
                        kind: .question, isPrivate: reflection.isPrivate))
            }
        }
        let overdueItems = m.actionItems.filter { $0.overdue }
        let mentorFirst = { (item: ActionItemReport) in item.owner.flatMap(Role.init(rawValue:)) == .mentor }
        for item in overdueItems.filter(mentorFirst) + overdueItems.filter({ !mentorFirst($0) }) {
            let who = item.owner.map { " (\($0))" } ?? ""
            agenda.append(
                AgendaItem(
                    text: "Overdue action\(who), due \(item.due.map(\.description) ?? ""): \(item.text)",
                    kind: .action, isPrivate: item.isPrivate))
        }
        for goal in m.goals {
            for milestone in goal.overdueMilestones {
                let due = milestone.due.map(\.description) ?? ""
                agenda.append(
                    AgendaItem(
                        text: "Overdue milestone of \(goal.title), due \(due): \(milestone.title)",
                        kind: .milestone, isPrivate: false))
            }
        }
        // A file left half-merged may hold the activity: quiet goals are not guessed at meanwhile.
        if let cadenceDays = cadence?.days, m.conflictedFiles.isEmpty {
            for goal in m.goals where goal.status == .active {
                guard let reference = goal.lastActivity ?? started,
                    reference.days(to: today) >= 2 * cadenceDays
                else { continue }
                let when = goal.lastActivity.map { "since \($0)" } ?? "yet"
                agenda.append(
                    AgendaItem(
                        text: "No activity on goal \(goal.title) \(when): is it still the right goal?",
                        kind: .goal, isPrivate: false))
            }
        }
        if let reviewDue = m.reviewDue {
            agenda.append(
                AgendaItem(
                    text: "Revisit the agreement: its review was due \(reviewDue)", kind: .review,
                    isPrivate: false))
        }
        return agenda
    }
}
