/// The report for a person at a terminal, ordered as a mentor prepares a check-in.
public struct TextReportRenderer: ReportRenderer {
    /// Styling (colour only on a terminal).
    public var style: TerminalStyle

    /// Creates the renderer.
    public init(style: TerminalStyle = TerminalStyle(colour: false)) { self.style = style }

    /// The report as text.
    public func render(_ report: Report) -> String {
        if report.mentorships.isEmpty {
            return "No mentorship found: a mentorship is a folder holding agreement.md.\n"
        }
        let sections = report.mentorships.map { render($0) }
        return (report.showsOverview ? [overview(report)] : []).joined() + sections.joined(separator: "\n")
    }

    private func days(_ count: Int) -> String { DayCount.days(count) }

    private func name(_ person: Person) -> String { t(person.name ?? person.handle ?? "?") }

    /// " [private]" after a line from a private entry, so a printed report never passes it off as shared.
    func privateMark(_ isPrivate: Bool) -> String { isPrivate ? " " + style.yellow("[private]") : "" }

    /// Journal and git text, made safe for the terminal (one line, no control characters).
    func t(_ text: String) -> String { TerminalText.line(text) }

    func render(_ m: MentorshipReport) -> String {
        var lines: [String] = []
        let heading = "\(name(m.mentee)) is mentored by \(name(m.mentor))"
        lines.append(style.bold(heading) + " (\(t(m.path == "." ? m.id : m.path)), \(m.status)).")
        if let unreadable = m.unreadableSentence { lines.append(style.red(t(unreadable))) }
        if let conflicts = m.conflictSentence { lines.append(style.red(t(conflicts))) }
        if let life = m.lifeSentence { lines.append(style.yellow(t(life))) }

        // Are we keeping the cadence, and when is the meeting ahead?
        var status = m.lastSessionAndCadenceSentence
        if let next = m.nextSessionSentence {
            status += " " + (m.sessionOverdue ? style.red(t(next)) : t(next))
        }
        lines.append(status)
        lines.append(m.countsSentence)

        if !m.agendaItems.isEmpty {
            lines.append("")
            lines.append(style.bold(m.agendaTitle))
            for (index, item) in m.agendaItems.enumerated() {
                lines.append("  \(index + 1). \(t(item.text))" + privateMark(item.isPrivate))
            }
        }

        lines.append("")
        let shown = m.actionItemsOffAgenda
        lines.append(style.bold(m.actionItemsTitle) + " (\(m.actionItems.count)\(m.actionItemsNote))")
        if m.actionItems.isEmpty { lines.append("  none") }
        if shown.isEmpty && !m.actionItems.isEmpty { lines.append("  " + m.allOnAgendaSentence) }
        for item in shown {
            let due =
                item.overdue ? style.red(MentorshipReport.dueText(item)) : MentorshipReport.dueText(item)
            let owner = t(item.owner ?? "no owner")
            let state = item.state == .inProgress ? " (in progress)" : ""
            lines.append(
                "  \(item.overdue ? style.red("!") : "-") [\(owner)] \(t(item.text))\(state) — \(due)"
                    + privateMark(item.isPrivate))
            lines.append("      " + style.dim("\(t(item.path)):\(item.line)"))
        }

        func list(_ title: String, _ values: [(String, ReflectionReport)]) {
            guard !values.isEmpty else { return }
            lines.append("")
            lines.append(style.bold(title))
            for (text, reflection) in values {
                let who = reflection.author.map { " \(t($0))," } ?? ""
                lines.append(
                    "  - \(t(text)) "
                        + style.dim(
                            "(\(who.isEmpty ? "" : String(who.dropFirst()))"
                                + " \(reflection.date))") + privateMark(reflection.isPrivate))
            }
        }
        // Questions are on the agenda, unless the mentorship is over.
        if m.isOver { list("Questions", m.reflections.flatMap { r in r.questions.map { ($0, r) } }) }
        list("Wins", m.reflections.flatMap { r in r.wins.map { ($0, r) } })
        list("Obstacles", m.reflections.flatMap { r in r.obstacles.map { ($0, r) } })
        if !m.reflections.isEmpty {
            lines.append("")
            lines.append(style.bold("Reflections") + " (\(m.reflections.count))")
            for reflection in m.reflections {
                var detail = "\(reflection.date) \(t(reflection.title))"
                if let author = reflection.author { detail += " — \(t(author))" }
                if let confidence = reflection.confidence { detail += ", confidence \(confidence)/5" }
                if reflection.isPrivate { detail += " " + style.yellow("[private]") }
                lines.append("  - " + detail)
            }
        }

        lines.append("")
        lines.append(style.bold("Goals") + " (\(m.goals.count))")
        if m.goals.isEmpty { lines.append("  none yet") }
        for goal in m.goals {
            var line = "  \(t(goal.title)) [\(t(goal.id)), \(goal.status)]"
            line +=
                goal.milestonesTotal == 0
                ? ": no milestones" : ": \(goal.milestonesDone)/\(goal.milestonesTotal) milestones done"
            if let target = goal.target { line += ", target \(target)" }
            lines.append(line)
            if let next = goal.nextMilestone {
                let due = next.due.map { " (due \($0))" } ?? ""
                lines.append("      next: \(t(next.title))\(due)")
            }
            for overdue in goal.overdueMilestones {
                lines.append(
                    "      "
                        + style.red("overdue: \(t(overdue.title)) (due \(overdue.due?.description ?? "?"))")
                )
            }
            lines.append("      " + style.dim("last activity: \(goal.lastActivity?.description ?? "none")"))
        }

        if let review = m.reviewDue {
            lines.append("")
            lines.append(
                style.yellow("The agreement's review was due \(review): time to revisit it together."))
        }

        if !m.activity.isEmpty {
            lines.append("")
            lines.append(style.bold("Shared activity") + style.dim(" (commits in the window)"))
            for person in m.activity {
                let commits = person.commits == 1 ? "1 commit" : "\(person.commits) commits"
                lines.append("  \(t(person.author)): \(commits), last \(person.last); \(t(person.summary))")
            }
        }
        lines.append("")
        let lint =
            "Lint: \(m.lintErrors) error\(m.lintErrors == 1 ? "" : "s"), "
            + "\(m.lintWarnings) warning\(m.lintWarnings == 1 ? "" : "s")"
        lines.append(m.lintErrors > 0 ? style.red(lint) : style.dim(lint))
        return lines.joined(separator: "\n") + "\n"
    }
}
