import Foundation
import JournalKit

/// Completion, hover, definition, code actions and symbols: what the journal knows, offered
/// where the cursor is.
extension LanguageServer {
    /// The buffer, 0-based line and 0-based scalar column a request points at.
    func place(_ params: [String: Any]) -> (document: LSPDocument, line: Int, column: Int)? {
        guard let uri = (params["textDocument"] as? [String: Any])?["uri"] as? String,
            let document = documents[uri], let position = params["position"] as? [String: Any],
            let line = position["line"] as? Int, let character = position["character"] as? Int, line >= 0
        else { return nil }
        return (document, line, encoding.scalars(character, in: document.line(line)))
    }

    /// The word around a scalar column (letters, digits, `-`, `_`, `@`).
    func word(in line: Substring, at column: Int) -> (text: String, start: Int, end: Int) {
        let scalars = Array(line.unicodeScalars)
        func isWord(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || "-_@.".unicodeScalars.contains(scalar)
        }
        var start = min(column, scalars.count)
        while start > 0, isWord(scalars[start - 1]) { start -= 1 }
        var end = min(column, scalars.count)
        while end < scalars.count, isWord(scalars[end]) { end += 1 }
        var text = String(String.UnicodeScalarView(scalars[start..<end]))
        while text.hasSuffix(".") {
            text.removeLast()
            end -= 1
        }
        return (text, start, end)
    }

    /// The top-level front-matter key whose value a line belongs to.
    func key(owning line: Int, in document: LSPDocument) -> String? {
        guard document.isFrontMatter(line) else { return nil }
        for index in stride(from: line, through: 1, by: -1) {
            let text = document.line(index)
            if let first = text.first, first != " ", first != "-", first != "#",
                let colon = text.firstIndex(of: ":")
            {
                return String(text[..<colon]).trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// The people of the pair by handle: `mentor`, `mentee` and each one's own handle.
    func people(of mentorship: Mentorship?) -> [(handle: String, person: Person?, role: String)] {
        let agreement = mentorship?.agreement
        var result: [(String, Person?, String)] = [
            ("mentor", agreement?.mentor, "mentor"), ("mentee", agreement?.mentee, "mentee"),
        ]
        for (person, role) in [(agreement?.mentor, "mentor"), (agreement?.mentee, "mentee")] {
            if let handle = person?.handle, !["mentor", "mentee"].contains(handle) {
                result.append((handle, person, role))
            }
        }
        return result
    }

    func goals(of mentorship: Mentorship?) -> [(entry: Entry, goal: Goal)] {
        (mentorship?.goals ?? []).compactMap { entry in entry.goal.map { (entry, $0) } }.sorted {
            $0.goal.id < $1.goal.id
        }
    }

    // MARK: - Completion

    func completion(_ params: [String: Any]) -> Any {
        guard let (document, line, column) = place(params) else { return NSNull() }
        let journal = journal(around: document)
        let mentorship = mentorship(of: document, in: journal)
        let text = document.line(line)
        let before = String(String.UnicodeScalarView(text.unicodeScalars.prefix(column)))
        var items: [[String: Any]] = []
        if document.isFrontMatter(line) {
            let kind = document.kind ?? .session
            let isKeyPosition = !before.contains(":") && !before.hasPrefix(" ") && !before.hasPrefix("-")
            if isKeyPosition {
                let present = Set(
                    (1..<(document.frontMatterEnd ?? 1)).compactMap { index -> String? in
                        let text = document.line(index)
                        guard let colon = text.firstIndex(of: ":"), text.first != " " else { return nil }
                        return String(text[..<colon])
                    })
                for field in kind.fields where !present.contains(field.name) {
                    items.append([
                        "label": field.name, "kind": 10, "insertText": field.name + ": ",
                        "detail": field.valueWords + (field.required ? " (required)" : ""),
                        "documentation": field.summary,
                    ])
                }
                return ["isIncomplete": false, "items": items]
            }
            let key = key(owning: line, in: document) ?? ""
            let field = kind.fields.first { $0.name == key }
            switch field?.value {
            case .status?:
                for status in kind.spec.statuses { items.append(["label": status, "kind": 20]) }
            case .goals?:
                for (_, goal) in goals(of: mentorship) {
                    items.append([
                        "label": goal.id, "kind": 18, "detail": goal.title,
                        "documentation": "goal: \(goal.title) (\(goal.status.rawValue))",
                    ])
                }
            case .date?:
                items += dates(for: mentorship, key: key)
            case .boolean?:
                items += ["true", "false"].map { ["label": $0, "kind": 12] }
            case .confidence?:
                items += (1...5).map { ["label": String($0), "kind": 12] }
            case .cadence?:
                items += ["weekly", "biweekly", "monthly", "every 3 weeks"].map { ["label": $0, "kind": 12] }
            case .timezone?:
                // This computer's zone first, then every zone it knows.
                let here = TimeZone.current.identifier
                items +=
                    ([here] + TimeZone.knownTimeZoneIdentifiers.filter { $0 != here && $0.contains("/") })
                    .map { ["label": $0, "kind": 12] }
            case .time?:
                items += ["09:00", "12:00", "17:00", "18:30"].map { ["label": $0, "kind": 12] }
            default:
                if key == "author" || key == "milestones" && before.contains("due") {
                    items +=
                        key == "author"
                        ? ["mentee", "mentor"].map { ["label": $0, "kind": 12] }
                        : dates(for: mentorship, key: "due")
                } else if key == "milestones", before.trimmingCharacters(in: .whitespaces).hasPrefix("done") {
                    items += ["true", "false", today.description].map { ["label": $0, "kind": 12] }
                }
            }
            return ["isIncomplete": false, "items": items]
        }
        // The body: `@` offers the pair.
        let typed = word(in: text, at: column).text
        if typed.hasPrefix("@") || before.hasSuffix("@") {
            for (handle, person, role) in people(of: mentorship) {
                let name = person?.name ?? role
                items.append([
                    "label": "@" + handle, "kind": 18, "insertText": handle, "filterText": "@" + handle,
                    "detail": "\(name), the \(role)",
                ])
            }
        } else if before.range(of: #"\(due\s*$|due:?\s*$|📅\s*$"#, options: .regularExpression) != nil {
            items += dates(for: mentorship, key: "due")
        }
        return ["isIncomplete": false, "items": items]
    }

    /// Dates worth offering: today, the meeting ahead (planned or due), milestones' due dates.
    func dates(for mentorship: Mentorship?, key: String) -> [[String: Any]] {
        func item(_ date: CalendarDate, _ why: String, _ order: Int) -> [String: Any] {
            ["label": date.description, "kind": 12, "detail": why, "sortText": String(format: "%02d", order)]
        }
        var items = [item(today, "today, \(Self.weekdayName(today))", 0)]
        if let mentorship {
            let report = ReportBuilder.build(
                mentorship, diagnostics: [], options: ReportOptions(today: today))
            if let ahead = report.meetingAhead {
                items.append(
                    item(
                        ahead.date,
                        "the next meeting (\(ahead.source.rawValue)), \(Self.weekdayName(ahead.date))", 1))
            } else if let due = report.nextSessionDue {
                items.append(item(due, "the next meeting is due, \(Self.weekdayName(due))", 1))
            }
            for (_, goal) in goals(of: mentorship) {
                for milestone in goal.milestones where !milestone.done {
                    if let due = milestone.due {
                        items.append(item(due, "due: \(milestone.title) (\(goal.id))", 2))
                    }
                }
            }
        }
        var seen: Set<String> = []
        return items.filter { seen.insert($0["label"] as? String ?? "").inserted }
    }

    static func weekdayName(_ date: CalendarDate) -> String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][date.weekday]
    }

    // MARK: - Hover

    func hover(_ params: [String: Any]) -> Any {
        guard let (document, line, column) = place(params) else { return NSNull() }
        let text = document.line(line)
        let (word, start, end) = word(in: text, at: column)
        var parts: [String] = []
        // A problem here: what the rule is about.
        for diagnostic in published[document.uri] ?? [] where diagnostic.line - 1 == line {
            if let rule = Linter.rules.first(where: { $0.id == diagnostic.rule }) {
                let description = rule.description
                parts.append(
                    "**\(description.id)** (\(description.severity.rawValue)): \(description.summary)\n\n\(description.rationale)"
                )
            }
        }
        let journal = journal(around: document)
        let mentorship = mentorship(of: document, in: journal)
        if let date = CalendarDate(word) {
            let days = today.days(to: date)
            let distance =
                days == 0
                ? "today"
                : days > 0
                    ? "in \(days) day\(days == 1 ? "" : "s")" : "\(-days) day\(days == -1 ? "" : "s") ago"
            parts.append("\(Self.weekdayName(date)) \(date), \(distance)")
        } else if word.hasPrefix("@"),
            let who = people(of: mentorship).first(where: {
                $0.handle.lowercased() == word.dropFirst().lowercased()
            })
        {
            let person = who.person
            let named = [person?.name, person?.email.map { "<\($0)>" }].compactMap { $0 }.joined(
                separator: " ")
            parts.append(
                "**@\(who.handle)**: \(named.isEmpty ? "not named in the agreement" : named), the \(who.role)"
            )
        } else if let (_, goal) = goals(of: mentorship).first(where: { $0.goal.id == word }) {
            let done = goal.milestones.filter(\.done).count
            var lines = ["**\(goal.title)** (goal `\(goal.id)`, \(goal.status.rawValue))"]
            if !goal.milestones.isEmpty {
                lines.append("Milestones: \(done) of \(goal.milestones.count) done")
                if let next = goal.milestones.filter({ !$0.done }).min(by: {
                    ($0.due?.dayNumber ?? .max) < ($1.due?.dayNumber ?? .max)
                }) {
                    lines.append("Next: \(next.title)" + (next.due.map { ", due \($0)" } ?? ""))
                }
            }
            if let target = goal.target { lines.append("Target: \(target)") }
            parts.append(lines.joined(separator: "\n\n"))
        } else if document.isFrontMatter(line), let kind = document.kind,
            let colon = text.firstIndex(of: ":"),
            text.distance(from: text.startIndex, to: colon) >= column,
            let field = kind.fields.first(where: {
                $0.name == text[..<colon].trimmingCharacters(in: .whitespaces)
            })
        {
            parts.append(
                "**\(field.name)**: \(field.summary) (\(field.valueWords)\(field.required ? "; required" : ""))"
            )
        }
        guard !parts.isEmpty else { return NSNull() }
        return [
            "contents": ["kind": "markdown", "value": parts.joined(separator: "\n\n---\n\n")],
            "range": range(line: line, from: start, to: end, in: document),
        ]
    }

    // MARK: - Definition

    func definition(_ params: [String: Any]) -> Any {
        guard let (document, line, column) = place(params) else { return NSNull() }
        let (word, _, _) = word(in: document.line(line), at: column)
        let journal = journal(around: document)
        let mentorship = mentorship(of: document, in: journal)
        func location(_ path: String, _ line: Int) -> [String: Any] {
            [
                "uri": journal.root.appendingPathComponent(path).absoluteString,
                "range": ["start": ["line": line, "character": 0], "end": ["line": line, "character": 0]],
            ]
        }
        if let (entry, _) = goals(of: mentorship).first(where: { $0.goal.id == word }) {
            return location(entry.path, max(0, (entry.fields["title"]?.key.line ?? 1) - 1))
        }
        if word.hasPrefix("@"), let agreement = mentorship?.agreementEntry,
            let who = people(of: mentorship).first(where: {
                $0.handle.lowercased() == word.dropFirst().lowercased()
            })
        {
            return location(agreement.path, max(0, (agreement.fields[who.role]?.key.line ?? 1) - 1))
        }
        return NSNull()
    }

    // MARK: - Code actions

    func codeActions(_ params: [String: Any]) -> Any {
        guard let uri = (params["textDocument"] as? [String: Any])?["uri"] as? String,
            let document = documents[uri],
            let range = params["range"] as? [String: Any],
            let start = (range["start"] as? [String: Any])?["line"] as? Int,
            let end = (range["end"] as? [String: Any])?["line"] as? Int
        else { return [Any]() }
        var actions: [[String: Any]] = []
        let journal = journal(around: document)
        let path = path(of: document, in: journal)
        let whole: [String: Any] = [
            "start": ["line": 0, "character": 0], "end": ["line": document.lines.count, "character": 0],
        ]
        // Every safe fix `journal lint --fix` would make, as one edit of the buffer.
        if let kind = document.kind, let change = Fixer.fix(document.text, path: path, kind: kind) {
            actions.append([
                "title": "Fix: " + change.summary.joined(separator: "; "), "kind": "quickfix",
                "isPreferred": true,
                "edit": ["changes": [uri: [["range": whole, "newText": change.updated]]]],
            ])
        }
        // Tick or untick the action items under the cursor.
        for line in max(0, start)...max(start, min(end, document.lines.count - 1)) {
            let text = document.line(line)
            guard let item = TaskLine(String(text)) else { continue }
            let open = item.mark == " " || item.mark == "/"
            let markColumn = item.prefix.unicodeScalars.count
            actions.append([
                "title": open ? "Tick the action item (done)" : "Untick the action item (open again)",
                "kind": "refactor.rewrite",
                "edit": [
                    "changes": [
                        uri: [
                            [
                                "range": self.range(
                                    line: line, from: markColumn, to: markColumn + 1, in: document),
                                "newText": open ? "x" : " ",
                            ]
                        ]
                    ]
                ],
            ])
        }
        // Carry the open action items into a new session.
        if let mentorship = mentorship(of: document, in: journal),
            let draft = try? NewEntry.sessionDraft(in: mentorship, root: journal.root, day: today)
        {
            let target = journal.root.appendingPathComponent(draft.path).absoluteString
            actions.append([
                "title": "Start the session of \(today) with the open action items (\(draft.path))",
                "kind": "source",
                "edit": [
                    "documentChanges": [
                        [
                            "kind": "create", "uri": target,
                            "options": ["overwrite": false, "ignoreIfExists": true],
                        ],
                        [
                            "textDocument": ["uri": target, "version": NSNull()],
                            "edits": [
                                [
                                    "range": [
                                        "start": ["line": 0, "character": 0],
                                        "end": ["line": 0, "character": 0],
                                    ], "newText": draft.text,
                                ]
                            ],
                        ],
                    ] as [Any]
                ],
            ])
        }
        return actions
    }

    // MARK: - Symbols

    /// The most items `textDocument/documentSymbol` lists for one buffer.
    static let maxSymbols = 2000

    func documentSymbols(_ params: [String: Any]) -> Any {
        guard let uri = (params["textDocument"] as? [String: Any])?["uri"] as? String,
            let document = documents[uri]
        else {
            return [Any]()
        }
        var symbols: [[String: Any]] = []
        func symbol(_ name: String, _ kind: Int, _ line: Int, detail: String? = nil) -> [String: Any] {
            let length = document.line(line).unicodeScalars.count
            let range = self.range(line: line, from: 0, to: length, in: document)
            var symbol: [String: Any] = [
                "name": name.isEmpty ? "(untitled)" : name, "kind": kind, "range": range,
                "selectionRange": range,
            ]
            if let detail { symbol["detail"] = detail }
            return symbol
        }
        var section: [String: Any]?
        var children: [[String: Any]] = []
        func close() {
            if var open = section {
                open["children"] = children
                symbols.append(open)
            }
            section = nil
            children = []
        }
        let bodyStart = (document.frontMatterEnd ?? -1) + 1
        var inMilestones = false
        var count = 0
        for index in 0..<document.lines.count {
            // An outline of more than `maxSymbols` items helps nobody and costs the editor its
            // speed: the rest of a very long entry is left out of it.
            if count >= Self.maxSymbols { break }
            count = symbols.count + children.count
            let text = document.line(index)
            if document.isFrontMatter(index) {
                if let first = text.first, first != " ", first != "-" {
                    inMilestones = text.hasPrefix("milestones:")
                }
                if inMilestones, let range = text.range(of: "title:") {
                    let title = text[range.upperBound...].trimmingCharacters(in: .whitespaces)
                    symbols.append(
                        symbol(
                            title.trimmingCharacters(in: CharacterSet(charactersIn: "\"'")), 19, index,
                            detail: "milestone"))
                }
                continue
            }
            guard index >= bodyStart else { continue }
            if let heading = MarkdownHeading.words(Substring(text.drop { $0 == " " })) {
                close()
                let level = text.drop { $0 == " " }.prefix { $0 == "#" }.count
                section = symbol(
                    text.drop { $0 == " " }.dropFirst(level).trimmingCharacters(in: .whitespaces), 15, index,
                    detail: heading.isEmpty ? nil : "section")
            } else if let item = TaskLine(String(text)) {
                let entry = symbol(
                    item.rest.trimmingCharacters(in: .whitespaces), 24, index,
                    detail: item.mark == " " ? "open" : "[\(item.mark)]")
                if section != nil { children.append(entry) } else { symbols.append(entry) }
            }
        }
        close()
        return symbols
    }

    func workspaceSymbols(_ params: [String: Any]) -> Any {
        let query = (params["query"] as? String ?? "").lowercased()
        guard let root = workspaceRoot ?? documents.values.first.map({ $0.file.deletingLastPathComponent() })
        else { return [Any]() }
        let journalRoot = JournalLoader.findRoot(from: root)
        let journal = JournalLoader.load(
            source: FolderSource(root: journalRoot), root: journalRoot, memo: memo)
        var symbols: [[String: Any]] = []
        for mentorship in journal.mentorships {
            for entry in mentorship.entries {
                let listed = OpenedJournal.listed(entry, in: mentorship)
                let name =
                    entry.kind == .goal
                    ? "\(entry.goal?.id ?? ""): \(listed.title)"
                    : "\(entry.kind.rawValue) \(listed.date?.description ?? "") \(listed.title)"
                guard
                    query.isEmpty || name.lowercased().contains(query)
                        || entry.path.lowercased().contains(query)
                else { continue }
                symbols.append([
                    "name": name, "kind": entry.kind == .goal ? 5 : 1, "containerName": mentorship.id,
                    "location": [
                        "uri": journal.root.appendingPathComponent(entry.path).absoluteString,
                        "range": [
                            "start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0],
                        ],
                    ],
                ])
            }
        }
        return symbols
    }
}
