import Foundation
import JournalKit

/// One entry as `journal list` shows it.
public struct ListedEntry: Sendable, Equatable {
    public var kind: EntryKind
    public var mentorship: String
    /// Relative to the journal root.
    public var path: String
    /// Its date: `date:`, a goal's `created`, else the date in its file name.
    public var date: CalendarDate?
    /// A few words saying which entry it is: a title, a session's status and agenda, an author.
    public var title: String
    /// Its status, for kinds that have one.
    public var status: String?
    /// The goals it names (a goal names itself).
    public var goals: [String]
    public var isPrivate: Bool
}

/// One open action item as `journal list actions` shows it.
public struct ListedAction: Sendable, Equatable {
    public var mentorship: String
    public var text: String
    public var owner: String?
    public var due: CalendarDate?
    public var isOverdue: Bool
    public var firstSeen: CalendarDate?
    public var path: String
    public var line: Int
    public var isPrivate: Bool
    /// `open` or `in-progress` (`[/]`).
    public var state: ActionState = .open
}

extension OpenedJournal {
    /// The entries of the narrowed mentorships, newest first, of `kind` (all kinds when nil),
    /// dated `since` or later, naming `goal` (or being it).
    public func listedEntries(kind: EntryKind?, since: CalendarDate?, goal: String?) -> [ListedEntry] {
        var rows: [ListedEntry] = []
        for mentorship in mentorships {
            for entry in mentorship.entries where kind == nil || entry.kind == kind {
                let row = Self.listed(entry, in: mentorship)
                if let since, (row.date.map { $0 < since } ?? true) { continue }
                if let goal, !row.goals.contains(goal) { continue }
                rows.append(row)
            }
        }
        return rows.sorted(by: Self.newestFirst)
    }

    /// The open action items of the narrowed mentorships as of today, the soonest due first.
    public func listedActions(since: CalendarDate?) -> [ListedAction] {
        var rows: [ListedAction] = []
        for mentorship in mentorships {
            for tracked in ActionItemLedger.fold(
                mentorship.entries, asOf: today, agreement: mentorship.agreement) where tracked.isOpen
            {
                if let since, (tracked.firstSeen.map { $0 < since } ?? true) { continue }
                let item = tracked.item
                rows.append(
                    ListedAction(
                        mentorship: mentorship.id, text: item.text, owner: item.owner, due: item.due,
                        isOverdue: item.due.map { $0 < today } ?? false, firstSeen: tracked.firstSeen,
                        path: item.path, line: item.line, isPrivate: tracked.isPrivate, state: item.state))
            }
        }
        return rows.sorted { a, b in
            (a.due?.dayNumber ?? Int.max, a.path, a.line) < (b.due?.dayNumber ?? Int.max, b.path, b.line)
        }
    }

    /// The entry `journal edit` opens for `target`: `last` (or nothing) the newest entry; a
    /// kind (`session`, `goals`, ...) the newest of that kind; a goal id that goal; else a path.
    public func entryToEdit(_ target: String?) throws -> Entry {
        let all = mentorships.flatMap { m in m.entries.map { (m, $0) } }
        func newest(_ kind: EntryKind?) -> Entry? {
            all.filter { kind == nil || $0.1.kind == kind }.map { Self.listed($0.1, in: $0.0) }
                .sorted(by: Self.newestFirst).first.flatMap { row in all.first { $0.1.path == row.path }?.1 }
        }
        guard let target, target != "last" else {
            guard let entry = newest(nil) else {
                throw Failure(
                    message: "the journal has no entry yet: write one with `journal new`", status: .failure)
            }
            return entry
        }
        let singular = target.hasSuffix("s") ? String(target.dropLast()) : target
        if let kind = EntryKind(rawValue: singular.lowercased()) {
            guard let entry = newest(kind) else {
                throw Failure(
                    message:
                        "the journal has no \(kind.rawValue) yet: write one with `journal new \(kind.rawValue)`",
                    status: .failure)
            }
            return entry
        }
        if let goal = all.first(where: { $0.1.goal?.id == target })?.1 { return goal }
        let file = URL(fileURLWithPath: target, relativeTo: workingDirectory).standardizedFileURL
        let resolved = JournalLoader.resolve(file.path)
        if let inJournal = RelativePath.inside(journal.root.path, resolved), !inJournal.isEmpty,
            let entry = all.first(where: { $0.1.path == inJournal })?.1
        {
            return entry
        }
        let goals = all.compactMap { $0.1.goal?.id }.sorted()
        throw Failure(
            message: "`\(target)` is neither an entry's file, a goal id, `last`, nor a kind (goal, session, "
                + "reflection, evaluation, agreement)"
                + (goals.isEmpty ? "" : "; goals: " + goals.joined(separator: ", ")),
            status: .usage)
    }

    static func listed(_ entry: Entry, in mentorship: Mentorship) -> ListedEntry {
        var title = entry.title ?? ""
        var status: String?
        var goals = entry.goalReferences.map(\.id)
        var date = entry.date ?? entry.fileDate
        switch entry.content {
        case .goal(let goal):
            title = goal.title
            status = goal.status.rawValue
            goals = [goal.id]
            date = goal.created ?? date
        case .session(let session):
            status = session.status.rawValue
            if !session.agenda.isEmpty { title = session.agenda.joined(separator: "; ") }
        case .reflection(let reflection):
            if !reflection.title.isEmpty { title = reflection.title }
            if title.isEmpty { title = "by \(reflection.author)" }
        case .evaluation(let evaluation):
            if title.isEmpty { title = "by \(evaluation.author ?? "?")" }
        case .agreement(let agreement):
            status = agreement.status.rawValue
            date = agreement.started ?? date
            title = [agreement.mentee?.name, agreement.mentor?.name].compactMap { $0 }.joined(
                separator: " with ")
        }
        return ListedEntry(
            kind: entry.kind, mentorship: mentorship.id, path: entry.path, date: date, title: title,
            status: status, goals: goals, isPrivate: entry.isPrivate)
    }

    static func newestFirst(_ a: ListedEntry, _ b: ListedEntry) -> Bool {
        let (x, y) = (a.date?.dayNumber ?? Int.min, b.date?.dayNumber ?? Int.min)
        return x != y ? x > y : a.path > b.path
    }
}
