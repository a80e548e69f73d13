import Foundation
import Mustache

/// The values report templates see; docs/templates.md documents every key.
enum ReportTemplateContext {
    static func days(_ count: Int) -> String { DayCount.days(count) }

    static func text(_ date: CalendarDate?) -> String { date?.description ?? "" }

    /// A fragment id for a mentorship: letters, digits and dashes only.
    static func anchor(_ id: String) -> String {
        "m-" + String(id.map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    /// The body without a first heading that only repeats the title the summary line shows.
    static func withoutTitle(_ body: String, title: String) -> String {
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, first.trimmingCharacters(in: .whitespaces).isEmpty {
            lines.removeFirst()
        }
        if let first = lines.first, first.hasPrefix("#") {
            let heading = first.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
            if heading == title { lines.removeFirst() }
        }
        return lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A body without the template's prompts left unanswered: HTML comments, and headings with
    /// nothing under them (before the next heading of the same or a higher level), so that a
    /// report shows what was written, not the empty template.
    static func withoutEmptySections(_ body: String) -> String {
        // Comments out (`<!-- … -->`, over several lines too), outside fenced code.
        var lines: [String] = []
        var inComment = false
        var fence: String?
        for raw in body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if !inComment, let open = fence {
                lines.append(raw)
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if !inComment, trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = String(trimmed.prefix(3))
                lines.append(raw)
                continue
            }
            var line = raw
            var kept = ""
            while !line.isEmpty {
                if inComment {
                    guard let end = line.range(of: "-->") else {
                        line = ""
                        break
                    }
                    line = String(line[end.upperBound...])
                    inComment = false
                } else if let start = line.range(of: "<!--") {
                    kept += line[..<start.lowerBound]
                    line = String(line[start.upperBound...])
                    inComment = true
                } else {
                    kept += line
                    line = ""
                }
            }
            // A line that only held a comment goes; one that held words keeps them.
            if kept.trimmingCharacters(in: .whitespaces).isEmpty
                && raw.trimmingCharacters(in: .whitespaces) != ""
            {
                continue
            }
            lines.append(kept)
        }
        // Headings with nothing under them, from the last up (an empty subsection empties its parent).
        func level(_ line: String) -> Int? {
            let hashes = line.prefix { $0 == "#" }.count
            guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " || line.count == hashes else {
                return nil
            }
            return hashes
        }
        var keep = [Bool](repeating: true, count: lines.count)
        var fenced = [Bool](repeating: false, count: lines.count)
        var open: String?
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let marker = open {
                fenced[index] = true
                if trimmed.hasPrefix(marker) { open = nil }
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fenced[index] = true
                open = String(trimmed.prefix(3))
            }
        }
        for index in lines.indices.reversed() {
            guard !fenced[index], let depth = level(lines[index]) else { continue }
            var empty = true
            var next = index + 1
            while next < lines.count {
                if !fenced[next], let other = level(lines[next]), other <= depth { break }
                if keep[next] && !lines[next].trimmingCharacters(in: .whitespaces).isEmpty {
                    empty = false
                    break
                }
                next += 1
            }
            if empty { keep[index] = false }
        }
        let text = zip(lines, keep).filter(\.1).map(\.0).joined(separator: "\n")
        // Runs of blank lines left behind become one.
        return text.replacingOccurrences(of: "\n{3,}", with: "\n\n", options: .regularExpression)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func person(_ person: Person) -> [String: Any] {
        [
            "name": person.name ?? "", "email": person.email ?? "", "handle": person.handle ?? "",
            "display": MentorshipReport.displayName(person),
        ]
    }

    /// The context of a whole report.
    public static func make(_ report: Report) -> [String: Any] {
        let title =
            report.mentorships.count == 1
            ? "Mentoring report: \(report.mentorships[0].pair)"
            : "Mentoring report: \(report.mentorships.count) mentorships"
        return [
            "today": report.today.description,
            "title": title,
            "empty": report.mentorships.isEmpty,
            "mentorshipCount": report.mentorships.count,
            "showOverview": report.showsOverview,
            "overview": report.overview.map(overviewRow),
            "mentorships": report.mentorships.map { mentorship($0) },
        ]
    }

    static func overviewRow(_ row: OverviewRow) -> [String: Any] {
        let cadenceText = row.cadence.words(daysOverdue: row.daysOverdue, short: false)
        return [
            "id": row.id, "anchor": anchor(row.id), "path": row.path, "pair": row.pair,
            "status": row.status.rawValue,
            "hasLastSession": row.lastSession != nil, "lastSession": text(row.lastSession),
            "daysSinceLastSession": row.daysSinceLastSession ?? 0,
            "daysSinceText": row.daysSinceLastSession.map { $0 == 0 ? "today" : days($0) + " ago" } ?? "",
            "nextSessionDue": text(row.nextSessionDue),
            "cadence": row.cadence.rawValue, "cadenceKept": row.cadence == .kept,
            "cadenceOverdue": row.cadence == .overdue, "cadenceNone": row.cadence == .none,
            "cadenceText": cadenceText, "daysOverdue": row.daysOverdue,
            "goalsOnTrack": row.goalsOnTrack, "goalsActive": row.goalsActive,
            "goalsBehind": row.goalsOnTrack < row.goalsActive,
            "openActionItems": row.openActionItems, "overdueActionItems": row.overdueActionItems,
            "hasOverdueActionItems": row.overdueActionItems > 0,
            "lintErrors": row.lintErrors, "hasLintErrors": row.lintErrors > 0,
            "attention": row.attention.rawValue, "atRisk": row.attention == .atRisk,
            "watch": row.attention == .watch, "ok": row.attention == .ok,
            "reasons": row.reasons,
            "reasonsText": row.reasons.isEmpty ? "—" : row.reasons.joined(separator: "; "),
            "hasReasons": !row.reasons.isEmpty,
            "latestConfidence": row.latestConfidence ?? 0, "hasLatestConfidence": row.latestConfidence != nil,
            "lastReflection": text(row.lastReflection), "hasLastReflection": row.lastReflection != nil,
            "evaluations": row.evaluations.map(\.rawValue).joined(separator: ", "),
            "showEvaluations": row.status.isOver, "hasEvaluations": !row.evaluations.isEmpty,
        ]
    }

    static func mentorship(_ m: MentorshipReport) -> [String: Any] {
        let lastText = m.lastSessionSentence
        let nextText = m.nextSessionSentence ?? ""
        let onAgenda = m.actionItems.count - m.actionItemsOffAgenda.count
        let item: (ActionItemReport) -> [String: Any] = { item in
            let dueText = MentorshipReport.dueText(item)
            return [
                "text": item.text, "owner": item.owner ?? "", "hasOwner": item.owner != nil,
                "ownerText": item.owner ?? "no owner", "due": text(item.due), "hasDue": item.due != nil,
                "overdue": item.overdue, "daysOverdue": item.daysOverdue, "dueText": dueText,
                "path": item.path, "line": item.line, "location": "\(item.path):\(item.line)",
                "private": item.isPrivate, "inProgress": item.state == .inProgress,
                "mark": item.state == .inProgress ? "/" : " ", "firstSeen": text(item.firstSeen),
                "leftOpen": item.leftOpen,
            ]
        }
        let items = m.actionItems.map(item)
        let otherItems = m.actionItemsOffAgenda.map(item)
        func notes(_ pick: (ReflectionReport) -> [String]) -> [[String: Any]] {
            m.reflections.flatMap { reflection in
                pick(reflection).map { note -> [String: Any] in
                    [
                        "text": note, "author": reflection.author ?? "",
                        "hasAuthor": reflection.author != nil,
                        "date": reflection.date.description, "path": reflection.path,
                        "private": reflection.isPrivate,
                    ]
                }
            }
        }
        let questions = notes(\.questions)
        let wins = notes(\.wins)
        let obstacles = notes(\.obstacles)
        let reflections: [[String: Any]] = m.reflections.map { reflection in
            let body = withoutEmptySections(withoutTitle(reflection.body, title: reflection.title))
            return [
                "date": reflection.date.description, "title": reflection.title,
                "author": reflection.author ?? "", "hasAuthor": reflection.author != nil,
                "confidence": reflection.confidence ?? 0, "hasConfidence": reflection.confidence != nil,
                "private": reflection.isPrivate, "path": reflection.path,
                "hasBody": !body.isEmpty, "bodyHTML": body.isEmpty ? "" : HTMLText.markdown(body),
            ]
        }
        let goals: [[String: Any]] = m.goals.map { goal in
            let milestone: (MilestoneReport) -> [String: Any] = {
                [
                    "title": $0.title, "due": text($0.due), "hasDue": $0.due != nil,
                    "overdue": $0.overdue,
                ]
            }
            // The next milestone is often the overdue one; listing it twice reads as two problems.
            let otherOverdue = goal.overdueMilestones.filter { $0 != goal.nextMilestone }
            let percent = goal.milestonesTotal == 0 ? 0 : goal.milestonesDone * 100 / goal.milestonesTotal
            return [
                "id": goal.id, "title": goal.title, "status": goal.status.rawValue,
                "target": text(goal.target), "hasTarget": goal.target != nil,
                "milestonesDone": goal.milestonesDone, "milestonesTotal": goal.milestonesTotal,
                "hasMilestones": goal.milestonesTotal > 0, "percent": percent,
                "progressText": "\(goal.milestonesDone)/\(goal.milestonesTotal)",
                "onTrack": goal.onTrack,
                "hasNext": goal.nextMilestone != nil,
                "next": goal.nextMilestone.map(milestone) ?? [:],
                "overdueMilestones": goal.overdueMilestones.map(milestone),
                "otherOverdueMilestones": otherOverdue.map(milestone),
                "hasOverdue": !goal.overdueMilestones.isEmpty,
                "lastActivity": text(goal.lastActivity), "hasLastActivity": goal.lastActivity != nil,
                "progressSVG": ReportPictures.progress(goal),
            ]
        }
        let lintText =
            "\(m.lintErrors) error\(m.lintErrors == 1 ? "" : "s"), "
            + "\(m.lintWarnings) warning\(m.lintWarnings == 1 ? "" : "s")"
        let hasConfidence = ReportPictures.hasConfidence(m)
        return [
            "id": m.id, "anchor": anchor(m.id), "path": m.path, "location": m.path == "." ? m.id : m.path,
            "status": m.status.rawValue, "pair": m.pair, "mentor": person(m.mentor),
            "mentee": person(m.mentee),
            "cadence": m.cadence?.description ?? "", "hasCadence": m.cadence != nil,
            "cadenceDays": m.cadenceDays ?? 0,
            "since": text(m.since), "hasSince": m.since != nil,
            "lastSession": text(m.lastSession), "hasLastSession": m.lastSession != nil,
            "daysSinceLastSession": m.daysSinceLastSession ?? 0,
            "nextSessionDue": text(m.nextSessionDue), "hasNextSessionDue": m.nextSessionDue != nil,
            "sessionOverdue": m.sessionOverdue == true,
            "lastSessionText": lastText, "nextSessionText": nextText,
            "hasNextSession": m.meetingAhead != nil, "countsText": m.countsSentence,
            "lifeText": m.lifeSentence ?? "", "hasLifeText": m.lifeSentence != nil,
            "conflictText": m.conflictSentence ?? "", "hasConflicts": !m.conflictedFiles.isEmpty,
            "unreadableText": m.unreadableSentence ?? "", "hasUnreadable": !m.unreadableFiles.isEmpty,
            "conflictedFiles": m.conflictedFiles, "isOver": m.isOver,
            "agendaTitle": m.agendaTitle, "actionItemsTitle": m.actionItemsTitle,
            "onAgendaCount": onAgenda, "hasOnAgenda": onAgenda > 0,
            "onAgendaText": m.actionItemsNote, "allOnAgendaText": m.allOnAgendaSentence,
            "showQuestions": m.isOver && !questions.isEmpty,
            "plannedSessions": m.plannedSessions,
            "sessions": m.sessions, "cancelledSessions": m.cancelledSessions,
            "hasCancelledSessions": m.cancelledSessions > 0,
            "reviewDue": text(m.reviewDue), "hasReviewDue": m.reviewDue != nil,
            "actionItems": items, "hasActionItems": !items.isEmpty, "actionItemCount": items.count,
            "otherActionItems": otherItems, "hasOtherActionItems": !otherItems.isEmpty,
            "overdueActionItemCount": m.actionItems.filter(\.overdue).count,
            "questions": questions, "hasQuestions": !questions.isEmpty,
            "wins": wins, "hasWins": !wins.isEmpty,
            "obstacles": obstacles, "hasObstacles": !obstacles.isEmpty,
            "reflections": reflections, "hasReflections": !reflections.isEmpty,
            "reflectionCount": reflections.count,
            "goals": goals, "hasGoals": !goals.isEmpty, "goalCount": goals.count,
            "agenda": m.agendaItems.enumerated().map {
                [
                    "number": $0.offset + 1, "text": $0.element.text, "private": $0.element.isPrivate,
                    "kind": $0.element.kind.rawValue,
                ]
            },
            "hasAgenda": !m.agenda.isEmpty,
            "lintErrors": m.lintErrors, "lintWarnings": m.lintWarnings, "lintText": lintText,
            "hasLintErrors": m.lintErrors > 0,
            "hasHistory": !m.history.sessions.isEmpty || !m.history.reflections.isEmpty
                || m.history.milestones.contains { $0.due != nil || $0.doneOn != nil },
            "timelineSVG": ReportPictures.timeline(m),
            "timelineNotes": ReportPictures.timelineNotes(m),
            "hasConfidence": hasConfidence,
            "confidenceSVG": hasConfidence ? ReportPictures.confidence(m) : "",
        ]
    }
}
