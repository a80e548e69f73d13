import Foundation
import JournalGit
import JournalKit

/// What `journal new` needs beyond its arguments: which mentorship, who is writing, what the last
/// session left open, and writing the entry safely.
public enum NewEntry {

    /// The latest session dated on or before `day`.
    public static func previousSession(in mentorship: Mentorship, before day: CalendarDate) -> Entry? {
        mentorship.sessions.filter { ($0.date ?? $0.fileDate).map { $0 <= day } ?? false }
            .max {
                (($0.date ?? $0.fileDate)?.description ?? "", $0.path) < (
                    ($1.date ?? $1.fileDate)?.description ?? "", $1.path
                )
            }
    }

    /// The action items still open on `day` across every entry of the mentorship (one per item,
    /// as format.md folds copies), for a new session to carry; those only private entries hold
    /// are carried into a private entry only.
    public static func openItems(in mentorship: Mentorship, on day: CalendarDate, intoPrivate: Bool)
        -> [TrackedActionItem]
    {
        let before = mentorship.entries.filter { entry in
            guard let date = entry.date ?? entry.fileDate else { return true }
            return date <= day
        }
        return ActionItemLedger.fold(before, asOf: nil, agreement: mentorship.agreement).filter {
            $0.isOpen && (intoPrivate || !$0.isPrivate)
        }
    }

    /// An open item as a new entry writes it: its mark, text and due date.
    public static func carried(_ tracked: TrackedActionItem) -> (mark: String, text: String) {
        let item = tracked.item
        let mark = item.state == .inProgress ? "/" : " "
        return (mark, oneLine(item.text) + (item.due.map { " (due \($0))" } ?? ""))
    }

    /// Minutes as format.md writes durations: 45m, 1h, 1h30m.
    public static func duration(_ minutes: Int) -> String {
        if minutes < 60 { return "\(minutes)m" }
        return minutes % 60 == 0 ? "\(minutes / 60)h" : "\(minutes / 60)h\(minutes % 60)m"
    }

    /// Text on one line, so that it cannot end a YAML comment or a list item early.
    public static func oneLine(_ text: String) -> String {
        text.unicodeScalars.map {
            CharacterSet.controlCharacters.contains($0) || $0 == "\u{2028}" || $0 == "\u{2029}"
                ? " " : String($0)
        }
        .joined().trimmingCharacters(in: .whitespaces)
    }

    /// `mentor` or `mentee` for the person git names, by email first, then by name or handle.
    public static func author(identity: GitIdentity, agreement: Agreement) -> String? {
        let pair: [(Role, Person?)] = [(.mentor, agreement.mentor), (.mentee, agreement.mentee)]
        if let email = identity.email?.lowercased(), !email.isEmpty,
            let match = pair.first(where: { $0.1?.email?.lowercased() == email })
        {
            return match.0.rawValue
        }
        if let name = identity.name?.trimmingCharacters(in: .whitespaces).lowercased(), !name.isEmpty,
            let match = pair.first(where: {
                $0.1?.name?.lowercased() == name || $0.1?.handle?.lowercased() == name
            })
        {
            return match.0.rawValue
        }
        return nil
    }

    /// The mentorship `--mentorship` names; else the one the folder is in; else the only one.
    public static func choose(_ id: String?, in journal: Journal, from folder: URL) throws -> Mentorship {
        let all = journal.mentorships
        guard !all.isEmpty else {
            throw Failure(
                message: "no mentorship found in \(journal.root.path): start one with "
                    + "`journal init --mentor \"Name <email>\" --mentee \"Name <email>\"`",
                status: .failure)
        }
        let ids = all.map(\.id).joined(separator: ", ")
        if let id {
            guard let found = all.first(where: { $0.isNamed(id, root: journal.root) }) else {
                throw Failure(message: "no mentorship `\(id)`; the journal has: \(ids)", status: .usage)
            }
            return found
        }
        let here = JournalLoader.resolve(folder.path)
        let inside = all.filter { m in
            let path = m.path == "." ? journal.root.path : journal.root.path + "/" + m.path
            return here == path || here.hasPrefix(path + "/")
        }
        if let deepest = inside.max(by: { $0.path.count < $1.path.count }) { return deepest }
        if all.count == 1, let only = all.first { return only }
        throw Failure(
            message: "the journal holds several mentorships; choose one with --mentorship (\(ids))",
            status: .usage)
    }

    /// Writes `text` as `<stem>.md`, `<stem>-2.md`, ... in the kind's folder of `mentorship`,
    /// never over an existing file and never outside the mentorship; returns the path
    /// relative to the journal root.
    public static func write(
        _ text: String, stem: String, in mentorship: Mentorship, kind: EntryKind, root: URL
    )
        throws -> String
    {
        guard let folderName = kind.folder else {
            throw Failure(message: "agreements are written by `journal init`", status: .failure)
        }
        let mentorshipFolder = mentorship.path == "." ? root : root.appendingPathComponent(mentorship.path)
        let folder = mentorshipFolder.appendingPathComponent(folderName)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw Failure(
                message: "cannot create \(mentorship.relative(folderName)): \(error.localizedDescription). "
                    + "Check the folder's permissions.",
                status: .failure)
        }
        // A folder that is a link to elsewhere must not take the entry out of the mentorship.
        let base = JournalLoader.resolve(mentorshipFolder.path)
        let resolved = JournalLoader.resolve(folder.path)
        guard resolved == base + "/" + folderName, !stem.contains("/"), !stem.hasPrefix("."),
            !stem.contains("..")
        else {
            throw Failure(
                message:
                    "\(mentorship.relative(folderName)) leads outside the mentorship (a symbolic link?); "
                    + "journal writes nothing there. Make it a plain folder.",
                status: .failure)
        }
        // Written whole under a temporary name, then given its own: a full disk leaves nothing
        // behind for the next commit to share, and an existing entry is never replaced.
        let bytes = Array(text.utf8)
        for number in 1...1000 {
            let name = (number == 1 ? stem : "\(stem)-\(number)") + ".md"
            do {
                try AtomicFile.write(bytes, to: resolved + "/" + name, mode: 0o644, replacing: false)
            } catch .exists {
                continue
            } catch .system(let reason) {
                throw Failure(
                    message: "cannot write \(mentorship.relative(folderName + "/" + name)): \(reason). "
                        + "Nothing was written; check the folder's permissions and the free space on the disk.",
                    status: .failure)
            }
            return mentorship.relative(folderName + "/" + name)
        }
        throw Failure(
            message:
                "\(mentorship.relative(folderName))/\(stem)-1000.md exists already: give the entry a title",
            status: .failure)
    }

    /// The values the templates use; docs/commands.md lists them.
    public static func context(
        kind: EntryKind, mentorship: Mentorship, day: CalendarDate, author: String, title: String?,
        isPrivate: Bool,
        goals: [String]
    ) -> [String: Any] {
        let cleanTitle = title.map(oneLine).flatMap { $0.isEmpty ? nil : $0 }
        let agreement = mentorship.agreement
        let activeGoals = mentorship.goals.compactMap(\.goal).filter { $0.status == .active }
            .sorted { $0.id < $1.id }
            .map { ["id": $0.id, "title": oneLine($0.title)] }
        var context: [String: Any] = [
            "date": day.description,
            "author": author,
            "private": isPrivate,
            "hasTitle": cleanTitle != nil,
            "title": cleanTitle ?? "",
            "titleYAML": YAMLText.quoted(cleanTitle ?? ""),
            "goalsYAML": YAMLText.list(goals),
            "activeGoals": activeGoals,
            "hasActiveGoals": !activeGoals.isEmpty,
            "mentor": agreement.mentor?.name ?? "the mentor",
            "mentee": agreement.mentee?.name ?? "the mentee",
            "hasDuration": agreement.durationMinutes != nil,
            "duration": agreement.durationMinutes.map(duration) ?? "",
        ]
        let open = kind == .session ? openItems(in: mentorship, on: day, intoPrivate: isPrivate) : []
        context["previousSession"] = previousSession(in: mentorship, before: day)?.path ?? ""
        context["openItems"] = open.map { tracked in
            let carried = carried(tracked)
            return ["mark": carried.mark, "text": carried.text, "from": tracked.item.path]
        }
        context["hasOpenItems"] = !open.isEmpty
        return context
    }

    /// The session `journal new session` would write today, without writing it: its path (the
    /// first free name) and its text, the open action items carried in.
    public static func sessionDraft(in mentorship: Mentorship, root: URL, day: CalendarDate) throws -> (
        path: String, text: String
    ) {
        let template = try EntryTemplate.load(.session, root: root)
        let text = template.render(
            context(
                kind: .session, mentorship: mentorship, day: day, author: "mentee", title: nil,
                isPrivate: false, goals: []))
        let folder = mentorship.relative("sessions")
        for number in 1...1000 {
            let path = folder + "/" + day.description + (number == 1 ? "" : "-\(number)") + ".md"
            if !FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) {
                return (path, text)
            }
        }
        throw Failure(message: "\(folder) holds 1000 sessions of \(day)", status: .failure)
    }
}
