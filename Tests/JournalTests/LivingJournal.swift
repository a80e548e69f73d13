import Foundation
import JournalKit
import TestSupport

/// A mentoring pair played over months, as people really keep a journal: meetings held,
/// cancelled, moved and written ahead with an agenda; action items copied from notes to notes,
/// ticked, moved, cancelled and left; private and mistyped future reflections; an agreement that
/// may be paused or completed. It writes the files, and it knows, independently of journal's
/// code, what the report must say on any day.
struct LivingPair {
    enum Mark: Character {
        case open = " ", inProgress = "/", done = "x", cancelled = "-", moved = ">"
    }

    struct Occurrence {
        var date: CalendarDate
        var path: String
        var line: Int
        var mark: Mark
        var due: CalendarDate?
        var text: String
        var isPrivate: Bool
        /// The session file it is in, when it is in one.
        var session: Int?
    }

    struct Item {
        var owner: String
        var occurrences: [Occurrence] = []
    }

    struct Session {
        var date: CalendarDate
        var path: String
        /// nil (held, or planned while ahead), `cancelled`, `rescheduled` or `planned`.
        var status: String?
        var next: CalendarDate?
        var agenda: [String] = []
        var lines: [String] = []
    }

    struct Reflection {
        var date: CalendarDate
        var path: String
        var isPrivate: Bool
        var confidence: Int?
        var questions: [String]
        var lines: [String] = []
    }

    let seed: UInt64
    let start: CalendarDate
    let end: CalendarDate
    let cadenceDays: Int
    /// The agreement's status: `active`, `paused` or `completed`.
    let status: String
    var sessions: [Session] = []
    var reflections: [Reflection] = []
    var items: [Item] = []

    init(seed: UInt64, status: String = "active") {
        self.seed = seed
        self.status = status
        var random = SeededRandom(state: seed)
        start =
            CalendarDate(year: 2026, month: 3, day: 2 + random.below(20)) ?? CalendarDate(dayNumber: 20_500)
        cadenceDays = [7, 14, 10][random.below(3)]
        end = start.adding(days: 150)
        play(&random)
    }

    // MARK: Playing the months

    /// The items open after everything written before `day` (by the generator's own account).
    func openItems(before day: CalendarDate) -> [Int] {
        items.indices.filter { index in
            guard let last = items[index].occurrences.last, last.date < day else { return false }
            // A moved item goes on in the next notes.
            return last.mark == .open || last.mark == .inProgress || (last.mark == .moved && !last.isPrivate)
        }
    }

    mutating func play(_ random: inout SeededRandom) {
        var day = start.adding(days: 2 + random.below(5))
        var count = 0
        var question = 0
        while day < end {
            let roll = random.below(100)
            if roll < 12 {
                var session = Session(date: day, path: "sessions/\(day)-cancelled.md", status: "cancelled")
                if random.chance(50) { session.next = day.adding(days: cadenceDays / 2 + 1) }
                sessions.append(session)
            } else if roll < 22, day.adding(days: 2) < end {
                sessions.append(
                    Session(
                        date: day, path: "sessions/\(day)-moved.md", status: "rescheduled",
                        next: day.adding(days: 2)))
                day = day.adding(days: 2)
                meet(on: day, &random, count: &count)
            } else {
                meet(on: day, &random, count: &count)
            }
            // A reflection between meetings, sometimes private.
            let reflectionDay = day.adding(days: max(1, cadenceDays / 2))
            if random.chance(70), reflectionDay < end {
                let isPrivate = random.chance(25)
                var reflection = Reflection(
                    date: reflectionDay, path: "reflections/\(reflectionDay).md", isPrivate: isPrivate,
                    confidence: random.chance(60) ? 1 + random.below(5) : nil, questions: [])
                for _ in 0..<(1 + random.below(2)) {
                    question += 1
                    reflection.questions.append(
                        "\(isPrivate ? "PRIVATE " : "")Question \(question) about the \(["talk", "team", "plan"][random.below(3)])?"
                    )
                }
                if isPrivate {
                    // A promise written only in a private reflection.
                    count += 1
                    items.append(Item(owner: "mentee"))
                    let due = reflectionDay.adding(days: 5)
                    reflection.lines.append("- [ ] @mentee PRIVATE task \(count) (due \(due))")
                    items[items.count - 1].occurrences.append(
                        Occurrence(
                            date: reflectionDay, path: reflection.path, line: 0, mark: .open, due: due,
                            text: "@mentee PRIVATE task \(count)", isPrivate: true, session: nil))
                }
                reflections.append(reflection)
            }
            day = day.adding(days: cadenceDays + random.below(3) - 1)
        }
        // The next meeting, written ahead with its agreed agenda.
        let ahead = end.adding(days: 3)
        sessions.append(
            Session(
                date: ahead, path: "sessions/\(ahead)-next.md", status: "planned",
                agenda: ["Agreed topic A of \(seed)", "Agreed topic B of \(seed)"]))
        // A reflection whose year was mistyped.
        let typo = end.adding(days: 400)
        reflections.append(
            Reflection(
                date: typo, path: "reflections/\(typo).md", isPrivate: false, confidence: 5,
                questions: ["TYPO question from the future?"]))
    }

    /// A held session on `day`: it goes through the open items and adds new ones.
    mutating func meet(on day: CalendarDate, _ random: inout SeededRandom, count: inout Int) {
        let index = sessions.count
        var session = Session(date: day, path: "sessions/\(day).md", status: nil)
        if random.chance(30) { session.agenda = ["Topic \(index) of \(seed)"] }
        if random.chance(20) { session.next = day.adding(days: cadenceDays + 1) }
        sessions.append(session)
        for item in openItems(before: day) {
            guard let last = items[item].occurrences.last, !last.isPrivate else { continue }
            let mark: Mark
            switch random.below(100) {
            case 0..<30: mark = .done
            case 30..<60: mark = .open
            case 60..<70: mark = .inProgress
            case 70..<78: mark = .cancelled
            case 78..<86: mark = .moved
            default: continue  // not copied: it stays open where it was
            }
            // Copies change case and spacing now and then; they stay the same item.
            var text = last.text
            if random.chance(30) { text = text.uppercased() }
            if random.chance(20) { text = text.replacingOccurrences(of: " ", with: "  ") }
            let due: CalendarDate? =
                random.chance(60) ? last.due.map { $0.adding(days: random.below(2) * 7) } : nil
            add(item, mark: mark, text: text, due: due, to: index, on: day)
        }
        for _ in 0..<(1 + random.below(2)) {
            count += 1
            let owner = random.chance(50) ? "mentor" : "mentee"
            items.append(Item(owner: owner))
            let due = random.chance(80) ? day.adding(days: 3 + random.below(10)) : nil
            add(
                items.count - 1, mark: .open, text: "@\(owner) task \(count) for the pair", due: due,
                to: index, on: day)
        }
    }

    mutating func add(
        _ item: Int, mark: Mark, text: String, due: CalendarDate?, to session: Int, on day: CalendarDate
    ) {
        let line = "- [\(mark.rawValue)] \(text)" + (due.map { " (due \($0))" } ?? "")
        sessions[session].lines.append(line)
        items[item].occurrences.append(
            Occurrence(
                date: day, path: sessions[session].path, line: 0, mark: mark, due: due, text: text,
                isPrivate: false,
                session: session))
    }

    // MARK: The files

    var agreement: String {
        """
        ---
        mentor: Grace Hopper <grace@example.org>
        mentee: Ada Lovelace <ada@example.org>
        started: \(start)
        status: \(status)
        cadence: every \(cadenceDays) days
        duration: 1h
        channel: video call
        ---
        # Agreement

        """
    }

    /// Every file of the journal, with each item's line number filled in.
    mutating func files() -> [String: String] {
        var files = ["agreement.md": agreement]
        var lineOf: [String: [String: Int]] = [:]
        for session in sessions {
            var front = ["---", "date: \(session.date)"]
            if let status = session.status { front.append("status: \(status)") }
            if let next = session.next { front.append("next: \(next)") }
            if !session.agenda.isEmpty { front += ["agenda:"] + session.agenda.map { "  - \($0)" } }
            front += ["---", "# Session \(session.date)", "", "## Action items", ""]
            for (offset, line) in session.lines.enumerated() {
                lineOf[session.path, default: [:]][line] = front.count + offset + 1
            }
            files[session.path] = (front + session.lines).joined(separator: "\n") + "\n"
        }
        for reflection in reflections {
            var front = ["---", "date: \(reflection.date)"]
            if reflection.isPrivate { front.append("private: true") }
            if let confidence = reflection.confidence { front.append("confidence: \(confidence)") }
            front += ["---", "# Reflection \(reflection.date)", "", "## Questions", ""]
            front += reflection.questions.map { "- \($0)" }
            front += ["", "## Actions", ""]
            for (offset, line) in reflection.lines.enumerated() {
                lineOf[reflection.path, default: [:]][line] = front.count + offset + 1
            }
            files[reflection.path] = (front + reflection.lines).joined(separator: "\n") + "\n"
        }
        for item in items.indices {
            for occurrence in items[item].occurrences.indices {
                let o = items[item].occurrences[occurrence]
                let line = "- [\(o.mark.rawValue)] \(o.text)" + (o.due.map { " (due \($0))" } ?? "")
                items[item].occurrences[occurrence].line = lineOf[o.path]?[line] ?? 0
            }
        }
        return files
    }

    // MARK: What the report must say on `today`

    func isPlanned(_ session: Session, on today: CalendarDate) -> Bool {
        session.status == "planned" || (session.status == nil && session.date > today)
    }

    func isFact(_ session: Session, on today: CalendarDate) -> Bool {
        session.date <= today || isPlanned(session, on: today)
    }

    func held(on today: CalendarDate) -> [Session] {
        sessions.filter { $0.status == nil && $0.date <= today }.sorted { $0.date < $1.date }
    }

    /// cli.md's `next_session`: (date, source, agenda), or nil.
    func meetingAhead(on today: CalendarDate) -> (CalendarDate, String, [String])? {
        guard status == "active" else { return nil }
        let last = held(on: today).last?.date
        let since = { (date: CalendarDate) in last.map { date >= $0 } ?? true }
        if let planned = sessions.filter({ isPlanned($0, on: today) && since($0.date) }).min(by: {
            ($0.date, $0.path) < ($1.date, $1.path)
        }) {
            return (planned.date, "planned", planned.agenda)
        }
        if let moved = sessions.filter({
            $0.next != nil && $0.date <= today && !isPlanned($0, on: today) && since($0.date)
        }).max(by: { ($0.date, $0.path) < ($1.date, $1.path) }), let next = moved.next {
            return (next, "agreed", [])
        }
        return last.map { ($0.adding(days: cadenceDays), "cadence", []) }
    }

    /// The open items on `today`: text, due, first seen, overdue, state, path, line.
    func openItems(on today: CalendarDate, includePrivate: Bool) -> [Expected] {
        items.compactMap { item -> Expected? in
            // What was written on or before today: a meeting ahead's notes have not happened yet.
            let seen = item.occurrences.filter { o in (includePrivate || !o.isPrivate) && o.date <= today }
                .sorted { ($0.date, $0.path, $0.line) < ($1.date, $1.path, $1.line) }
            guard let latest = seen.last, latest.mark == .open || latest.mark == .inProgress else {
                return nil
            }
            let due = latest.due ?? seen.dropLast().last(where: { $0.due != nil })?.due
            let folded = latest.text.split(separator: " ").joined(separator: " ")
            return Expected(
                text: folded, due: due, firstSeen: seen.first?.date,
                overdue: status != "completed" && (due.map { $0 < today } ?? false),
                state: latest.mark == .inProgress ? "in-progress" : "open", path: latest.path,
                line: latest.line,
                isPrivate: latest.isPrivate)
        }
    }

    struct Expected: Hashable {
        var text: String
        var due: CalendarDate?
        var firstSeen: CalendarDate?
        var overdue: Bool
        var state: String
        var path: String
        var line: Int
        var isPrivate: Bool
    }

    /// The questions of the reflections since the last meeting (none once the pair is over).
    func questions(on today: CalendarDate, includePrivate: Bool) -> [String] {
        let since = held(on: today).last?.date
        return reflections.filter { r in
            r.date <= today && (since.map { r.date >= $0 } ?? true) && (includePrivate || !r.isPrivate)
        }.sorted { $0.date < $1.date }.flatMap(\.questions)
    }

    func latestConfidence(on today: CalendarDate) -> Int? {
        reflections.filter { $0.date <= today && !$0.isPrivate && $0.confidence != nil }
            .max { $0.date < $1.date }?.confidence
    }
}
