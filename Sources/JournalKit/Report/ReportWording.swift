/// The sentences every format for people says about a mentorship's meetings and life, written
/// once from the finished report so that text, Markdown and HTML say the same thing.
extension MentorshipReport {
    /// "The last session was on 2026-11-03, 22 days ago.", or that there was none yet.
    public var lastSessionSentence: String {
        guard let last = lastSession, let since = daysSinceLastSession else {
            return "No session has been held yet."
        }
        return since == 0
            ? "The last session was today, \(last)."
            : "The last session was on \(last), \(DayCount.ago(since))."
    }

    /// The last session and the agreed rhythm in one sentence: "The last session was on
    /// 2026-11-03, 22 days ago; the pair agreed to meet biweekly."
    public var lastSessionAndCadenceSentence: String {
        guard let cadence else { return lastSessionSentence }
        return String(lastSessionSentence.dropLast()) + "; the pair agreed to meet \(cadence)."
    }

    /// The meeting ahead in one sentence, with how it is known; nil when there is none to expect.
    public var nextSessionSentence: String? {
        guard let ahead = meetingAhead else { return nil }
        let when: String
        switch ahead.timing {
        case .overdue(let late): when = " and is \(DayCount.days(late)) overdue"
        case .today: when = ", today"
        case .upcoming(let left): when = ", in \(DayCount.days(left))"
        }
        let overdue = ahead.timing.isOverdue
        switch ahead.source {
        case .planned:
            let advice = overdue ? "; say in that file whether it was held, cancelled or moved" : ""
            return "The next session \(overdue ? "was" : "is") planned for \(ahead.date)\(when) "
                + "(\(ahead.path ?? "")\(advice))."
        case .agreed:
            return "The next session \(overdue ? "was" : "is") agreed for \(ahead.date)\(when)."
        case .cadence:
            return "By the cadence, the next session \(overdue ? "was" : "is") due on \(ahead.date)\(when)."
        }
    }

    /// Where the mentorship is in its life, when that changes what is expected of it.
    public var lifeSentence: String? {
        switch status {
        case .active:
            return pastEnd.map {
                "The mentorship was agreed to end on \($0) and is still active: close it (status: completed, "
                    + "evaluations) or move `ends`."
            }
        case .proposed: return "The mentorship is proposed: no meeting is expected until it starts."
        case .paused: return "The mentorship is paused: no meeting is expected until it resumes."
        case .completed, .ended:
            let missing = missingEvaluations.map { "the \($0.rawValue)" }.joined(separator: " and ")
            return "The mentorship is \(status): no next meeting; open items are left open."
                + (missing.isEmpty
                    ? " Both evaluations are written." : " Still to write: the evaluation of \(missing).")
        }
    }

    /// What the report leaves out because of conflict markers, and what to do; nil when nothing.
    public var conflictSentence: String? {
        guard !conflictedFiles.isEmpty else { return nil }
        let files = conflictedFiles.joined(separator: ", ")
        let one = conflictedFiles.count == 1
        return
            "\(one ? "A file holds" : "\(conflictedFiles.count) files hold") unresolved sync conflicts and "
            + "\(one ? "is" : "are") left out of this report until resolved: \(files). Keep the words you want, "
            + "delete the marker lines, then run `journal sync`."
    }

    /// The entries journal could not read, named before any fact they could change, with what
    /// to do; nil when every entry was read.
    public var unreadableSentence: String? {
        guard !unreadableFiles.isEmpty else { return nil }
        let one = unreadableFiles.count == 1
        let files = unreadableFiles.map { "\($0.path) (line \($0.line): \($0.message))" }.joined(
            separator: "; ")
        return
            "\(one ? "A file" : "\(unreadableFiles.count) files") could not be read, so \(one ? "its" : "their") "
            + "facts are missing from this report: \(files). Correct \(one ? "it" : "them") (`journal lint` shows "
            + "where) and run the report again."
    }

    /// "So far 5 sessions have been held, 1 cancelled and 1 planned; what follows is new since
    /// 2026-11-03."
    public var countsSentence: String {
        var parts = [
            sessions == 0
                ? "no session has been held"
                : "\(sessions) session\(sessions == 1 ? " has" : "s have") been held"
        ]
        if cancelledSessions > 0 { parts.append("\(cancelledSessions) cancelled") }
        if plannedSessions > 0 { parts.append("\(plannedSessions) planned") }
        var counts = "So far " + parts.dropLast().joined(separator: ", ")
        counts += (parts.count > 1 ? " and " : "") + (parts.last ?? "")
        if let since { counts += "; what follows is new since \(since)" }
        return counts + "."
    }

    /// Open items that are not on the agenda already (the overdue ones are; once the mentorship
    /// is over none is overdue, so every item is here).
    public var actionItemsOffAgenda: [ActionItemReport] { actionItems.filter { !$0.overdue } }

    /// The agenda's heading: what the next check-in is for, or what closing the mentorship needs.
    public var agendaTitle: String { isOver ? "To close the mentorship" : "Suggested agenda" }

    /// The action items' heading.
    public var actionItemsTitle: String { isOver ? "Action items left open" : "Open action items" }

    /// After the count of open items: where the overdue ones are ("; the 2 overdue are on the
    /// agenda above"), or nothing.
    public var actionItemsNote: String {
        let onAgenda = actionItems.count - actionItemsOffAgenda.count
        guard onAgenda > 0 else { return "" }
        return "; the \(onAgenda) overdue \(onAgenda == 1 ? "is" : "are") on the agenda above"
    }

    /// Under the heading when every open item is already on the agenda, so the list is not empty
    /// without a word.
    public var allOnAgendaSentence: String {
        actionItems.count == 1
            ? "It is overdue, so it is on the agenda above."
            : "All \(actionItems.count) are overdue, so they are on the agenda above."
    }

    /// How an action item's date reads: "due 2026-11-20", "overdue: due …, 3 days ago", "no date".
    public static func dueText(_ item: ActionItemReport) -> String {
        guard let date = item.due else { return "no date" }
        return item.overdue ? "overdue: due \(date), \(DayCount.ago(item.daysOverdue))" : "due \(date)"
    }
}

extension NextSession {
    /// Whether the meeting was due before the report's date.
    public var isOverdue: Bool {
        if case .overdue = self { return true }
        return false
    }
}
