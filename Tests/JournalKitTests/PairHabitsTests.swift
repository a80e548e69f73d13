import Foundation
import Testing

@testable import JournalKit

/// The facts where a pair's habits meet the report (format.md and cli.md): plans written
/// ahead, an item's owner named three ways, a dropped goal's milestones, and the cadence
/// warning while a meeting is agreed.
@Suite struct PairHabitsTests {
    static let agreement = """
        ---
        mentor: Dana Reyes <dana@example.org>
        mentee: {name: Theo Berg, email: theo@example.org, handle: tberg}
        started: 2026-09-01
        cadence: weekly
        ---

        """

    func journal(_ files: [String: String]) -> Journal {
        var all = files
        all["agreement.md"] = all["agreement.md"] ?? Self.agreement
        let bytes = all.mapValues { Array($0.utf8) }
        return JournalLoader.load(
            source: MemorySource(files: bytes), root: URL(fileURLWithPath: "/pair"))
    }

    func report(_ files: [String: String], today: String) -> MentorshipReport? {
        let journal = journal(files)
        let day = CalendarDate(today) ?? CalendarDate(dayNumber: 0)
        let diagnostics = Linter.run(LintContext(journal: journal, today: day))
        return ReportBuilder.build(
            journal.mentorships, diagnostics: diagnostics, options: ReportOptions(today: day)
        )
        .mentorships.first
    }

    func lint(_ files: [String: String], today: String) -> [Diagnostic] {
        let day = CalendarDate(today) ?? CalendarDate(dayNumber: 0)
        return Linter.run(LintContext(journal: journal(files), today: day))
    }

    /// The formats people read, each a renderer of the finished report.
    static func peopleFormats() throws -> [(String, any ReportRenderer)] {
        [
            ("text", TextReportRenderer()),
            ("markdown", MarkdownReportRenderer(template: try ReportTemplate.builtIn(.markdown))),
            ("html", HTMLReportRenderer(template: try ReportTemplate.builtIn(.html))),
        ]
    }

    static let heldOn12th = "---\ndate: 2026-10-12\nnext: 2026-10-19\n---\n# Session\n"

    /// A meeting called off (or moved) a day ahead is off from the moment it is written: its
    /// `next:` is the meeting ahead, and without one the day is never shown again.
    @Test(arguments: ["cancelled", "rescheduled"])
    func aPlanChangedAheadTakesEffectWhenWritten(status: String) {
        let withNext = report(
            [
                "sessions/2026-10-12.md": Self.heldOn12th,
                "sessions/2026-10-19.md": "---\ndate: 2026-10-19\nstatus: \(status)\nnext: 2026-10-22\n---\n",
            ], today: "2026-10-18")
        #expect(withNext?.meetingAhead?.date == CalendarDate("2026-10-22"))
        #expect(withNext?.meetingAhead?.source == .agreed)
        #expect(withNext?.meetingAhead?.path == "sessions/2026-10-19.md")

        let withoutNext = report(
            [
                "sessions/2026-10-12.md": Self.heldOn12th,
                "sessions/2026-10-19.md": "---\ndate: 2026-10-19\nstatus: \(status)\n---\n",
            ], today: "2026-10-18")
        #expect(withoutNext?.meetingAhead?.date != CalendarDate("2026-10-19"))
        #expect(
            withoutNext?.meetingAhead?.date == CalendarDate("2026-10-26"), "the week after, by the cadence")

        // Before it was written, the agreed day held.
        let before = report(["sessions/2026-10-12.md": Self.heldOn12th], today: "2026-10-18")
        #expect(before?.meetingAhead?.date == CalendarDate("2026-10-19"))
    }

    /// `@tberg`, `@mentee` and `@theo` (the mentee's handle, role and first name) are one owner:
    /// ticking the item under any of them closes it.
    @Test func anItemsOwnerIsThePersonHoweverNamed() {
        for (first, later) in [("@tberg", "@mentee"), ("@mentee", "@theo"), ("@Theo", "@tberg")] {
            let files = [
                "sessions/2026-10-05.md":
                    "---\ndate: 2026-10-05\n---\n- [ ] \(first) order snacks (due 2026-10-10)\n",
                "sessions/2026-10-12.md": "---\ndate: 2026-10-12\n---\n- [x] \(later) order snacks\n",
            ]
            let report = report(files, today: "2026-10-14")
            #expect(
                report?.actionItems.isEmpty == true, "\(first) then \(later): \(report?.actionItems ?? [])")
            #expect(!lint(files, today: "2026-10-14").contains { $0.rule == "action/overdue" })
        }
        // Another person's item of the same words stays their own.
        let other = report(
            [
                "sessions/2026-10-05.md": "---\ndate: 2026-10-05\n---\n- [ ] @tberg order snacks\n",
                "sessions/2026-10-12.md": "---\ndate: 2026-10-12\n---\n- [x] @dana order snacks\n",
            ], today: "2026-10-14")
        #expect(other?.actionItems.map(\.owner) == ["mentee"])
    }

    /// A dropped goal's late milestone is on no agenda, in no attention reason and in no rule.
    @Test func onlyAnActiveGoalsMilestonesAreOverdue() {
        let goal = { (status: String) in
            "---\ntitle: Speak\nstatus: \(status)\ntarget: 2027-01-01\nmeasure: a talk\n"
                + "milestones:\n  - title: Draft the abstract\n    due: 2026-10-01\n---\n"
        }
        for status in ["dropped", "paused", "achieved"] {
            let files = ["goals/speak.md": goal(status), "sessions/2026-10-12.md": Self.heldOn12th]
            let report = report(files, today: "2026-10-14")
            #expect(report?.goals.first?.overdueMilestones.isEmpty == true, "\(status)")
            #expect(report?.goals.first?.nextMilestone?.overdue == false, "\(status)")
            #expect(report?.agendaItems.contains { $0.kind == .milestone } == false, "\(status)")
            #expect(
                report?.overview?.reasons.contains { $0.contains("milestone") } == false,
                "\(status): \(report?.overview?.reasons ?? [])")
            #expect(!lint(files, today: "2026-10-14").contains { $0.rule == "milestone/overdue" })
        }
        let active = report(
            ["goals/speak.md": goal("active"), "sessions/2026-10-12.md": Self.heldOn12th], today: "2026-10-14"
        )
        #expect(active?.goals.first?.overdueMilestones.count == 1)
        #expect(active?.agendaItems.contains { $0.kind == .milestone } == true)
    }

    /// `session/cadence` says nothing while a meeting is agreed for today or later, and speaks
    /// once the agreed day has passed with no meeting.
    @Test func theCadenceWarningWaitsForAnAgreedMeeting() {
        let held = "---\ndate: 2026-10-12\nnext: 2026-10-26\n---\n"
        let cadence = { (today: String) in
            self.lint(["sessions/2026-10-12.md": held], today: today).filter { $0.rule == "session/cadence" }
        }
        #expect(cadence("2026-10-25").isEmpty, "the day before the agreed meeting")
        #expect(cadence("2026-10-26").isEmpty, "on the day")
        #expect(cadence("2026-10-27").count == 1, "the agreed day passed with no meeting")
        let planned = lint(
            [
                "sessions/2026-10-12.md": "---\ndate: 2026-10-12\n---\n",
                "sessions/2026-10-30.md": "---\ndate: 2026-10-30\nstatus: planned\n---\n",
            ], today: "2026-10-25")
        #expect(!planned.contains { $0.rule == "session/cadence" })
        #expect(cadence("2026-10-27").first?.message.contains("time to meet") == true)
    }

    /// An entry whose front matter cannot be read is named at the top of every format, with its
    /// line, before any fact it could have changed; JSON lists it in `unreadable_files`.
    @Test func anUnreadableEntryIsNamedAtTheTopOfEveryFormat() throws {
        let files = [
            "sessions/2026-10-12.md":
                "---\ndate: 2026-10-12\nstatus: held\nnext: 2026-10-19\nnext: 2026-10-26\n---\n"
        ]
        let journal = journal(files)
        let day = CalendarDate("2026-10-20") ?? CalendarDate(dayNumber: 0)
        let diagnostics = Linter.run(LintContext(journal: journal, today: day))
        let report = ReportBuilder.build(
            journal.mentorships, diagnostics: diagnostics, options: ReportOptions(today: day))
        let problem = report.mentorships.first?.unreadableFiles.first
        #expect(problem?.path == "sessions/2026-10-12.md")
        #expect(problem?.line == 5)
        #expect(problem?.rule == "front-matter/yaml")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(JSONReportRenderer().render(report).utf8))
                as? [String: Any])
        let mentorship = (json["mentorships"] as? [[String: Any]])?.first
        let listed = mentorship?["unreadable_files"] as? [[String: Any]]
        #expect(listed?.first?["path"] as? String == "sessions/2026-10-12.md")
        #expect(listed?.first?["line"] as? Int == 5)
        #expect(report.mentorships.first?.overview?.reasons.contains("1 file cannot be read") == true)
        for (format, renderer) in try Self.peopleFormats() {
            let rendered = renderer.render(report)
            let named = try #require(
                rendered.range(of: "sessions/2026-10-12.md (line 5: duplicate key"), "\(format)")
            // Before the facts: the sentence about sessions comes after it.
            let facts =
                rendered.range(of: "no session has been held")
                ?? rendered.range(of: "No session has been held")
            #expect(facts.map { named.lowerBound < $0.lowerBound } ?? false, "\(format)")
        }
    }

    /// When every open item is overdue (so on the agenda), the items' heading is followed by a
    /// sentence that says so, in every format, never by an empty list.
    @Test func aListEmptiedByTheAgendaSaysWhere() throws {
        let files = [
            "sessions/2026-10-12.md":
                "---\ndate: 2026-10-12\n---\n- [ ] @mentee read the chapter (due 2026-10-13)\n"
                + "- [/] @mentor send the article (due 2026-10-14)\n"
        ]
        let journal = journal(files)
        let day = CalendarDate("2026-10-20") ?? CalendarDate(dayNumber: 0)
        let report = ReportBuilder.build(
            journal.mentorships, diagnostics: [], options: ReportOptions(today: day))
        let sentence = "All 2 are overdue, so they are on the agenda above."
        for (format, renderer) in try Self.peopleFormats() {
            let rendered = renderer.render(report)
            #expect(rendered.contains(sentence), "\(format)")
            #expect(!rendered.contains("None."), "\(format)")
        }
    }

    /// The HTML report shows what a reflection says, not the template's unanswered headings.
    @Test func emptyTemplateSectionsAreLeftOut() {
        let body = """
            ## What I tried

            <!-- What did I try since we last met? -->

            ## Wins

            <!-- What am I proud of?
                 One per list item. -->
            - Led the case review

            ## Obstacles

            ```
            ## not a heading <!-- kept -->
            ```

            ### Inside

            <!-- prompt -->
            """
        let shown = ReportTemplateContext.withoutEmptySections(body)
        #expect(!shown.contains("What I tried"), "\(shown)")
        #expect(shown.contains("## Wins\n\n- Led the case review"), "\(shown)")
        #expect(!shown.contains("Inside"), "\(shown)")
        #expect(!shown.contains("<!-- What"), "\(shown)")
        #expect(shown.contains("## not a heading <!-- kept -->"), "code stays as written: \(shown)")
        #expect(shown.contains("## Obstacles"), "a heading over code keeps it: \(shown)")
    }

    /// A picture over a few weeks still carries dates on its axis (every week), not one label.
    @Test func aShortTimelineHasDatedAxes() throws {
        let files = [
            "agreement.md": Self.agreement.replacingOccurrences(of: "2026-09-01", with: "2026-10-02"),
            "sessions/2026-10-05.md": "---\ndate: 2026-10-05\n---\n",
            "sessions/2026-10-12.md": "---\ndate: 2026-10-12\n---\n",
            "reflections/2026-10-13.md": "---\ndate: 2026-10-13\nconfidence: 3\n---\n",
            "reflections/2026-10-16.md": "---\ndate: 2026-10-16\nconfidence: 4\n---\n",
        ]
        let journal = journal(files)
        let day = CalendarDate("2026-10-20") ?? CalendarDate(dayNumber: 0)
        var report = ReportBuilder.build(
            journal.mentorships, diagnostics: [], options: ReportOptions(today: day))
        report.mentorships = report.mentorships.map { $0 }
        let html = HTMLReportRenderer(template: try ReportTemplate.builtIn(.html)).render(report)
        for svg in html.components(separatedBy: "<svg").dropFirst().map({
            $0.components(separatedBy: "</svg>")[0]
        })
        where svg.contains("class=\"axis\"") {
            let labels = svg.components(separatedBy: "<text class=\"label\"").count - 1
            #expect(labels >= 2, "\(svg.prefix(400))")
            #expect(
                svg.contains(">12 Oct") || svg.contains(">5 Oct"),
                "weekly dates: \(svg.components(separatedBy: "<text class=\"label\"").dropFirst().map { $0.prefix(60) })"
            )
        }
        #expect(html.contains("class=\"axis\""))
    }
}
