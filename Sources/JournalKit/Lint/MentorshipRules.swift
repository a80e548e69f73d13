import Foundation

/// `session/cadence`: the pair is not meeting as often as agreed.
public enum SessionCadenceRule: LintRule {
    public static let description = RuleDescription(
        id: "session/cadence",
        summary: "A gap between held sessions, or since the last one, exceeds the cadence by half of it.",
        severity: .warning,
        rationale:
            "Regular meetings are what keep a mentorship alive. A gap of one and a half times the agreed "
            + "cadence is the moment to schedule the next session, or to agree a new cadence.",
        triggering: [
            RuleExample([
                "sessions/2026-10-01.md": "---\ndate: 2026-10-01\n---\n",
                "sessions/2026-11-03.md": "---\ndate: ↓2026-11-03\n---\n",
            ])
        ],
        nonTriggering: [
            RuleExample([
                "sessions/2026-11-03.md": "---\ndate: 2026-11-03\n---\n",
                "sessions/2026-11-17.md": "---\ndate: 2026-11-17\n---\n",
                "sessions/2026-11-24.md": "---\ndate: 2026-11-24\nstatus: cancelled\n---\n",
            ])
        ])

    public static func check(_ context: LintContext) -> [Diagnostic] {
        context.journal.mentorships.flatMap { mentorship -> [Diagnostic] in
            let agreement = mentorship.agreement
            guard agreement.status == "active", let cadence = agreement.cadence,
                let agreementEntry = mentorship.agreementEntry
            else { return [] }
            let limit = cadence.days * 3  // compared with twice the gap: gap > 1.5 × cadence
            let held = mentorship.sessions.filter { entry in
                entry.session?.isHeld == true && entry.date.map { $0 <= context.today } == true
            }.sorted { ($0.date?.dayNumber ?? 0, $0.path) < ($1.date?.dayNumber ?? 0, $1.path) }
            var result: [Diagnostic] = []
            for (earlier, later) in zip(held, held.dropFirst()) {
                guard let from = earlier.date, let to = later.date, from.days(to: to) * 2 > limit else {
                    continue
                }
                result.append(
                    diagnostic(
                        later.path, later.valuePosition("date"),
                        "\(from.days(to: to)) days between the sessions of \(from) and \(to); "
                            + "the cadence is \(cadence) (\(cadence.days) days)"))
            }
            if let last = held.last, let date = last.date {
                let gap = date.days(to: context.today)
                if gap * 2 > limit {
                    result.append(
                        diagnostic(
                            last.path, last.valuePosition("date"),
                            "\(gap) days since the last session (\(date)); the cadence is \(cadence): "
                                + "time to meet, or to agree a new cadence"))
                }
            } else if let started = agreement.started, started.days(to: context.today) * 2 > limit {
                result.append(
                    diagnostic(
                        agreementEntry.path, agreementEntry.valuePosition("started"),
                        "no session held in the \(started.days(to: context.today)) days since the mentorship "
                            + "started; the cadence is \(cadence)"))
            }
            return result
        }
    }
}

/// `mentorship/inactive`: an active mentorship with nothing written for 90 days.
public enum MentorshipInactiveRule: LintRule {
    public static let description = RuleDescription(
        id: "mentorship/inactive",
        summary: "An active mentorship has no entry dated, and did not start, in the last 90 days.",
        severity: .warning,
        rationale: "Three quiet months usually mean the mentorship has ended or paused without anyone saying "
            + "so; set its status, or pick it up again.",
        triggering: [
            RuleExample([
                "agreement.md": RuleExample.agreement.replacingOccurrences(
                    of: "2026-11-20", with: "2026-01-10"
                )
                .replacingOccurrences(of: "---\nmentor", with: "↓---\nmentor"),
                "sessions/2026-02-01.md": "---\ndate: 2026-02-01\n---\n",
            ])
        ],
        nonTriggering: [
            RuleExample([
                "agreement.md": RuleExample.agreement.replacingOccurrences(
                    of: "2026-11-20", with: "2026-01-10"),
                "reflections/2026-10-01.md": "---\ndate: 2026-10-01\n---\n",
            ])
        ])

    public static func check(_ context: LintContext) -> [Diagnostic] {
        context.journal.mentorships.compactMap { mentorship in
            guard mentorship.agreement.status == "active", let entry = mentorship.agreementEntry else {
                return nil
            }
            var latest = mentorship.agreement.started
            for other in mentorship.entries {
                for date in [other.date, other.goal?.created].compactMap({ $0 }) where date <= context.today {
                    if latest.map({ $0 < date }) ?? true { latest = date }
                }
            }
            guard let latest, latest.days(to: context.today) > 90 else { return nil }
            return diagnostic(
                entry.path, .fileStart,
                "nothing written since \(latest) (\(latest.days(to: context.today)) days); "
                    + "if the mentorship has paused or ended, say so in `status`")
        }
    }
}

/// `agreement/incomplete`: the agreement does not say how long or how the pair meets.
public enum AgreementIncompleteRule: LintRule {
    public static let description = RuleDescription(
        id: "agreement/incomplete", summary: "The agreement lacks `duration` or `channel`.",
        severity: .warning,
        rationale:
            "Agreeing early how long meetings last and how you talk between them avoids the most common "
            + "misunderstandings of a mentorship.",
        triggering: [
            RuleExample([
                "agreement.md":
                    "↓---\nmentor: Grace Hopper <grace@example.org>\nmentee: Ada Lovelace <ada@example.org>\n"
                    + "started: 2026-11-20\ncadence: biweekly\n---\n"
            ])
        ],
        nonTriggering: [RuleExample(["agreement.md": RuleExample.agreement])])

    public static func check(_ context: LintContext) -> [Diagnostic] {
        context.journal.mentorships.compactMap { mentorship in
            guard let entry = mentorship.agreementEntry, entry.agreement != nil else { return nil }
            let missing = ["duration", "channel"].filter { entry.fields[$0] == nil }
            guard !missing.isEmpty else { return nil }
            let keys = missing.map { "`\($0)`" }.joined(separator: " and ")
            return diagnostic(
                entry.path, .fileStart,
                "the agreement does not say \(keys): agree how long you meet and how you keep in touch")
        }
    }
}

/// `agreement/review-due`: the agreement's review date has passed.
public enum AgreementReviewDueRule: LintRule {
    public static let description = RuleDescription(
        id: "agreement/review-due", summary: "The agreement's `review` date has passed.", severity: .warning,
        rationale:
            "Goals, cadence and expectations change; revisit the agreement together, then set the next "
            + "review date.",
        triggering: [
            RuleExample([
                "agreement.md": RuleExample.agreement.replacingOccurrences(
                    of: "cadence:", with: "review: ↓2026-11-24\ncadence:")
            ])
        ],
        nonTriggering: [
            RuleExample([
                "agreement.md": RuleExample.agreement.replacingOccurrences(
                    of: "cadence:", with: "review: 2026-11-25\ncadence:")
            ])
        ])

    public static func check(_ context: LintContext) -> [Diagnostic] {
        context.journal.mentorships.compactMap { mentorship in
            guard let entry = mentorship.agreementEntry, let review = mentorship.agreement.review,
                review < context.today,
                ["active", "paused", "proposed"].contains(mentorship.agreement.status)
            else { return nil }
            return diagnostic(
                entry.path, entry.valuePosition("review"),
                "the agreement was due for review on \(review); revisit it together and set the next date")
        }
    }
}

/// `evaluation/missing`: a completed mentorship without an evaluation from each party.
public enum EvaluationMissingRule: LintRule {
    public static let description = RuleDescription(
        id: "evaluation/missing", summary: "A completed mentorship lacks an evaluation from a party.",
        severity: .info,
        rationale:
            "Closing well means both of you look back: what you set out to do, what happened, what you "
            + "learned, and what comes next.",
        triggering: [
            RuleExample([
                "agreement.md": RuleExample.agreement.replacingOccurrences(
                    of: "cadence:", with: "status: ↓completed\ncadence:"),
                "evaluations/ada.md": "---\nauthor: mentee\ndate: 2026-11-24\n---\n",
            ])
        ],
        nonTriggering: [
            RuleExample([
                "agreement.md": RuleExample.agreement.replacingOccurrences(
                    of: "cadence:", with: "status: completed\ncadence:"),
                "evaluations/ada.md": "---\nauthor: mentee\ndate: 2026-11-24\n---\n",
                "evaluations/grace.md": "---\nauthor: grace\ndate: 2026-11-24\n---\n",
            ])
        ])

    public static func check(_ context: LintContext) -> [Diagnostic] {
        context.journal.mentorships.flatMap { mentorship -> [Diagnostic] in
            let agreement = mentorship.agreement
            guard agreement.status == "completed", let entry = mentorship.agreementEntry else { return [] }
            let authors = Set(
                mentorship.evaluations.compactMap { evaluation -> String? in
                    guard case .evaluation(let value) = evaluation.content else { return nil }
                    return value.author?.lowercased()
                })
            var result: [Diagnostic] = []
            for (role, person) in [("mentor", agreement.mentor), ("mentee", agreement.mentee)] {
                let names = [role, person?.handle?.lowercased()].compactMap { $0 }
                if authors.isDisjoint(with: names) {
                    result.append(
                        diagnostic(
                            entry.path, entry.valuePosition("status"),
                            "the mentorship is completed but the \(role) has not written an evaluation "
                                + "(evaluations/\(person?.handle ?? role).md)"))
                }
            }
            return result
        }
    }
}
