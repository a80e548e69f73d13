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
            w.member("id", m.id)
            w.member("path", m.path)
            w.member("status", m.status.rawValue)
            w.member("mentor", person(m.mentor))
            w.member("mentee", person(m.mentee))
            w.member("since", m.since)
            w.member("cadence", m.cadence?.description)
            w.member("cadence_days", m.cadenceDays)
            w.member("last_session", m.lastSession)
            w.member("days_since_last_session", m.daysSinceLastSession)
            w.member("next_session_due", m.nextSessionDue)
            w.member("session_overdue", m.sessionOverdue)
            w.key("next_session")
            if let ahead = m.meetingAhead {
                w.object { w in
                    w.member("date", ahead.date)
                    w.member("source", ahead.source.rawValue)
                    w.member("path", ahead.path)
                    w.key("agenda")
                    w.array(ahead.agenda) { $0.string($1) }
                    w.member("private", ahead.isPrivate)
                }
            } else {
                w.null()
            }
            w.member("sessions", m.sessions)
            w.member("cancelled_sessions", m.cancelledSessions)
            w.member("planned_sessions", m.plannedSessions)
            w.member("review_due", m.reviewDue)
            w.member("past_end", m.pastEnd)
            w.key("goals")
            w.array(m.goals) { w, goal in
                w.object { w in
                    w.member("id", goal.id)
                    w.member("title", goal.title)
                    w.member("status", goal.status.rawValue)
                    w.member("target", goal.target)
                    w.member("milestones_done", goal.milestonesDone)
                    w.member("milestones_total", goal.milestonesTotal)
                    w.key("next_milestone")
                    if let next = goal.nextMilestone { milestone(next, into: &w) } else { w.null() }
                    w.key("overdue_milestones")
                    w.array(goal.overdueMilestones) { w, overdue in milestone(overdue, into: &w) }
                    w.member("last_activity", goal.lastActivity)
                }
            }
            w.key("action_items")
            w.array(m.actionItems) { w, item in
                w.object { w in
                    w.member("text", item.text)
                    w.member("owner", item.owner)
                    w.member("due", item.due)
                    w.member("overdue", item.overdue)
                    w.member("path", item.path)
                    w.member("line", item.line)
                    w.member("state", item.state.name)
                    w.member("first_seen", item.firstSeen)
                    w.member("left_open", item.leftOpen)
                    w.member("private", item.isPrivate)
                }
            }
            w.key("reflections")
            w.array(m.reflections) { w, reflection in
                w.object { w in
                    w.member("path", reflection.path)
                    w.member("date", reflection.date)
                    w.member("author", reflection.author)
                    w.member("title", reflection.title)
                    w.member("private", reflection.isPrivate)
                    w.member("confidence", reflection.confidence)
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
            w.key("agenda_items")
            w.array(m.agendaItems) { w, item in
                w.object { w in
                    w.member("text", item.text)
                    w.member("kind", item.kind.rawValue)
                    w.member("private", item.isPrivate)
                }
            }
            w.key("conflicted_files")
            w.array(m.conflictedFiles) { $0.string($1) }
            w.key("unreadable_files")
            w.array(m.unreadableFiles) { w, problem in
                w.object { w in
                    w.member("path", problem.path)
                    w.member("line", problem.line)
                    w.member("column", problem.column)
                    w.member("rule", problem.rule)
                    w.member("message", problem.message)
                }
            }
            w.key("evaluations")
            w.array(m.evaluations) { $0.string($1.rawValue) }
            w.key("missing_evaluations")
            w.array(m.missingEvaluations) { $0.string($1.rawValue) }
            w.member("latest_confidence", m.latestConfidence)
            w.member("last_reflection", m.lastReflection)
            w.key("activity")
            w.array(m.activity) { $0.value(activity($1)) }
            w.key("lint")
            w.object { w in
                w.member("errors", m.lintErrors)
                w.member("warnings", m.lintWarnings)
            }
            w.key("history")
            history(m.history, into: &w)
        }
        return .written(w.bytes)
    }

    static func milestone(_ milestone: MilestoneReport, into w: inout JSONWriter) {
        w.object { w in
            w.member("title", milestone.title)
            w.member("due", milestone.due)
        }
    }
}
