import Foundation

/// Reads one journal file into an `Entry`, never failing: every problem becomes a diagnostic.
public enum EntryParser {
    /// Keys each kind knows; others are allowed, but near-misses are flagged as typos.
    public static func knownKeys(_ kind: EntryKind) -> [String] { kind.spec.keys }

    /// Status values each kind accepts, first the default.
    public static func statuses(_ kind: EntryKind) -> [String] { kind.spec.statuses }

    /// Parses raw file bytes; `path` is relative to the journal root.
    public static func parse(path: String, kind: EntryKind, bytes: [UInt8]) -> Entry {
        // Searched as bytes: a search by `Character` walks grapheme breaks (5,000 instructions a path).
        let fileName =
            path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[path.index(after: $0)...]) } ?? path
        let stem = fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName
        let (fileDate, slug) = splitDatedName(stem)
        var entry = Entry(
            path: path, kind: kind, fileDate: fileDate, fileSlug: slug.isEmpty ? stem : slug,
            date: nil, privacy: .shared, content: defaultContent(kind, stem: stem), actionItems: [],
            title: nil, diagnostics: [], hasConflictMarkers: false)

        guard let text = String(validating: bytes, as: UTF8.self) else {
            let position = invalidUTF8Position(bytes)
            entry.privacy = Privacy.of(bytes: bytes)
            entry.diagnostics.append(
                FileEncodingRule.problem(
                    path, at: position, "the file is not valid UTF-8 text; save it as UTF-8"))
            return entry
        }
        let source = SourceText(text)
        entry.diagnostics += conflictMarkers(in: bytes, path: path)
        entry.hasConflictMarkers = entry.diagnostics.contains { $0.rule == MergeConflictMarkersRule.id }

        var reader = FieldReader(path: path, mapping: [])
        let yaml =
            source.state == .present ? YAMLReader.read(source.yaml, firstLine: source.yamlFirstLine) : nil
        entry.privacy = Privacy.decide(text: text, source: source, yaml: yaml)
        switch source.state {
        case .missing:
            entry.diagnostics.append(
                FrontMatterMissingRule.problem(
                    path, at: .fileStart,
                    "no front matter: the file should start with a `---` line, then YAML, then `---`"
                ))
        case .unterminated:
            entry.diagnostics.append(
                FrontMatterUnterminatedRule.problem(
                    path, at: .fileStart,
                    "the front matter opened on line 1 is never closed with a `---` line"))
        case .present:
            switch yaml ?? .success(nil) {
            case .failure(let problem):
                if !entry.hasConflictMarkers {
                    entry.diagnostics.append(
                        FrontMatterYAMLRule.problem(path, at: problem.position, problem.message))
                }
            case .success(let root):
                if let root, root.pairs == nil {
                    entry.diagnostics.append(
                        FrontMatterNotMappingRule.problem(
                            path, at: root.position,
                            "front matter should be `key: value` lines, not \(root.kindName)"))
                } else {
                    reader = FieldReader(path: path, mapping: root?.pairs ?? [])
                    for pair in root?.pairs ?? [] {
                        if let key = pair.key.text {
                            entry.fields[key] = FieldPlace(key: pair.key.position, value: pair.value.position)
                        }
                    }
                    readFields(into: &entry, reader: &reader, stem: stem)
                }
            }
        }
        entry.diagnostics += reader.diagnostics

        entry.disabledRules = disabledRules(in: source.body)
        let summary = MarkdownParser.summarize(
            source.body, firstLine: source.bodyFirstLine, sections: kind == .reflection)
        entry.body = source.body
        entry.title = summary.title
        entry.actionItems = actionItems(summary.tasks, path: path, diagnostics: &entry.diagnostics)
        if case .reflection(var reflection) = entry.content {
            if reflection.title.isEmpty { reflection.title = summary.title ?? entry.fileSlug }
            let parts = reflectionParts(summary.sections)
            reflection.questions = parts.questions
            reflection.wins = parts.wins
            reflection.obstacles = parts.obstacles
            entry.content = .reflection(reflection)
        }
        return entry
    }

    /// The questions, wins and obstacles of a reflection, from the headings that name them.
    /// A section's items include its sub-sections'; an item goes to the deepest matching
    /// heading only, so `## Obstacles` > `### Stuck on X` does not list it twice.
    static func reflectionParts(_ sections: [MarkdownSection]) -> (
        questions: [String], wins: [String], obstacles: [String]
    ) {
        func kinds(_ heading: String) -> (question: Bool, win: Bool, obstacle: Bool) {
            // ASCII case folding is enough for these English words, and far cheaper than
            // Foundation's locale-aware search.
            let text = heading.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            func has(_ word: StaticString) -> Bool {
                let needle = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
                guard text.count >= needle.count else { return false }
                return text.withUnsafeBufferPointer { haystack in
                    var start = 0
                    while start + needle.count <= haystack.count {
                        if haystack[start] == needle[0] {
                            var offset = 1
                            while offset < needle.count, haystack[start + offset] == needle[offset] {
                                offset += 1
                            }
                            if offset == needle.count { return true }
                        }
                        start += 1
                    }
                    return false
                }
            }
            return (
                has("question"), has("win") || has("celebrat"),
                has("obstacle") || has("challenge") || has("stuck")
            )
        }
        var questions: [String] = []
        var wins: [String] = []
        var obstacles: [String] = []
        let headingKinds = sections.map { kinds($0.heading) }
        for (index, section) in sections.enumerated() {
            let kind = headingKinds[index]
            guard kind.question || kind.win || kind.obstacle else { continue }
            var claimed: Set<String> = []
            for later in (index + 1)..<sections.count {
                guard sections[later].level > section.level else { break }
                let inner = headingKinds[later]
                if inner.question || inner.win || inner.obstacle { claimed.formUnion(sections[later].items) }
            }
            let items = claimed.isEmpty ? section.items : section.items.filter { !claimed.contains($0) }
            if kind.question { questions += items }
            if kind.win { wins += items }
            if kind.obstacle { obstacles += items }
        }
        return (questions, wins, obstacles)
    }

    private static func defaultContent(_ kind: EntryKind, stem: String) -> EntryContent {
        switch kind {
        case .agreement: return .agreement(Agreement())
        case .goal:
            return .goal(Goal(id: stem, idPosition: .fileStart, title: stem))
        case .session: return .session(Session())
        case .reflection: return .reflection(Reflection())
        case .evaluation: return .evaluation(Evaluation(author: stem))
        }
    }

    private static func readFields(into entry: inout Entry, reader: inout FieldReader, stem: String) {
        let kind = entry.kind
        reader.checkUnknownKeys(known: knownKeys(kind))
        if let type = reader.value("type") {
            let written = type.text?.lowercased() ?? ""
            if written != kind.rawValue {
                reader.report(
                    TypeMismatchRule.self, over: type,
                    "`type: \(type.text ?? type.kindName)` disagrees with the folder, which holds \(kind.rawValue) entries"
                )
            }
        }
        // Read for its diagnostic; whether the entry is private was decided above.
        _ = reader.bool("private")
        switch kind {
        case .agreement:
            var agreement = Agreement()
            if let id = reader.text("id") {
                if let slug = Slug.make(id), slug == id {
                    agreement.id = id
                } else {
                    reader.report(
                        FieldInvalidRule.self, at: reader.value("id")?.position ?? .fileStart,
                        "`id` should be a slug: lower-case letters, digits and dashes, such as "
                            + (Slug.make(id).map { "`\($0)`" } ?? "`ada-grace`"))
                }
            }
            agreement.mentor = reader.person("mentor", required: true)
            agreement.mentee = reader.person("mentee", required: true)
            agreement.started = reader.date("started", required: true)
            agreement.status = reader.status("status", default: AgreementStatus.active)
            agreement.cadence = reader.cadence("cadence", required: true)
            agreement.durationMinutes = reader.duration("duration")
            agreement.channel = reader.text("channel")
            agreement.review = reader.date("review")
            agreement.ends = reader.date("ends")
            agreement.learningStyle = reader.text("learning_style")
            agreement.confidential = reader.bool("confidential") ?? true
            agreement.time = reader.time("time")
            agreement.timezone = reader.timezone("timezone")
            entry.content = .agreement(agreement)
        case .goal:
            var goal = Goal(id: stem, idPosition: .fileStart, title: stem)
            if let id = reader.text("id") {
                goal.id = id
                goal.idPosition = reader.value("id")?.position ?? .fileStart
            }
            goal.title = reader.text("title", required: true) ?? stem
            goal.status = reader.status("status", default: GoalStatus.active)
            goal.created = reader.date("created")
            goal.target = reader.date("target")
            goal.measure = reader.text("measure")
            goal.milestones = milestones(&reader)
            entry.content = .goal(goal)
        case .session:
            var session = Session()
            entry.date = reader.date("date", required: true)
            session.durationMinutes = reader.duration("duration")
            session.goals = reader.goalList("goals")
            session.status = reader.status("status", default: SessionStatus.held)
            session.agenda = reader.textList("agenda")
            session.next = reader.date("next")
            session.time = reader.time("time")
            entry.content = .session(session)
        case .reflection:
            var reflection = Reflection()
            entry.date = reader.date("date", required: true)
            reflection.author = reader.text("author").map(normaliseName) ?? "mentee"
            reflection.title = reader.text("title") ?? ""
            reflection.goals = reader.goalList("goals")
            if let value = reader.value("confidence") {
                if let level = value.int, (1...5).contains(level) {
                    reflection.confidence = level
                } else {
                    reader.report(
                        FieldInvalidRule.self, over: value,
                        "`confidence` should be a whole number from 1 to 5")
                }
            }
            entry.content = .reflection(reflection)
        case .evaluation:
            let author = reader.text("author", required: true).map(normaliseName)
            entry.date = reader.date("date", required: true)
            entry.content = .evaluation(Evaluation(author: author ?? stem))
        }
    }

    private static func normaliseName(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.hasPrefix("@") ? String(trimmed.dropFirst()) : trimmed
    }

    private static func milestones(_ reader: inout FieldReader) -> [Milestone] {
        guard let value = reader.value("milestones") else { return [] }
        guard let items = value.items else {
            reader.report(
                FieldInvalidRule.self, over: value,
                "`milestones` should be a list of {title, due, done}"
            )
            return []
        }
        var result: [Milestone] = []
        for item in items {
            guard item.pairs != nil else {
                reader.report(
                    FieldInvalidRule.self, over: item,
                    "a milestone should be a mapping with `title`, `due` and `done`")
                continue
            }
            guard let title = item["title"]?.text, !(item["title"]?.isNull ?? true) else {
                reader.report(FieldMissingRule.self, over: item, "a milestone is missing its `title`")
                continue
            }
            var milestone = Milestone(
                title: title, due: nil, done: false, doneOn: nil, position: item.position,
                duePosition: item["due"]?.position ?? item.position)
            if let due = item["due"], !due.isNull {
                milestone.due = reader.parseDate(due, name: "the milestone's `due`")
            }
            if let done = item["done"], !done.isNull {
                if let flag = done.bool {
                    milestone.done = flag
                } else if let text = done.text, let date = CalendarDate(text) {
                    milestone.done = true
                    milestone.doneOn = date
                } else {
                    reader.report(
                        FieldInvalidRule.self, over: done,
                        "a milestone's `done` should be true, false or a date")
                }
            }
            result.append(milestone)
        }
        return result
    }

    private static func actionItems(_ tasks: [TaskItem], path: String, diagnostics: inout [Diagnostic])
        -> [ActionItem]
    {
        tasks.map { task in
            let parsed = ActionItemText.parse(task.text)
            var due: CalendarDate?
            if let raw = parsed.due {
                due = CalendarDate(raw)
                if due == nil {
                    diagnostics.append(
                        FieldInvalidRule.problem(
                            path, at: SourcePosition(line: task.line, column: task.column),
                            "the action item's due date \(raw) is not a day on the calendar"))
                }
            }
            let state = ActionState(mark: task.mark)
            let position = SourcePosition(line: task.line, column: task.column)
            if case .unknown(let mark) = state {
                diagnostics.append(
                    ActionUnknownStatusRule.problem(
                        path, at: position,
                        "the task mark [\(mark)] is not one journal knows, so the item counts as open; "
                            + "use [ ] open, [/] in progress, [x] done, [-] cancelled or [>] moved"))
            }
            if let phrase = parsed.unreadableDue {
                diagnostics.append(
                    ActionDueUnreadableRule.problem(
                        path, at: position,
                        "“\(phrase.text)” is not a calendar date, so the item has no due date; "
                            + "write the day as (due YYYY-MM-DD)"))
            }
            return ActionItem(
                text: parsed.text, state: state, owner: parsed.owner, due: due, path: path,
                line: task.line, column: task.column)
        }
    }

    /// Rule ids named in `<!-- journal-lint disable id id2 -->` comments of a body.
    static func disabledRules(in body: String) -> Set<String> {
        let marker = "journal-lint disable"
        // A byte search first: almost no file has the comment, and Foundation's search is slow.
        var text = body
        let found = text.withUTF8 { bytes -> Bool in
            guard let base = bytes.baseAddress else { return false }
            let needle = Array(marker.utf8)
            var offset = 0
            // Jump between the marker's first letter with memchr, then compare the rest.
            while bytes.count - offset >= needle.count,
                let hit = memchr(base + offset, Int32(needle[0]), bytes.count - offset - needle.count + 1)
            {
                let start = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + start, needle, needle.count) == 0 { return true }
                offset = start + 1
            }
            return false
        }
        guard found else { return [] }
        var rules: Set<String> = []
        var rest = body[...]
        while let open = rest.range(of: "<!--") {
            guard let close = rest[open.upperBound...].range(of: "-->") else { break }
            let comment = rest[open.upperBound..<close.lowerBound].trimmingCharacters(
                in: .whitespacesAndNewlines)
            if comment.hasPrefix(marker) {
                let ids = comment.dropFirst(marker.count).split(whereSeparator: {
                    $0 == " " || $0 == "," || $0 == "\n"
                })
                rules.formUnion(ids.map(String.init))
            }
            rest = rest[close.upperBound...]
        }
        return rules
    }

    /// Splits `2026-11-20-first-call` into its date and `first-call`.
    static func splitDatedName(_ stem: String) -> (CalendarDate?, String) {
        guard stem.utf8.count >= 10, let date = CalendarDate(stem.prefix(10)) else { return (nil, stem) }
        let rest = stem.dropFirst(10)
        if rest.isEmpty { return (date, "") }
        guard rest.first == "-" else { return (nil, stem) }
        return (date, String(rest.dropFirst()))
    }

    private static func conflictMarkers(in bytes: [UInt8], path: String) -> [Diagnostic] {
        ConflictMarkers.lines(in: bytes).map { line in
            MergeConflictMarkersRule.problem(
                path, at: SourcePosition(line: line, column: 1),
                "unresolved merge conflict: keep the text you want and delete the marker lines")
        }
    }

    private static func invalidUTF8Position(_ bytes: [UInt8]) -> SourcePosition {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            let valid =
                length > 0 && index + length <= bytes.count
                && String(validating: bytes[index..<index + length], as: UTF8.self) != nil
            if !valid {
                let column =
                    String(decoding: bytes[lineStart..<index], as: UTF8.self).unicodeScalars.count + 1
                return SourcePosition(line: line, column: column)
            }
            if byte == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += length
        }
        return .fileStart
    }
}
