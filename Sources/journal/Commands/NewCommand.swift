import ArgumentParser
import Foundation
import JournalGit
import JournalKit
import JournalWorkspace

/// The kinds of entry `journal new` writes.
enum NewKind: String, ExpressibleByArgument, CaseIterable {
    case goal, session, reflection, evaluation

    var entryKind: EntryKind {
        switch self {
        case .goal: .goal
        case .session: .session
        case .reflection: .reflection
        case .evaluation: .evaluation
        }
    }
}

/// `journal new`: writes a new entry from its template and opens it in the person's editor.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new goal, session, reflection or evaluation from its template.",
        discussion: """
            The file is named after the date and the title (goals/<slug>.md, sessions/DATE[-slug].md, \
            reflections/DATE[-slug].md, evaluations/<author>.md) and never overwrites another: a second \
            entry of the same name gets -2, -3, ... The author is found by matching git's user.email \
            (then user.name) to the mentor or mentee of the agreement. A session lists the action \
            items still open after the previous one. A journal's own templates/<kind>.md overrides \
            the built-in template.
            When standard input is a terminal and --no-edit is absent, the file opens in the editor \
            git would open (GIT_EDITOR, core.editor, VISUAL, EDITOR, then editor or vi); once the \
            editor closes, the file is linted.
            Exit codes: 0 written, 1 failure, 2 bad usage.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "What to write: goal, session, reflection or evaluation.")
    var kind: NewKind

    @Argument(help: "The title: it heads the entry and, as a slug, names the file (a goal needs one).")
    var title: String?

    @Option(
        name: .customLong("mentorship"),
        help: "The mentorship to write in (needed when the journal holds several).",
        completion: .custom(Completions.mentorships))
    var mentorships: [String] = []

    /// The one mentorship named, when one was.
    var mentorship: String? { mentorships.first }

    @Option(
        help: ArgumentHelp(
            "The entry's date: YYYY-MM-DD, today, tomorrow, yesterday or a weekday (default: today).",
            valueName: "DATE"))
    var date: String?

    @Option(
        name: .customLong("goal"),
        help: ArgumentHelp("A goal the entry is about (repeat for several).", valueName: "ID"),
        completion: .custom(Completions.goals))
    var goals: [String] = []

    @Flag(name: .customLong("private"), help: "Keep the entry on this computer: never committed nor shared.")
    var isPrivate = false

    @Flag(name: .customLong("no-edit"), help: "Do not open an editor, even on a terminal.")
    var noEdit = false

    func validate() throws {
        if mentorships.count > 1 {
            throw ValidationError(
                "an entry goes in one mentorship: give --mentorship once, not \(mentorships.count) times")
        }
        if let date, CalendarDate.resolve(date, today: global.resolvedToday) == nil {
            throw ValidationError(
                "--date wants a real date YYYY-MM-DD, today, tomorrow, yesterday or a weekday, not `\(date)`")
        }
        if kind == .goal, (title ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError(
                "a goal needs a title, for example: journal new goal \"Give a conference talk\"")
        }
        if !goals.isEmpty, kind == .goal || kind == .evaluation {
            throw ValidationError("--goal goes with a session or a reflection")
        }
    }

    func run() throws {
        let workingDirectory = try global.journalDirectory()
        let journal = readJournal(holding: workingDirectory, cache: global.cache)
        let mentorship = try NewEntry.choose(mentorship, in: journal, from: workingDirectory)
        let day =
            date.flatMap { CalendarDate.resolve($0, today: global.resolvedToday) } ?? global.resolvedToday
        let template = try loadTemplate(root: journal.root)
        try checkGoals(in: mentorship)
        let repository = try? GitRepository.discover(at: journal.root)
        let author = NewEntry.author(
            identity: GitIdentity.configured(in: repository), agreement: mentorship.agreement)
        let context = NewEntry.context(
            kind: kind.entryKind, mentorship: mentorship, day: day, author: author ?? "mentee", title: title,
            isPrivate: isPrivate, goals: goals)
        var text = template.render(context)
        // Words piped in (`pbpaste | journal new reflection`) are the entry's body.
        let piped = isatty(STDIN_FILENO) == 1 ? nil : try Self.standardInput()
        if let piped { text = EntryTemplate.replacingBody(of: text, with: piped) }

        let stem = try fileStem(day: day, author: author ?? "mentee")
        let written = try NewEntry.write(
            text, stem: stem, in: mentorship, kind: kind.entryKind, root: journal.root)
        print(written)
        if isPrivate { try keepLocal(written, inRepository: repository != nil) }
        if author == nil, kind == .reflection || kind == .evaluation {
            printError(
                "journal: note: git's user.email and user.name match neither mentor nor mentee of the agreement, "
                    + "so the author is written as `mentee`; change `author:` in \(written) if that is wrong."
            )
        }
        if !noEdit && piped == nil && isatty(STDIN_FILENO) == 1 {
            try Editor.open(journal.root.appendingPathComponent(written), path: written, global: global)
        }
    }

    /// The kind's template: the journal's own, else the built-in one.
    private func loadTemplate(root: URL) throws -> EntryTemplate {
        do {
            return try EntryTemplate.load(kind.entryKind, root: root)
        } catch {
            throw Failure(
                message: "\(error). Fix the template, or delete it to use the built-in one.", status: .failure
            )
        }
    }

    /// Every `--goal` names a goal of the mentorship.
    private func checkGoals(in mentorship: Mentorship) throws {
        let knownGoals = Set(mentorship.goals.compactMap(\.goal?.id))
        for goal in goals where !knownGoals.contains(goal) {
            let known = knownGoals.sorted().joined(separator: ", ")
            throw ValidationError(
                "no goal `\(goal)` in \(mentorship.id)"
                    + (known.isEmpty
                        ? "; write one with `journal new goal TITLE`" : "; its goals are: \(known)"))
        }
    }

    /// The file name without `.md`, before collision numbering.
    private func fileStem(day: CalendarDate, author: String) throws -> String {
        let slug = title.flatMap(Slug.make)
        switch kind {
        case .goal: return slug ?? "goal"
        case .session, .reflection: return day.description + (slug.map { "-" + $0 } ?? "")
        case .evaluation: return Slug.make(author) ?? "evaluation"
        }
    }

    /// Lists every private entry, the new one too, in `.git/info/exclude`.
    private func keepLocal(_ path: String, inRepository: Bool) throws {
        guard inRepository else {
            printError(
                "journal: note: \(path) is private; the journal is not in a git repository yet, "
                    + "so there is nothing to keep it out of.")
            return
        }
        // Parsed, so that the entry just written is among the private ones.
        let shared = try JournalRepository(
            workingDirectory: try global.workingDirectory(), cache: global.cache, parse: true)
        printAll(shared.trackedPrivateWarnings(try shared.keepPrivateEntriesLocal()))
    }

    /// What standard input holds when it is not a terminal, or nil when it holds nothing but
    /// white space. Bounded like any entry; text that is not UTF-8 is refused, nothing written.
    static func standardInput() throws -> String? {
        let limit = JournalLoader.maxFileSize
        var data = Data()
        while data.count <= limit {
            let chunk = FileHandle.standardInput.readData(ofLength: 65_536)
            if chunk.isEmpty { break }
            data.append(chunk)
        }
        guard data.count <= limit else {
            throw Failure(
                message:
                    "the text on standard input is over \(limit / 1_048_576) MB, more than an entry holds; "
                    + "nothing was written", status: .usage)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Failure(
                message: "the text on standard input is not UTF-8; save it as UTF-8 and pipe it again "
                    + "(nothing was written)", status: .usage)
        }
        return text.allSatisfy(\.isWhitespace) ? nil : text
    }
}
