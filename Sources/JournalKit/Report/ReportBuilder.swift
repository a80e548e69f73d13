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
        return Report(today: options.today, mentorships: reports)
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
        let mentor = agreement.mentor ?? Person(name: nil, email: nil)
        let mentee = agreement.mentee ?? Person(name: nil, email: nil)
        let visible = mentorship.entries.filter { options.includePrivate || !$0.isPrivate }

        let held = visible.filter { entry in
            guard let session = entry.session, session.isHeld, let date = entry.date else { return false }
            return date <= today
        }.sorted { ($0.date?.dayNumber ?? 0, $0.path) < ($1.date?.dayNumber ?? 0, $1.path) }
        let cancelled = visible.filter { $0.session?.status == .cancelled }.count
        let last = held.last
        let lastDate = last?.date
        var nextDue: CalendarDate?
        if let last, let lastDate {
            nextDue = last.session?.next ?? agreement.cadence?.next(after: lastDate)
        }
        let since = options.since ?? lastDate

        // Goals and their activity.
        var lastActivity: [String: CalendarDate] = [:]
        for entry in visible where entry.kind == .reflection || entry.session?.isHeld == true {
            guard let date = entry.date, date <= today else { continue }
            for reference in entry.goalReferences where lastActivity[reference.id].map({ $0 < date }) ?? true
            {
                lastActivity[reference.id] = date
            }
        }
        let goals = mentorship.goals.compactMap({ $0.goal }).map { goal -> GoalReport in
            let undone = goal.milestones.filter { !$0.done }
            let next =
                undone.filter { $0.due != nil }.min { order($0) < order($1) }
                ?? undone.first
            let overdue = undone.filter { $0.due.map { $0 < today } ?? false }
                .sorted { order($0) < order($1) }
            func report(_ milestone: Milestone) -> MilestoneReport {
                MilestoneReport(
                    title: milestone.title, due: milestone.due,
                    overdue: milestone.due.map { $0 < today } ?? false)
            }
            return GoalReport(
                id: goal.id, title: goal.title, status: goal.status, target: goal.target,
                milestonesDone: goal.milestones.count - undone.count, milestonesTotal: goal.milestones.count,
                nextMilestone: next.map(report), overdueMilestones: overdue.map(report),
                lastActivity: lastActivity[goal.id],
                onTrack: goal.status == .active && overdue.isEmpty
                    && (goal.target.map { $0 >= today } ?? true))
        }

        // Open action items: overdue (oldest first), then by due date, then undated.
        let privatePaths = Set(visible.filter(\.isPrivate).map(\.path))
        let items = visible.flatMap(\.actionItems).filter { !$0.done }.map { item in
            let overdue = item.due.map { $0 < today } ?? false
            return ActionItemReport(
                text: item.text, owner: agreement.side(item.owner), due: item.due, overdue: overdue,
                daysOverdue: overdue ? (item.due?.days(to: today) ?? 0) : 0, path: item.path, line: item.line,
                isPrivate: privatePaths.contains(item.path))
        }.sorted { lhs, rhs in
            switch (lhs.due, rhs.due) {
            case (let l?, let r?) where l != r: return l < r
            case (.some, nil): return true
            case (nil, .some): return false
            default: return (lhs.path, lhs.line) < (rhs.path, rhs.line)
            }
        }

        let reflections = visible.compactMap { entry -> ReflectionReport? in
            guard let reflection = entry.reflection, let date = entry.date else { return nil }
            if let since, date < since { return nil }
            return ReflectionReport(
                path: entry.path, date: date, author: agreement.side(reflection.author),
                title: reflection.title,
                isPrivate: entry.isPrivate, confidence: reflection.confidence,
                questions: reflection.questions,
                wins: reflection.wins, obstacles: reflection.obstacles, body: entry.body)
        }.sorted { ($0.date, $0.path) < ($1.date, $1.path) }

        let reviewDue = agreement.review.flatMap { $0 <= today ? $0 : nil }

        // The suggested agenda: what the mentee asks, what was promised and is late (the
        // mentor's promises first), goals gone quiet, and the agreement when it is due.
        var agenda: [AgendaItem] = []
        for reflection in reflections {
            for question in reflection.questions {
                agenda.append(
                    AgendaItem(
                        text:
                            "Question from the \(reflection.author ?? "author") (\(reflection.date)): \(question)",
                        kind: .question, isPrivate: reflection.isPrivate))
            }
        }
        let overdueItems = items.filter { $0.overdue }
        let mentorFirst = { (item: ActionItemReport) in item.owner.flatMap(Role.init(rawValue:)) == .mentor }
        for item in overdueItems.filter(mentorFirst) + overdueItems.filter({ !mentorFirst($0) }) {
            let who = item.owner.map { " (\($0))" } ?? ""
            agenda.append(
                AgendaItem(
                    text: "Overdue action\(who), due \(item.due.map(\.description) ?? ""): \(item.text)",
                    kind: .action, isPrivate: item.isPrivate))
        }
        for goal in goals {
            for milestone in goal.overdueMilestones {
                let due = milestone.due.map(\.description) ?? ""
                agenda.append(
                    AgendaItem(
                        text: "Overdue milestone of \(goal.title), due \(due): \(milestone.title)",
                        kind: .milestone,
                        isPrivate: false))
            }
        }
        if let cadenceDays = agreement.cadence?.days {
            for goal in goals where goal.status == .active {
                guard let reference = goal.lastActivity ?? agreement.started,
                    reference.days(to: today) >= 2 * cadenceDays
                else { continue }
                let when = goal.lastActivity.map { "since \($0)" } ?? "yet"
                agenda.append(
                    AgendaItem(
                        text: "No activity on goal \(goal.title) \(when): is it still the right goal?",
                        kind: .goal,
                        isPrivate: false))
            }
        }
        if let reviewDue {
            agenda.append(
                AgendaItem(
                    text: "Revisit the agreement: its review was due \(reviewDue)", kind: .review,
                    isPrivate: false))
        }

        var report = MentorshipReport(
            id: mentorship.id, path: mentorship.path, status: agreement.status, mentor: mentor,
            mentee: mentee,
            since: since, cadence: agreement.cadence, lastSession: lastDate,
            daysSinceLastSession: lastDate.map { $0.days(to: today) }, nextSessionDue: nextDue,
            sessionOverdue: nextDue.map { today > $0 },
            nextSession: nextDue.map { due in
                due < today
                    ? .overdue(days: due.days(to: today))
                    : due == today ? .today : .upcoming(days: today.days(to: due))
            },
            sessions: held.count, cancelledSessions: cancelled,
            goals: goals, actionItems: items, reflections: reflections,
            reviewDue: reviewDue,
            lintErrors: diagnostics.filter { $0.severity == .error }.count,
            lintWarnings: diagnostics.filter { $0.severity == .warning }.count)
        report.agendaItems = agenda
        return report
    }
}
