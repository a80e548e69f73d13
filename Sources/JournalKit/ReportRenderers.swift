/// Turns a report model into text for one audience; chosen by `--format`.
public protocol ReportRenderer: Sendable {
    /// The whole output, ending in a newline.
    func render(_ report: Report) -> String
}

/// `journal-report/1`: the machine contract of cli.md.
public struct JSONReportRenderer: ReportRenderer {
    /// Creates the renderer.
    public init() {}

    /// The report as a JSON document.
    public func render(_ report: Report) -> String {
        // A program's report holds hundreds of mentorships: each one's JSON is built, written
        // and freed on one core, so neither building nor freeing the tree waits on one core.
        let mentorships = concurrentMap(report.mentorships.count) {
            JSONReportRenderer.mentorship(report.mentorships[$0]).written(indent: 4)
        }
        return JSONReportRenderer.document(report, mentorships: mentorships).rendered()
    }

    /// The JSON value of a report, for renderers that embed it.
    public static func document(_ report: Report) -> JSONValue {
        document(report, mentorships: report.mentorships.map(mentorship))
    }

    static func document(_ report: Report, mentorships: [JSONValue]) -> JSONValue {
        .object([
            ("schema", .string("journal-report/1")),
            ("today", .string(report.today.description)),
            ("mentorships", .array(mentorships)),
            ("overview", overview(report)),
        ])
    }

    static func person(_ person: Person) -> JSONValue {
        .object([
            ("name", .optional(person.name)), ("email", .optional(person.email)),
            ("handle", .optional(person.handle)),
        ])
    }

    static func milestone(_ milestone: MilestoneReport) -> JSONValue {
        .object([("title", .string(milestone.title)), ("due", .date(milestone.due))])
    }

    static func activity(_ activity: ActivityReport) -> JSONValue {
        .object([
            ("author", .string(activity.author)), ("email", .optional(activity.email)),
            ("commits", .int(activity.commits)), ("last", .string(activity.last.description)),
            ("entries", .array(activity.entries.map(JSONValue.string))),
        ])
    }

    static func mentorship(_ m: MentorshipReport) -> JSONValue {
        .object([
            ("id", .string(m.id)),
            ("path", .string(m.path)),
            ("status", .string(m.status)),
            ("mentor", person(m.mentor)),
            ("mentee", person(m.mentee)),
            ("since", .date(m.since)),
            ("cadence", .optional(m.cadence?.description)),
            ("cadence_days", .optional(m.cadenceDays)),
            ("last_session", .date(m.lastSession)),
            ("days_since_last_session", .optional(m.daysSinceLastSession)),
            ("next_session_due", .date(m.nextSessionDue)),
            ("session_overdue", .optional(m.sessionOverdue)),
            ("sessions", .int(m.sessions)),
            ("cancelled_sessions", .int(m.cancelledSessions)),
            ("review_due", .date(m.reviewDue)),
            (
                "goals",
                .array(
                    m.goals.map { goal in
                        .object([
                            ("id", .string(goal.id)),
                            ("title", .string(goal.title)),
                            ("status", .string(goal.status)),
                            ("target", .date(goal.target)),
                            ("milestones_done", .int(goal.milestonesDone)),
                            ("milestones_total", .int(goal.milestonesTotal)),
                            ("next_milestone", goal.nextMilestone.map(milestone) ?? .null),
                            ("overdue_milestones", .array(goal.overdueMilestones.map(milestone))),
                            ("last_activity", .date(goal.lastActivity)),
                        ])
                    })
            ),
            (
                "action_items",
                .array(
                    m.actionItems.map { item in
                        .object([
                            ("text", .string(item.text)),
                            ("owner", .optional(item.owner)),
                            ("due", .date(item.due)),
                            ("overdue", .bool(item.overdue)),
                            ("path", .string(item.path)),
                            ("line", .int(item.line)),
                        ])
                    })
            ),
            (
                "reflections",
                .array(
                    m.reflections.map { reflection in
                        .object([
                            ("path", .string(reflection.path)),
                            ("date", .string(reflection.date.description)),
                            ("author", .optional(reflection.author)),
                            ("title", .string(reflection.title)),
                            ("private", .bool(reflection.isPrivate)),
                            ("confidence", .optional(reflection.confidence)),
                            ("questions", .array(reflection.questions.map(JSONValue.string))),
                            ("wins", .array(reflection.wins.map(JSONValue.string))),
                            ("obstacles", .array(reflection.obstacles.map(JSONValue.string))),
                        ])
                    })
            ),
            ("agenda", .array(m.agenda.map(JSONValue.string))),
            ("activity", .array(m.activity.map(activity))),
            ("lint", .object([("errors", .int(m.lintErrors)), ("warnings", .int(m.lintWarnings))])),
            ("history", history(m.history)),
        ])
    }
}
