/// `action/no-owner`: an open action item that names nobody.
public enum ActionNoOwnerRule: LintRule {
    public static let description = RuleDescription(
        id: "action/no-owner",
        summary: "An open action item names no owner (`@handle`, `@mentor`, `@mentee`).",
        severity: .warning,
        rationale:
            "An action point without an owner is everybody's and so nobody's; name who follows through.",
        triggering: [
            RuleExample([
                "sessions/2026-11-20.md": "---\ndate: 2026-11-20\n---\n↓- [ ] book a room (due 2026-12-01)\n"
            ])
        ],
        nonTriggering: [
            RuleExample([
                "sessions/2026-11-20.md":
                    "---\ndate: 2026-11-20\n---\n- [ ] @mentee book a room\n- [x] tidy the notes\n"
            ])
        ])

    public static func check(_ context: LintContext) -> [Diagnostic] {
        context.journal.mentorships.flatMap(\.entries).flatMap { entry in
            entry.actionItems.filter { !$0.done && $0.owner == nil }.map { item in
                diagnostic(
                    entry.path, SourcePosition(line: item.line, column: item.column),
                    "the action item “\(item.text)” names no owner; add @mentor, @mentee or a @handle")
            }
        }
    }
}

/// `action/overdue`: an open action item past its due date.
public enum ActionOverdueRule: LintRule {
    public static let description = RuleDescription(
        id: "action/overdue", summary: "An open action item is past its due date.", severity: .warning,
        rationale: "Following through on action points is what turns meetings into progress; an overdue one "
            + "belongs on the next agenda (tick it when it is done).",
        triggering: [
            RuleExample([
                "sessions/2026-11-20.md":
                    "---\ndate: 2026-11-20\n---\n↓- [ ] @mentee send the draft 📅 2026-11-22\n"
            ])
        ],
        nonTriggering: [
            RuleExample([
                "sessions/2026-11-20.md":
                    "---\ndate: 2026-11-20\n---\n- [x] @mentee send the draft (due 2026-11-22)\n"
                    + "- [ ] @mentor read it due: 2026-11-25\n"
            ])
        ])

    public static func check(_ context: LintContext) -> [Diagnostic] {
        context.journal.mentorships.flatMap(\.entries).flatMap { entry in
            entry.actionItems.compactMap { item in
                guard !item.done, let due = item.due, due < context.today else { return nil }
                return diagnostic(
                    entry.path, SourcePosition(line: item.line, column: item.column),
                    "the action item “\(item.text)” was due \(due) (\(due.days(to: context.today)) days ago)")
            }
        }
    }
}

/// `filename/date`: a dated file name that disagrees with the entry's `date`.
public enum FilenameDateRule: LintRule {
    public static let description = RuleDescription(
        id: "filename/date", summary: "A dated file name disagrees with the entry's `date`.",
        severity: .warning,
        rationale: "The front matter's date is the one that counts; a file name that says otherwise misleads "
            + "whoever browses the folder. Rename the file or fix the date.",
        triggering: [RuleExample(["sessions/2026-11-20.md": "---\ndate: ↓2026-11-21\n---\n"])],
        nonTriggering: [RuleExample(["sessions/2026-11-20-kickoff.md": "---\ndate: 2026-11-20\n---\n"])])

    public static func check(_ context: LintContext) -> [Diagnostic] {
        context.journal.mentorships.flatMap(\.entries).compactMap { entry in
            guard entry.kind == .session || entry.kind == .reflection, let fileDate = entry.fileDate,
                let date = entry.date, fileDate != date
            else { return nil }
            return diagnostic(
                entry.path, entry.valuePosition("date"),
                "the file name says \(fileDate) but `date` is \(date); rename the file or fix the date")
        }
    }
}

/// `private/tracked`: a private entry that git tracks.
public enum PrivateTrackedRule: LintRule {
    public static let description = RuleDescription(
        id: "private/tracked", summary: "A private entry is tracked by git.", severity: .error,
        rationale:
            "A private reflection is meant to stay on its author's machine; once tracked, the next push "
            + "shares it. Stop tracking it with `git rm --cached PATH` (the file stays on disk).",
        triggering: [
            RuleExample(
                ["reflections/2026-11-20.md": "↓---\ndate: 2026-11-20\nprivate: true\n---\n"],
                tracked: ["reflections/2026-11-20.md"])
        ],
        nonTriggering: [
            RuleExample(["reflections/2026-11-20.md": "---\ndate: 2026-11-20\nprivate: true\n---\n"])
        ])

    public static func check(_ context: LintContext) -> [Diagnostic] {
        context.journal.mentorships.flatMap(\.entries).compactMap { entry in
            guard entry.isPrivate, context.isTracked(entry.path) else { return nil }
            if let reason = entry.privacy.reason {
                return diagnostic(
                    entry.path, .fileStart,
                    "git tracks this entry, but whether it is private is unclear (\(reason)); "
                        + "journal commits none of its changes until it is decided")
            }
            return diagnostic(
                entry.path, .fileStart,
                "this private entry is tracked by git and would be shared; run `git rm --cached \(entry.path)`"
            )
        }
    }
}
