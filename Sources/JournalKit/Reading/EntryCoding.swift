/// Writing and reading each model type; the field order is the format.
enum EntryCoding {
    /// Bumped whenever what is written changes shape, so that old caches are dropped.
    static let version = 8

    static func encode(_ entry: Entry) -> [UInt8] {
        var writer = ByteWriter()
        // The body is most of an entry: one allocation for all of it.
        writer.bytes.reserveCapacity(entry.body.utf8.count + 1024)
        write(entry, to: &writer)
        return writer.bytes
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) -> Entry? {
        var reader = ByteReader(bytes)
        guard let entry = try? readEntry(&reader), reader.isAtEnd else { return nil }
        return entry
    }

    // MARK: Entry

    static func write(_ entry: Entry, to writer: inout ByteWriter) {
        writer.string(entry.path)
        writer.int(entry.kind.spec.cacheTag)
        writer.optional(entry.fileDate, writeDate)
        writer.string(entry.fileSlug)
        writer.optional(entry.date, writeDate)
        writePrivacy(&writer, entry.privacy)
        write(entry.content, to: &writer)
        writer.array(entry.actionItems, writeActionItem)
        writer.optional(entry.title) { $0.string($1) }
        writer.array(entry.diagnostics, writeDiagnostic)
        writer.bool(entry.hasConflictMarkers)
        // In the dictionary's own order: reading it back builds the same dictionary.
        writer.array(Array(entry.fields)) { writer, field in
            writer.string(field.key)
            writePosition(&writer, field.value.key)
            writePosition(&writer, field.value.value)
        }
        writer.array(Array(entry.disabledRules)) { $0.string($1) }
        writer.string(entry.body)
    }

    static func readEntry(_ reader: inout ByteReader) throws -> Entry {
        let path = try reader.string()
        guard let kind = EntryKind(cacheTag: try reader.int()) else { throw ByteReader.Damaged() }
        let fileDate = try reader.optional(readDate)
        let fileSlug = try reader.string()
        let date = try reader.optional(readDate)
        let privacy = try readPrivacy(&reader)
        let content = try readContent(&reader)
        let actionItems = try reader.array(readActionItem)
        let title = try reader.optional { try $0.string() }
        let diagnostics = try reader.array(readDiagnostic)
        let hasConflictMarkers = try reader.bool()
        let places = try reader.array { reader in
            (
                try reader.string(),
                FieldPlace(key: try readPosition(&reader), value: try readPosition(&reader))
            )
        }
        let disabledRules = try reader.array { try $0.string() }
        let body = try reader.string()
        return Entry(
            path: path, kind: kind, fileDate: fileDate, fileSlug: fileSlug, date: date, privacy: privacy,
            content: content, actionItems: actionItems, title: title, diagnostics: diagnostics,
            hasConflictMarkers: hasConflictMarkers,
            fields: Dictionary(places, uniquingKeysWith: { _, last in last }),
            disabledRules: Set(disabledRules), body: body)
    }

    static func writePrivacy(_ writer: inout ByteWriter, _ privacy: Privacy) {
        switch privacy {
        case .shared: writer.int(0)
        case .declared: writer.int(1)
        case .unclear(let reason):
            writer.int(2)
            writer.string(reason)
        }
    }

    static func readPrivacy(_ reader: inout ByteReader) throws -> Privacy {
        switch try reader.int() {
        case 0: return .shared
        case 1: return .declared
        case 2: return .unclear(try reader.string())
        default: throw ByteReader.Damaged()
        }
    }

    // MARK: Content

    private static let severities = Severity.allCases
    private static let units: [Cadence.Unit] = [.days, .weeks, .months]

    static func write(_ content: EntryContent, to writer: inout ByteWriter) {
        switch content {
        case .agreement(let agreement):
            writer.int(EntryKind.agreement.spec.cacheTag)
            writer.optional(agreement.mentor, writePerson)
            writer.optional(agreement.mentee, writePerson)
            writer.optional(agreement.started, writeDate)
            writer.string(agreement.status.rawValue)
            writer.optional(agreement.cadence) { writer, cadence in
                writer.int(cadence.count)
                writer.int(units.firstIndex(of: cadence.unit) ?? 0)
            }
            writer.optional(agreement.durationMinutes) { $0.int($1) }
            writer.optional(agreement.channel) { $0.string($1) }
            writer.optional(agreement.review, writeDate)
            writer.optional(agreement.ends, writeDate)
            writer.optional(agreement.learningStyle) { $0.string($1) }
            writer.optional(agreement.id) { $0.string($1) }
            writer.bool(agreement.confidential)
            writer.optional(agreement.time) { $0.string($1.description) }
            writer.optional(agreement.timezone) { $0.string($1) }
        case .goal(let goal):
            writer.int(EntryKind.goal.spec.cacheTag)
            writer.string(goal.id)
            writePosition(&writer, goal.idPosition)
            writer.string(goal.title)
            writer.string(goal.status.rawValue)
            writer.optional(goal.created, writeDate)
            writer.optional(goal.target, writeDate)
            writer.optional(goal.measure) { $0.string($1) }
            writer.array(goal.milestones) { writer, milestone in
                writer.string(milestone.title)
                writer.optional(milestone.due, writeDate)
                writer.bool(milestone.done)
                writer.optional(milestone.doneOn, writeDate)
                writePosition(&writer, milestone.position)
                writePosition(&writer, milestone.duePosition)
            }
        case .session(let session):
            writer.int(EntryKind.session.spec.cacheTag)
            writer.string(session.status.rawValue)
            writer.optional(session.durationMinutes) { $0.int($1) }
            writer.array(session.goals, writeGoalReference)
            writer.array(session.agenda) { $0.string($1) }
            writer.optional(session.next, writeDate)
            writer.optional(session.time) { $0.string($1.description) }
        case .reflection(let reflection):
            writer.int(EntryKind.reflection.spec.cacheTag)
            writer.string(reflection.author)
            writer.string(reflection.title)
            writer.array(reflection.goals, writeGoalReference)
            writer.optional(reflection.confidence) { $0.int($1) }
            writer.array(reflection.questions) { $0.string($1) }
            writer.array(reflection.wins) { $0.string($1) }
            writer.array(reflection.obstacles) { $0.string($1) }
        case .evaluation(let evaluation):
            writer.int(EntryKind.evaluation.spec.cacheTag)
            writer.optional(evaluation.author) { $0.string($1) }
        }
    }

    static func readContent(_ reader: inout ByteReader) throws -> EntryContent {
        switch EntryKind(cacheTag: try reader.int()) {
        case .agreement:
            var agreement = Agreement()
            agreement.mentor = try reader.optional(readPerson)
            agreement.mentee = try reader.optional(readPerson)
            agreement.started = try reader.optional(readDate)
            agreement.status = try readStatus(&reader)
            agreement.cadence = try reader.optional { reader in
                guard let cadence = Cadence(count: try reader.int(), unit: try reader.choice(units)) else {
                    throw ByteReader.Damaged()
                }
                return cadence
            }
            agreement.durationMinutes = try reader.optional { try $0.int() }
            agreement.channel = try reader.optional { try $0.string() }
            agreement.review = try reader.optional(readDate)
            agreement.ends = try reader.optional(readDate)
            agreement.learningStyle = try reader.optional { try $0.string() }
            agreement.id = try reader.optional { try $0.string() }
            agreement.confidential = try reader.bool()
            agreement.time = try reader.optional { reader in
                guard let time = MeetingTime(try reader.string()) else { throw ByteReader.Damaged() }
                return time
            }
            agreement.timezone = try reader.optional { try $0.string() }
            return .agreement(agreement)
        case .goal:
            var goal = Goal(
                id: try reader.string(), idPosition: try readPosition(&reader), title: try reader.string())
            goal.status = try readStatus(&reader)
            goal.created = try reader.optional(readDate)
            goal.target = try reader.optional(readDate)
            goal.measure = try reader.optional { try $0.string() }
            goal.milestones = try reader.array { reader in
                Milestone(
                    title: try reader.string(), due: try reader.optional(readDate), done: try reader.bool(),
                    doneOn: try reader.optional(readDate), position: try readPosition(&reader),
                    duePosition: try readPosition(&reader))
            }
            return .goal(goal)
        case .session:
            var session = Session()
            session.status = try readStatus(&reader)
            session.durationMinutes = try reader.optional { try $0.int() }
            session.goals = try reader.array(readGoalReference)
            session.agenda = try reader.array { try $0.string() }
            session.next = try reader.optional(readDate)
            session.time = try reader.optional { reader in
                guard let time = MeetingTime(try reader.string()) else { throw ByteReader.Damaged() }
                return time
            }
            return .session(session)
        case .reflection:
            var reflection = Reflection()
            reflection.author = try reader.string()
            reflection.title = try reader.string()
            reflection.goals = try reader.array(readGoalReference)
            reflection.confidence = try reader.optional { try $0.int() }
            reflection.questions = try reader.array { try $0.string() }
            reflection.wins = try reader.array { try $0.string() }
            reflection.obstacles = try reader.array { try $0.string() }
            return .reflection(reflection)
        case .evaluation:
            return .evaluation(Evaluation(author: try reader.optional { try $0.string() }))
        case nil:
            throw ByteReader.Damaged()
        }
    }

    // MARK: Small values

    static func readStatus<Status: RawRepresentable>(_ reader: inout ByteReader) throws -> Status
    where Status.RawValue == String {
        guard let status = Status(rawValue: try reader.string()) else { throw ByteReader.Damaged() }
        return status
    }

    static func writeDate(_ writer: inout ByteWriter, _ date: CalendarDate) {
        writer.int(date.year)
        writer.int(date.month)
        writer.int(date.day)
    }

    static func readDate(_ reader: inout ByteReader) throws -> CalendarDate {
        guard let date = CalendarDate(year: try reader.int(), month: try reader.int(), day: try reader.int())
        else {
            throw ByteReader.Damaged()
        }
        return date
    }

    static func writePosition(_ writer: inout ByteWriter, _ position: SourcePosition) {
        writer.int(position.line)
        writer.int(position.column)
    }

    static func readPosition(_ reader: inout ByteReader) throws -> SourcePosition {
        SourcePosition(line: try reader.int(), column: try reader.int())
    }

    static func writePerson(_ writer: inout ByteWriter, _ person: Person) {
        writer.optional(person.name) { $0.string($1) }
        writer.optional(person.email) { $0.string($1) }
        writer.optional(person.handle) { $0.string($1) }
    }

    static func readPerson(_ reader: inout ByteReader) throws -> Person {
        var person = Person(
            name: try reader.optional { try $0.string() }, email: try reader.optional { try $0.string() })
        // As stored: the initialiser would derive or trim a handle a second time.
        person.handle = try reader.optional { try $0.string() }
        return person
    }

    static func writeGoalReference(_ writer: inout ByteWriter, _ reference: GoalReference) {
        writer.string(reference.id)
        writePosition(&writer, reference.position)
    }

    static func readGoalReference(_ reader: inout ByteReader) throws -> GoalReference {
        GoalReference(id: try reader.string(), position: try readPosition(&reader))
    }

    static func writeActionItem(_ writer: inout ByteWriter, _ item: ActionItem) {
        writer.string(item.text)
        writer.string(String(item.state.mark))
        writer.optional(item.owner) { $0.string($1) }
        writer.optional(item.due, writeDate)
        writer.string(item.path)
        writer.int(item.line)
        writer.int(item.column)
    }

    static func readActionItem(_ reader: inout ByteReader) throws -> ActionItem {
        ActionItem(
            text: try reader.string(), state: ActionState(mark: try reader.string().first ?? " "),
            owner: try reader.optional { try $0.string() },
            due: try reader.optional(readDate), path: try reader.string(), line: try reader.int(),
            column: try reader.int())
    }

    static func writeDiagnostic(_ writer: inout ByteWriter, _ diagnostic: Diagnostic) {
        writer.string(diagnostic.rule)
        writer.int(severities.firstIndex(of: diagnostic.severity) ?? 0)
        writer.string(diagnostic.path)
        writer.int(diagnostic.line)
        writer.int(diagnostic.column)
        writer.string(diagnostic.message)
        writer.int(diagnostic.end?.line ?? 0)
        writer.int(diagnostic.end?.column ?? 0)
    }

    static func readDiagnostic(_ reader: inout ByteReader) throws -> Diagnostic {
        let rule = try reader.string()
        let severity = try reader.choice(severities)
        let path = try reader.string()
        let line = try reader.int()
        let column = try reader.int()
        var diagnostic = Diagnostic(
            rule: rule, severity: severity, path: path, at: .fileStart, message: try reader.string())
        diagnostic.line = line
        diagnostic.column = column
        let endLine = try reader.int()
        let endColumn = try reader.int()
        if endLine > 0 { diagnostic.end = SourcePosition(line: endLine, column: endColumn) }
        return diagnostic
    }
}
