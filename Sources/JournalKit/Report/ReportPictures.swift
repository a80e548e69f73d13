import Foundation

/// The inline SVG pictures of the HTML report, drawn from the report model.
enum ReportPictures {
    /// A horizontal date scale shared by the timeline and the confidence chart.
    struct Scale {
        var start: CalendarDate
        var end: CalendarDate
        var left: Double
        var width: Double

        func x(_ date: CalendarDate) -> Double {
            let span = Double(max(1, start.days(to: end)))
            return left + width * Double(start.days(to: date)) / span
        }

        func contains(_ date: CalendarDate) -> Bool { date >= start && date <= end }
    }

    static let viewWidth = 960.0
    static let left = 104.0
    static let right = 24.0
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// The dates the timeline spans: from the start (or the first event) to a little after today or
    /// the next session due, leaving far-off milestones out so that the recent months stay readable.
    static func scale(_ m: MentorshipReport, today: CalendarDate) -> Scale {
        let history = m.history
        let horizon = today.adding(days: 120)
        var dates: [CalendarDate] = [today]
        dates += history.sessions.map(\.date) + history.reflections.map(\.date)
        dates += history.milestones.flatMap { [$0.due, $0.doneOn].compactMap { $0 } }
        dates += [history.started, m.nextSessionDue].compactMap { $0 }
        dates = dates.filter { $0 <= horizon }
        let first = dates.min() ?? today
        let last = dates.max() ?? today
        let span = max(14, first.days(to: last))
        let pad = max(3, span / 40)
        return Scale(
            start: first.adding(days: -pad), end: last.adding(days: pad), left: left,
            width: viewWidth - left - right)
    }

    static func axis(_ scale: Scale, y: Double, top: Double) -> [String] {
        var parts: [String] = []
        parts.append(
            "<line class=\"axis\" x1=\"\(number(scale.left))\" y1=\"\(number(y))\" "
                + "x2=\"\(number(scale.left + scale.width))\" y2=\"\(number(y))\" />")
        guard let first = CalendarDate(year: scale.start.year, month: scale.start.month, day: 1) else {
            return parts
        }
        // Ticks at the months; over a span that holds fewer than two month starts, at the weeks
        // (every Monday) instead, so that an axis always carries dates to read the marks by;
        // over years, every third month.
        var ticks: [CalendarDate] = []
        var month = first.adding(months: 1)
        while month <= scale.end {
            ticks.append(month)
            month = month.adding(months: 1)
        }
        var weekly = false
        if ticks.count < 2 {
            weekly = true
            ticks = []
            // 1970-01-05 was a Monday.
            var day = scale.start.adding(days: ((4 - scale.start.dayNumber) % 7 + 7) % 7)
            while day <= scale.end {
                ticks.append(day)
                day = day.adding(days: 7)
            }
        } else if ticks.count > 24 {
            ticks = ticks.filter { ($0.month - 1) % 3 == 0 }
        }
        var labelled = false
        for tick in ticks {
            let x = number(scale.x(tick))
            parts.append(
                "<line class=\"tick\" x1=\"\(x)\" y1=\"\(number(top))\" x2=\"\(x)\" y2=\"\(number(y + 4))\" />"
            )
            var label = weekly ? "\(tick.day) \(months[tick.month - 1])" : months[tick.month - 1]
            if !labelled || (tick.month == 1 && (weekly ? tick.day <= 7 : true)) { label += " \(tick.year)" }
            labelled = true
            parts.append("<text class=\"label\" x=\"\(x)\" y=\"\(number(y + 17))\">\(label)</text>")
        }
        return parts
    }

    static func svg(label: String, height: Double, _ body: [String]) -> String {
        "<svg class=\"picture\" viewBox=\"0 0 \(number(viewWidth)) \(number(height))\" role=\"img\" "
            + "aria-label=\"\(HTMLText.escape(label))\">\n<title>\(HTMLText.escape(label))</title>\n"
            + body.joined(separator: "\n") + "\n</svg>"
    }

    static func tip(_ text: String) -> String { "<title>\(HTMLText.escape(text))</title>" }

    static func diamond(_ x: Double, _ y: Double, _ r: Double) -> String {
        "\(number(x)),\(number(y - r)) \(number(x + r)),\(number(y)) \(number(x)),\(number(y + r)) "
            + "\(number(x - r)),\(number(y))"
    }

    static func triangle(_ x: Double, _ y: Double, _ r: Double) -> String {
        "\(number(x)),\(number(y - r)) \(number(x + r)),\(number(y + r * 0.8)) \(number(x - r)),\(number(y + r * 0.8))"
    }

    /// The mentorship over time: sessions (held, cancelled), the gaps between held sessions (red
    /// when longer than the cadence), reflections, milestones done and due, today and the next
    /// session due.
    public static func timeline(_ m: MentorshipReport) -> String {
        // The date the builder measured against: where the pictures draw "today".
        let today = m.history.asOf
        let scale = scale(m, today: today)
        let laneSessions = 34.0
        let laneReflections = 70.0
        let laneMilestones = 106.0
        let axisY = 132.0
        let legendY = 172.0
        var parts: [String] = []
        for (y, name) in [
            (laneSessions, "Sessions"), (laneReflections, "Reflections"), (laneMilestones, "Milestones"),
        ] {
            parts.append(
                "<line class=\"lane\" x1=\"\(number(scale.left))\" y1=\"\(number(y))\" "
                    + "x2=\"\(number(scale.left + scale.width))\" y2=\"\(number(y))\" />")
            parts.append("<text class=\"lane-name\" x=\"8\" y=\"\(number(y + 4))\">\(name)</text>")
        }
        parts += axis(scale, y: axisY, top: 18)

        // Gaps between held sessions, so a broken rhythm shows as a red stretch.
        let held = m.history.sessions.filter { $0.status == .held && !$0.planned }.map(\.date)
        for (previous, next) in zip(held, held.dropFirst()) where scale.contains(previous) {
            let gap = previous.days(to: next)
            // Red where `session/cadence` warns: half a cadence past it.
            let late = m.cadence?.isTooLong(gap: gap) ?? false
            parts.append(
                "<line class=\"gap\(late ? " late" : "")\" x1=\"\(number(scale.x(previous)))\" "
                    + "y1=\"\(number(laneSessions))\" x2=\"\(number(scale.x(next)))\" y2=\"\(number(laneSessions))\">"
                    + tip("\(gap) days between sessions\(late ? ", half a cadence longer than agreed" : "")")
                    + "</line>")
        }
        if let last = held.last {
            let due = m.nextSessionDue
            if let due, m.sessionOverdue == true {
                parts.append(
                    "<line class=\"gap waiting\" x1=\"\(number(scale.x(last)))\" y1=\"\(number(laneSessions))\" "
                        + "x2=\"\(number(scale.x(due)))\" y2=\"\(number(laneSessions))\" />")
                parts.append(
                    "<line class=\"gap late waiting\" x1=\"\(number(scale.x(due)))\" y1=\"\(number(laneSessions))\" "
                        + "x2=\"\(number(scale.x(today)))\" y2=\"\(number(laneSessions))\">"
                        + tip("No session for \(last.days(to: today)) days; one was due \(due)") + "</line>")
            } else {
                parts.append(
                    "<line class=\"gap waiting\" x1=\"\(number(scale.x(last)))\" y1=\"\(number(laneSessions))\" "
                        + "x2=\"\(number(scale.x(today)))\" y2=\"\(number(laneSessions))\" />")
            }
        }

        // Today, and when the next session is due.
        let todayX = number(scale.x(today))
        parts.append(
            "<line class=\"today\" x1=\"\(todayX)\" y1=\"14\" x2=\"\(todayX)\" y2=\"\(number(axisY))\" />")
        // Near the right edge the label would be cut off, so it ends at the line instead.
        let anchor = scale.x(today) > viewWidth - 90 ? " style=\"text-anchor: end\"" : ""
        parts.append("<text class=\"today-label\" x=\"\(todayX)\" y=\"11\"\(anchor)>today \(today)</text>")
        if let due = m.nextSessionDue, scale.contains(due) {
            let x = scale.x(due)
            let late = m.sessionOverdue == true
            parts.append(
                "<circle class=\"next-due\(late ? " late" : "")\" cx=\"\(number(x))\" cy=\"\(number(laneSessions))\" "
                    + "r=\"8\">" + tip("Next session due \(due)\(late ? " (overdue)" : "")") + "</circle>")
            parts.append(
                "<text class=\"next-label\(late ? " late" : "")\" x=\"\(number(x))\" y=\"\(number(laneSessions + 21))\">"
                    + "next due</text>")
        }

        // Marks on nearby days would hide one another: each lane steps a mark up or down
        // when the one before it is too close.
        var placed: [Double: [Double]] = [:]
        func lane(_ y: Double, _ x: Double) -> Double {
            let near = placed[y, default: []].filter { abs($0 - x) < 13 }.count
            placed[y, default: []].append(x)
            guard near > 0 else { return y }
            let step = Double((near + 1) / 2) * 9
            return near % 2 == 1 ? y - step : y + step
        }

        for session in m.history.sessions where scale.contains(session.date) {
            let xValue = scale.x(session.date)
            let yValue = lane(laneSessions, xValue)
            let x = number(xValue)
            let y = number(yValue)
            let kind = session.planned ? "planned" : session.status.rawValue
            let text = note(session)
            switch (session.planned, session.status) {
            case (false, .rescheduled):
                // Moved: an arrow to where it went, drawn as a move, not a cancellation.
                parts.append(
                    "<g class=\"session rescheduled\"><circle cx=\"\(x)\" cy=\"\(y)\" r=\"6\" />"
                        + "<polyline points=\"\(number(xValue - 3)),\(number(yValue - 3)) \(number(xValue + 2)),\(y) "
                        + "\(number(xValue - 3)),\(number(yValue + 3))\" />" + tip(text) + "</g>")
                if let next = session.next, scale.contains(next), next > session.date {
                    parts.append(
                        "<line class=\"moved\" x1=\"\(number(xValue + 6))\" y1=\"\(y)\" "
                            + "x2=\"\(number(scale.x(next) - 6))\" y2=\"\(y)\">" + tip(text) + "</line>")
                }
            case (false, .cancelled):
                parts.append(
                    "<g class=\"session cancelled\"><circle cx=\"\(x)\" cy=\"\(y)\" r=\"6\" />"
                        + "<line x1=\"\(number(xValue - 4))\" y1=\"\(number(yValue + 4))\" "
                        + "x2=\"\(number(xValue + 4))\" y2=\"\(number(yValue - 4))\" />"
                        + tip(text) + "</g>")
            default:
                parts.append(
                    "<circle class=\"session \(kind)\" cx=\"\(x)\" cy=\"\(y)\" r=\"6\">\(tip(text))</circle>")
            }
        }

        for reflection in m.history.reflections where scale.contains(reflection.date) {
            let x = scale.x(reflection.date)
            let role = Role(rawValue: reflection.author ?? "") == .mentor ? Role.mentor : Role.mentee
            let text = note(reflection)
            parts.append(
                "<polygon class=\"reflection \(role)\(reflection.isPrivate ? " private" : "")\" "
                    + "points=\"\(diamond(x, lane(laneReflections, x), 7))\">\(tip(text))</polygon>")
        }

        for milestone in m.history.milestones {
            guard let (date, state) = placement(milestone), scale.contains(date) else { continue }
            let text = note(milestone) ?? ""
            parts.append(
                "<polygon class=\"milestone \(state)\" "
                    + "points=\"\(triangle(scale.x(date), lane(laneMilestones, scale.x(date)), 7))\">"
                    + tip(text) + "</polygon>")
        }
        let later = m.history.milestones.filter { !$0.done && ($0.due.map { $0 > scale.end } ?? false) }.count
        if later > 0 {
            parts.append(
                "<text class=\"label later\" x=\"\(number(scale.left + scale.width))\" y=\"\(number(laneMilestones - 12))\">"
                    + "\(later) later →</text>")
        }

        parts += legend(
            y: legendY,
            [
                ("<circle class=\"session held\" cx=\"0\" cy=\"0\" r=\"6\" />", "session held"),
                (
                    "<g class=\"session cancelled\"><circle cx=\"0\" cy=\"0\" r=\"6\" />"
                        + "<line x1=\"-4\" y1=\"4\" x2=\"4\" y2=\"-4\" /></g>", "cancelled"
                ),
                ("<circle class=\"session planned\" cx=\"0\" cy=\"0\" r=\"6\" />", "planned"),
                (
                    "<g class=\"session rescheduled\"><circle cx=\"0\" cy=\"0\" r=\"6\" />"
                        + "<polyline points=\"-3,-3 2,0 -3,3\" /></g>", "moved"
                ),
                (
                    "<line class=\"gap late\" x1=\"-9\" y1=\"0\" x2=\"9\" y2=\"0\" />",
                    "gap 1.5× the cadence"
                ),
                (
                    "<polygon class=\"reflection mentee\" points=\"\(diamond(0, 0, 7))\" />",
                    "mentee reflection"
                ),
                (
                    "<polygon class=\"reflection mentor\" points=\"\(diamond(0, 0, 7))\" />",
                    "mentor reflection"
                ),
                ("<polygon class=\"milestone done\" points=\"\(triangle(0, 0, 7))\" />", "milestone done"),
                ("<polygon class=\"milestone due\" points=\"\(triangle(0, 0, 7))\" />", "due"),
                ("<polygon class=\"milestone overdue\" points=\"\(triangle(0, 0, 7))\" />", "overdue"),
            ])
        return svg(label: "Timeline of \(m.pair) up to \(today)", height: 208, parts)
    }

    /// What the timeline's marks say on hover, in date order, for the printed page (where
    /// nothing hovers).
    public static func timelineNotes(_ m: MentorshipReport) -> [String] {
        var notes: [(CalendarDate, String)] = []
        notes += m.history.sessions.map { ($0.date, note($0)) }
        notes += m.history.reflections.map { ($0.date, note($0)) }
        notes += m.history.milestones.compactMap { milestone in
            guard let (date, _) = placement(milestone), let text = note(milestone) else { return nil }
            return (date, text)
        }
        return notes.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(
            \.element.1)
    }

    static func note(_ session: SessionEvent) -> String {
        let kind = session.planned ? "planned" : session.status.rawValue
        var text = "\(session.date): session \(kind) (\(session.path))"
        if !session.planned, session.status == .rescheduled, let next = session.next {
            text += ", moved to \(next)"
        }
        return text
    }

    static func note(_ reflection: ReflectionEvent) -> String {
        var text = "\(reflection.date): reflection by \(reflection.author ?? "someone"): \(reflection.title)"
        if let confidence = reflection.confidence { text += " (confidence \(confidence)/5)" }
        if reflection.isPrivate { text += " [private]" }
        return text
    }

    /// Where a milestone goes on the timeline: the day it was done, else its due date; and its state.
    static func placement(_ milestone: MilestoneEvent) -> (CalendarDate, String)? {
        if milestone.done {
            return (milestone.doneOn ?? milestone.due).map { ($0, "done") }
        }
        return milestone.due.map { ($0, milestone.overdue ? "overdue" : "due") }
    }

    static func note(_ milestone: MilestoneEvent) -> String? {
        guard let (date, state) = placement(milestone) else { return nil }
        let verb = state == "done" ? "done" : state == "overdue" ? "overdue, was due" : "due"
        return "\(date): milestone \(verb): \(milestone.title) (\(milestone.goalTitle))"
    }

    static func legend(y: Double, _ items: [(String, String)]) -> [String] {
        var x = left
        var y = y
        var parts: [String] = []
        for (mark, text) in items {
            // A second row when the first is full.
            if x + 24 + Double(text.count) * 6.4 > viewWidth {
                x = left
                y += 18
            }
            parts.append("<g class=\"legend\" transform=\"translate(\(number(x)) \(number(y)))\">\(mark)</g>")
            parts.append(
                "<text class=\"legend-text\" x=\"\(number(x + 12))\" y=\"\(number(y + 4))\">\(text)</text>")
            x += 24 + Double(text.count) * 6.4
        }
        return parts
    }

    /// Milestones done of total as a bar of one segment per milestone; overdue ones in red.
    public static func progress(_ goal: GoalReport) -> String {
        let width = 240.0
        let height = 16.0
        let label =
            "\(goal.title): \(goal.milestonesDone) of \(goal.milestonesTotal) milestones done"
            + (goal.overdueMilestones.isEmpty ? "" : ", \(goal.overdueMilestones.count) overdue")
        var parts = [
            "<rect class=\"track\" x=\"0\" y=\"0\" width=\"\(number(width))\" height=\"\(number(height))\" rx=\"4\" />"
        ]
        let total = goal.milestonesTotal
        if total > 0 {
            let segment = width / Double(total)
            let overdue = goal.overdueMilestones.count
            for index in 0..<total {
                let state =
                    index < goal.milestonesDone
                    ? "done" : index < goal.milestonesDone + overdue ? "overdue" : "todo"
                guard state != "todo" else { continue }
                parts.append(
                    "<rect class=\"\(state)\" x=\"\(number(Double(index) * segment + 1))\" y=\"1\" "
                        + "width=\"\(number(segment - 2))\" height=\"\(number(height - 2))\" rx=\"3\" />")
            }
            for index in 1..<max(1, total) {
                let x = number(Double(index) * segment)
                parts.append(
                    "<line class=\"divider\" x1=\"\(x)\" y1=\"0\" x2=\"\(x)\" y2=\"\(number(height))\" />")
            }
        }
        return "<svg class=\"progress\" viewBox=\"0 0 \(number(width)) \(number(height))\" role=\"img\" "
            + "aria-label=\"\(HTMLText.escape(label))\">\(tip(label))" + parts.joined() + "</svg>"
    }

    /// Whether the mentee rated their confidence in any visible reflection.
    public static func hasConfidence(_ m: MentorshipReport) -> Bool {
        m.history.reflections.contains {
            $0.author.flatMap(Role.init(rawValue:)) == .mentee && $0.confidence != nil
        }
    }

    /// The mentee's self-rated confidence (1 to 5) over time, on the timeline's date scale.
    public static func confidence(_ m: MentorshipReport) -> String {
        let today = m.history.asOf
        let scale = scale(m, today: today)
        let top = 20.0
        let bottom = 124.0
        func y(_ value: Int) -> Double { bottom - (bottom - top) * Double(value - 1) / 4 }
        var parts: [String] = []
        for value in 1...5 {
            parts.append(
                "<line class=\"grid\" x1=\"\(number(scale.left))\" y1=\"\(number(y(value)))\" "
                    + "x2=\"\(number(scale.left + scale.width))\" y2=\"\(number(y(value)))\" />")
            parts.append(
                "<text class=\"label value\" x=\"\(number(scale.left - 10))\" y=\"\(number(y(value) + 4))\">\(value)</text>"
            )
        }
        parts.append("<text class=\"lane-name\" x=\"8\" y=\"\(number(y(5) + 4))\">confident</text>")
        parts.append("<text class=\"lane-name\" x=\"8\" y=\"\(number(y(1) + 4))\">unsure</text>")
        parts += axis(scale, y: bottom + 8, top: top)
        let todayX = number(scale.x(today))
        parts.append(
            "<line class=\"today\" x1=\"\(todayX)\" y1=\"\(number(top - 6))\" x2=\"\(todayX)\" y2=\"\(number(bottom + 8))\" />"
        )
        let points = m.history.reflections.compactMap { reflection -> (ReflectionEvent, Int)? in
            guard reflection.author.flatMap(Role.init(rawValue:)) == .mentee,
                let value = reflection.confidence,
                scale.contains(reflection.date)
            else { return nil }
            return (reflection, min(5, max(1, value)))
        }
        if points.count > 1 {
            let line = points.map { "\(number(scale.x($0.0.date))),\(number(y($0.1)))" }.joined(
                separator: " ")
            parts.append("<polyline class=\"trend\" points=\"\(line)\" />")
        }
        for (reflection, value) in points {
            let x = number(scale.x(reflection.date))
            let text = "\(reflection.date): confidence \(value)/5 in \(reflection.title)"
            parts.append(
                "<circle class=\"point\(reflection.isPrivate ? " private" : "")\" cx=\"\(x)\" cy=\"\(number(y(value)))\" "
                    + "r=\"5\">\(tip(text))</circle>")
            parts.append(
                "<text class=\"point-label\" x=\"\(x)\" y=\"\(number(y(value) - 9))\">\(value)</text>")
        }
        return svg(
            label: "The mentee's confidence over time, 1 (unsure) to 5 (confident)", height: 150, parts)
    }
}
