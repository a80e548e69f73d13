/// Turns a report model into text for one audience; chosen by `--format`.
public protocol ReportRenderer: Sendable {
    /// The whole output, ending in a newline.
    func render(_ report: Report) -> String
    /// The same output as UTF-8 in pieces, to be written one after the other.
    func renderParts(_ report: Report) -> [[UInt8]]
}

extension ReportRenderer {
    /// One piece: the rendered string.
    public func renderParts(_ report: Report) -> [[UInt8]] { [Array(render(report).utf8)] }
}

/// `journal-report/1`: the machine contract of cli.md.
public struct JSONReportRenderer: ReportRenderer {
    /// Creates the renderer.
    public init() {}

    /// The report as a JSON document.
    public func render(_ report: Report) -> String {
        String(decoding: renderParts(report).joined(), as: UTF8.self)
    }

    /// The document in pieces: a program's report runs to megabytes, and each mentorship is
    /// written on one core and handed on as it is, never copied into one string.
    public func renderParts(_ report: Report) -> [[UInt8]] {
        let mentorships = concurrentMap(report.mentorships.count) {
            JSONReportRenderer.mentorship(report.mentorships[$0])
        }
        return JSONReportRenderer.document(report, mentorships: mentorships).renderedParts()
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

    static func activity(_ activity: ActivityReport) -> JSONValue {
        .object([
            ("author", .string(activity.author)), ("email", .optional(activity.email)),
            ("commits", .int(activity.commits)), ("last", .string(activity.last.description)),
            ("entries", .array(activity.entries.map(JSONValue.string))),
        ])
    }

    /// One element of `mentorships`, written for its place in the document (indented by 4).
    static func mentorship(_ m: MentorshipReport) -> JSONValue {
        var w = JSONWriter(indent: 4)
        w.object { w in
            w.key("id")
            w.string(m.id)
            w.key("path")
            w.string(m.path)
            w.key("status")
            w.string(m.status)
            w.key("mentor")
            w.value(person(m.mentor))
            w.key("mentee")
            w.value(person(m.mentee))
            w.key("since")
            w.date(m.since)
            w.key("cadence")
            w.string(m.cadence?.description)
            w.key("cadence_days")
            w.int(m.cadenceDays)
            w.key("last_session")
            w.date(m.lastSession)
            w.key("days_since_last_session")
            w.int(m.daysSinceLastSession)
            w.key("next_session_due")
            w.date(m.nextSessionDue)
            w.key("session_overdue")
            w.bool(m.sessionOverdue)
            w.key("sessions")
            w.int(m.sessions)
            w.key("cancelled_sessions")
            w.int(m.cancelledSessions)
            w.key("review_due")
            w.date(m.reviewDue)
            w.key("goals")
            w.array(m.goals) { w, goal in
                w.object { w in
                    w.key("id")
                    w.string(goal.id)
                    w.key("title")
                    w.string(goal.title)
                    w.key("status")
                    w.string(goal.status)
                    w.key("target")
                    w.date(goal.target)
                    w.key("milestones_done")
                    w.int(goal.milestonesDone)
                    w.key("milestones_total")
                    w.int(goal.milestonesTotal)
                    w.key("next_milestone")
                    if let next = goal.nextMilestone { milestone(next, into: &w) } else { w.null() }
                    w.key("overdue_milestones")
                    w.array(goal.overdueMilestones) { w, overdue in milestone(overdue, into: &w) }
                    w.key("last_activity")
                    w.date(goal.lastActivity)
                }
            }
            w.key("action_items")
            w.array(m.actionItems) { w, item in
                w.object { w in
                    w.key("text")
                    w.string(item.text)
                    w.key("owner")
                    w.string(item.owner)
                    w.key("due")
                    w.date(item.due)
                    w.key("overdue")
                    w.bool(item.overdue)
                    w.key("path")
                    w.string(item.path)
                    w.key("line")
                    w.int(item.line)
                }
            }
            w.key("reflections")
            w.array(m.reflections) { w, reflection in
                w.object { w in
                    w.key("path")
                    w.string(reflection.path)
                    w.key("date")
                    w.date(reflection.date)
                    w.key("author")
                    w.string(reflection.author)
                    w.key("title")
                    w.string(reflection.title)
                    w.key("private")
                    w.bool(reflection.isPrivate)
                    w.key("confidence")
                    w.int(reflection.confidence)
                    w.key("questions")
                    w.array(reflection.questions) { $0.string($1) }
                    w.key("wins")
                    w.array(reflection.wins) { $0.string($1) }
                    w.key("obstacles")
                    w.array(reflection.obstacles) { $0.string($1) }
                }
            }
            w.key("agenda")
            w.array(m.agenda) { $0.string($1) }
            w.key("activity")
            w.array(m.activity) { $0.value(activity($1)) }
            w.key("lint")
            w.object { w in
                w.key("errors")
                w.int(m.lintErrors)
                w.key("warnings")
                w.int(m.lintWarnings)
            }
            w.key("history")
            history(m.history, into: &w)
        }
        return .written(w.bytes)
    }

    static func milestone(_ milestone: MilestoneReport, into w: inout JSONWriter) {
        w.object { w in
            w.key("title")
            w.string(milestone.title)
            w.key("due")
            w.date(milestone.due)
        }
    }
}
