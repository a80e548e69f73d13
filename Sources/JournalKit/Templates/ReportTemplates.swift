import Foundation
import Mustache

/// A report template that could not be read, with the place of the problem.
public struct TemplateError: Error, Equatable, CustomStringConvertible {
    /// The template file as the user should look for it.
    public var file: String
    /// The 1-based line of the problem.
    public var line: Int
    /// The 1-based column of the problem.
    public var column: Int
    /// What is wrong, in words.
    public var message: String

    /// `file:line:column: message`, as compilers print it.
    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// The Mustache template of one report format: the one built into `journal`, or a journal's own.
public struct ReportTemplate: Sendable {
    /// The formats rendered from templates.
    public enum Kind: String, Sendable, CaseIterable {
        case markdown, html

        /// The template's file name, in `templates/` of the source tree or of a journal.
        public var fileName: String {
            switch self {
            case .markdown: return "report.md.mustache"
            case .html: return "report.html.mustache"
            }
        }

        /// The template compiled into the binary.
        public var builtIn: String {
            EmbeddedTemplates.named(fileName)
        }

        /// Journal text as it may appear in this format: every string value of the context is
        /// escaped once, before any template sees it.
        func escape(_ text: String) -> String {
            switch self {
            case .markdown: return MarkdownContentType().escapeText(text)
            case .html: return HTMLText.escape(text)
            }
        }
    }

    /// The format this template renders.
    public let kind: Kind
    private let template: MustacheTemplate

    /// Parses `text` as the template of `kind`; `file` names it in errors.
    public init(_ text: String, kind: Kind, file: String) throws(TemplateError) {
        _ = EscapedContentType.registered
        self.kind = kind
        // A standalone pragma line renders as nothing, so it shifts the user's lines by exactly one.
        let source = "{{% CONTENT_TYPE: \(EscapedContentType.name)}}\n" + text
        do {
            template = try MustacheTemplate(string: source)
        } catch let error as MustacheTemplate.ParserError {
            if case .expectedSectionEnd = error.error as? MustacheTemplate.Error,
                let open = Self.unclosedSection(in: text)
            {
                throw TemplateError(
                    file: file, line: open.line, column: open.column,
                    message: "section `\(open.name)` is never closed (add `{{/\(open.name)}}`)")
            }
            if !(error.error is MustacheTemplate.Error), let open = Self.unfinishedTag(in: text) {
                throw TemplateError(
                    file: file, line: open.line, column: open.column,
                    message: "this `{{` has no closing `}}`")
            }
            throw TemplateError(
                file: file, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber,
                message: Self.describe(error.error, line: error.context.line))
        } catch {
            throw TemplateError(file: file, line: 1, column: 1, message: "\(error)")
        }
    }

    /// The template built into `journal` for `kind`.
    public static func builtIn(_ kind: Kind) throws(TemplateError) -> ReportTemplate {
        try ReportTemplate(kind.builtIn, kind: kind, file: "(built-in) templates/\(kind.fileName)")
    }

    /// The report rendered through this template. Whatever the template says, journal text
    /// comes out escaped (the values are escaped before the template sees them, so `{{{value}}}`,
    /// `{{&value}}` and a pragma changing the content type all give the same escaped text), and an
    /// HTML page starts with a Content-Security-Policy that forbids script and every load from
    /// the network, with no meta refresh or link element of the template's left to get around it.
    public func render(_ report: Report) -> String {
        let context = Self.escaped(ReportTemplateContext.make(report), kind: kind)
        var text = template.render(context)
        if kind == .html { text = HTMLPolicy.enforce(text) }
        while text.hasSuffix("\n\n") { text.removeLast() }
        return text.hasSuffix("\n") ? text : text + "\n"
    }

    /// Context keys whose values are markup journal builds itself (inline SVG pictures, and
    /// Markdown rendered by cmark-gfm in safe mode), passed to the template as they are.
    static let markupKeys: Set<String> = ["timelineSVG", "progressSVG", "confidenceSVG", "bodyHTML"]

    /// Every string of a context tree escaped for `kind`, but the markup journal builds itself.
    static func escaped(_ value: Any, kind: Kind) -> Any {
        // Numbers and flags are most of the leaves: let them through before any costlier cast.
        if value is Int || value is Bool { return value }
        switch value {
        case let text as String:
            return kind.escape(text)
        case let dictionary as [String: Any]:
            var result: [String: Any] = [:]
            result.reserveCapacity(dictionary.count)
            for (key, inner) in dictionary {
                result[key] = kind == .html && markupKeys.contains(key) ? inner : escaped(inner, kind: kind)
            }
            return result
        case let array as [Any]:
            return array.map { escaped($0, kind: kind) }
        default:
            return value
        }
    }

    /// The innermost section left open at the end of `text`: the parser only knows where the text
    /// ran out, while the person needs the line that opened it.
    static func unclosedSection(in text: String) -> (name: String, line: Int, column: Int)? {
        var stack: [(name: String, line: Int, column: Int)] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let tag = rest[open.upperBound...]
                guard let close = tag.range(of: "}}") else { break }
                let body = tag[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                if let sigil = body.first, "#^$<".contains(sigil) {
                    stack.append((body.dropFirst().trimmingCharacters(in: .whitespaces), number + 1, column))
                } else if body.first == "/", !stack.isEmpty {
                    stack.removeLast()
                }
                rest = tag[close.upperBound...]
            }
        }
        return stack.last
    }

    /// The first `{{` not closed by `}}` before the next `{{` or the end of `text`.
    static func unfinishedTag(in text: String) -> (line: Int, column: Int)? {
        var index = text.startIndex
        while let open = text.range(of: "{{", range: index..<text.endIndex) {
            let close = text.range(of: "}}", range: open.upperBound..<text.endIndex)
            let next = text.range(of: "{{", range: open.upperBound..<text.endIndex)
            if close == nil || (next.map { $0.lowerBound < (close?.lowerBound ?? text.endIndex) } ?? false) {
                let before = text[..<open.lowerBound]
                let line = before.filter { $0 == "\n" }.count + 1
                let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
                return (line, text.distance(from: lineStart, to: open.lowerBound) + 1)
            }
            index = close?.upperBound ?? text.endIndex
        }
        return nil
    }

    static func describe(_ error: any Error, line: String) -> String {
        let near = line.trimmingCharacters(in: .whitespaces)
        let excerpt = near.isEmpty ? "" : " near `\(near.prefix(60))`"
        guard let error = error as? MustacheTemplate.Error else {
            return "the template is unfinished (a `{{` without its `}}`?)\(excerpt)"
        }
        switch error {
        case .sectionCloseNameIncorrect:
            return "this closing tag does not match the section it closes\(excerpt)"
        case .unfinishedName: return "a tag is not finished\(excerpt)"
        case .expectedSectionEnd: return "a section is never closed (a `{{#name}}` without its `{{/name}}`)"
        case .invalidSetDelimiter: return "bad set-delimiter tag\(excerpt)"
        case .transformAppliedToInheritanceSection, .illegalTokenInsideInheritSection,
            .textInsideInheritSection:
            return "bad template inheritance\(excerpt)"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable:
            return "unknown pragma (`{{% ... }}`)\(excerpt)"
        }
    }
}

/// The content type of every report template: values arrive already escaped for the format
/// (`ReportTemplate.escaped`), so `{{value}}` writes them as they are.
struct EscapedContentType: MustacheContentType {
    static let name = "JOURNAL_ESCAPED"
    /// Registers the content type once (a `static let` initialiser runs exactly once).
    static let registered: Bool = {
        MustacheContentTypes.register(EscapedContentType(), named: name)
        return true
    }()

    func escapeText(_ text: String) -> String { text }
}

/// Escapes journal text for Markdown reports so that it stays text: no emphasis, links, raw
/// HTML, table cells or new blocks can come out of a title.
struct MarkdownContentType {

    func escapeText(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~":
                escaped.append("\\")
                escaped.append(character)
            case "\n", "\r", "\r\n": escaped.append(" ")
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

/// The values report templates see; docs/templates.md documents every key.
enum ReportTemplateContext {
    static func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }

    static func text(_ date: CalendarDate?) -> String { date?.description ?? "" }

    /// A fragment id for a mentorship: letters, digits and dashes only.
    static func anchor(_ id: String) -> String {
        "m-" + String(id.map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    /// The body without a first heading that only repeats the title the summary line shows.
    static func withoutTitle(_ body: String, title: String) -> String {
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, first.trimmingCharacters(in: .whitespaces).isEmpty {
            lines.removeFirst()
        }
        if let first = lines.first, first.hasPrefix("#") {
            let heading = first.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
            if heading == title { lines.removeFirst() }
        }
        return lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func person(_ person: Person) -> [String: Any] {
        [
            "name": person.name ?? "", "email": person.email ?? "", "handle": person.handle ?? "",
            "display": MentorshipReport.displayName(person),
        ]
    }

    /// The context of a whole report.
    public static func make(_ report: Report) -> [String: Any] {
        let title =
            report.mentorships.count == 1
            ? "Mentoring report: \(report.mentorships[0].pair)"
            : "Mentoring report: \(report.mentorships.count) mentorships"
        return [
            "today": report.today.description,
            "title": title,
            "empty": report.mentorships.isEmpty,
            "mentorshipCount": report.mentorships.count,
            "showOverview": report.showsOverview,
            "overview": report.overview.map(overviewRow),
            "mentorships": report.mentorships.map { mentorship($0) },
        ]
    }

    static func overviewRow(_ row: OverviewRow) -> [String: Any] {
        let cadenceText: String
        switch row.cadence {
        case "overdue": cadenceText = "overdue by \(days(row.daysOverdue))"
        case "none": cadenceText = "no session yet"
        default: cadenceText = "kept"
        }
        return [
            "id": row.id, "anchor": anchor(row.id), "path": row.path, "pair": row.pair,
            "status": row.status.rawValue,
            "hasLastSession": row.lastSession != nil, "lastSession": text(row.lastSession),
            "daysSinceLastSession": row.daysSinceLastSession ?? 0,
            "daysSinceText": row.daysSinceLastSession.map { $0 == 0 ? "today" : days($0) + " ago" } ?? "",
            "nextSessionDue": text(row.nextSessionDue),
            "cadence": row.cadence, "cadenceKept": row.cadence == "kept",
            "cadenceOverdue": row.cadence == "overdue", "cadenceNone": row.cadence == "none",
            "cadenceText": cadenceText, "daysOverdue": row.daysOverdue,
            "goalsOnTrack": row.goalsOnTrack, "goalsActive": row.goalsActive,
            "goalsBehind": row.goalsOnTrack < row.goalsActive,
            "openActionItems": row.openActionItems, "overdueActionItems": row.overdueActionItems,
            "hasOverdueActionItems": row.overdueActionItems > 0,
            "lintErrors": row.lintErrors, "hasLintErrors": row.lintErrors > 0,
        ]
    }

    static func sessionText(_ m: MentorshipReport) -> (String, String) {
        guard let last = m.lastSession, let since = m.daysSinceLastSession else {
            return ("No session held yet.", "")
        }
        let lastText = "Last session \(last), \(since == 0 ? "today" : days(since) + " ago")."
        guard let next = m.nextSessionDue, let timing = m.nextSession else { return (lastText, "") }
        switch timing {
        case .overdue(let late): return (lastText, "The next session was due \(next): \(days(late)) overdue.")
        case .today: return (lastText, "The next session is due today.")
        case .upcoming(let left): return (lastText, "Next session due \(next), in \(days(left)).")
        }
    }

    static func mentorship(_ m: MentorshipReport) -> [String: Any] {
        let (lastText, nextText) = sessionText(m)
        let items: [[String: Any]] = m.actionItems.map { item in
            let dueText: String
            if let due = item.due {
                dueText = item.overdue ? "overdue: due \(due), \(days(item.daysOverdue)) ago" : "due \(due)"
            } else {
                dueText = "no date"
            }
            return [
                "text": item.text, "owner": item.owner ?? "", "hasOwner": item.owner != nil,
                "ownerText": item.owner ?? "no owner", "due": text(item.due), "hasDue": item.due != nil,
                "overdue": item.overdue, "daysOverdue": item.daysOverdue, "dueText": dueText,
                "path": item.path, "line": item.line, "location": "\(item.path):\(item.line)",
            ]
        }
        func notes(_ pick: (ReflectionReport) -> [String]) -> [[String: Any]] {
            m.reflections.flatMap { reflection in
                pick(reflection).map { note -> [String: Any] in
                    [
                        "text": note, "author": reflection.author ?? "",
                        "hasAuthor": reflection.author != nil,
                        "date": reflection.date.description, "path": reflection.path,
                    ]
                }
            }
        }
        let questions = notes(\.questions)
        let wins = notes(\.wins)
        let obstacles = notes(\.obstacles)
        let reflections: [[String: Any]] = m.reflections.map { reflection in
            let body = withoutTitle(reflection.body, title: reflection.title)
            return [
                "date": reflection.date.description, "title": reflection.title,
                "author": reflection.author ?? "", "hasAuthor": reflection.author != nil,
                "confidence": reflection.confidence ?? 0, "hasConfidence": reflection.confidence != nil,
                "private": reflection.isPrivate, "path": reflection.path,
                "hasBody": !body.isEmpty, "bodyHTML": body.isEmpty ? "" : HTMLText.markdown(body),
            ]
        }
        let goals: [[String: Any]] = m.goals.map { goal in
            let milestone: (MilestoneReport) -> [String: Any] = {
                [
                    "title": $0.title, "due": text($0.due), "hasDue": $0.due != nil,
                    "overdue": $0.overdue,
                ]
            }
            // The next milestone is often the overdue one; listing it twice reads as two problems.
            let otherOverdue = goal.overdueMilestones.filter { $0 != goal.nextMilestone }
            let percent = goal.milestonesTotal == 0 ? 0 : goal.milestonesDone * 100 / goal.milestonesTotal
            return [
                "id": goal.id, "title": goal.title, "status": goal.status.rawValue,
                "target": text(goal.target), "hasTarget": goal.target != nil,
                "milestonesDone": goal.milestonesDone, "milestonesTotal": goal.milestonesTotal,
                "hasMilestones": goal.milestonesTotal > 0, "percent": percent,
                "progressText": "\(goal.milestonesDone)/\(goal.milestonesTotal)",
                "onTrack": goal.onTrack,
                "hasNext": goal.nextMilestone != nil,
                "next": goal.nextMilestone.map(milestone) ?? [:],
                "overdueMilestones": goal.overdueMilestones.map(milestone),
                "otherOverdueMilestones": otherOverdue.map(milestone),
                "hasOverdue": !goal.overdueMilestones.isEmpty,
                "lastActivity": text(goal.lastActivity), "hasLastActivity": goal.lastActivity != nil,
                "progressSVG": ReportPictures.progress(goal),
            ]
        }
        let lintText =
            "\(m.lintErrors) error\(m.lintErrors == 1 ? "" : "s"), "
            + "\(m.lintWarnings) warning\(m.lintWarnings == 1 ? "" : "s")"
        let hasConfidence = ReportPictures.hasConfidence(m)
        return [
            "id": m.id, "anchor": anchor(m.id), "path": m.path, "location": m.path == "." ? m.id : m.path,
            "status": m.status.rawValue, "pair": m.pair, "mentor": person(m.mentor),
            "mentee": person(m.mentee),
            "cadence": m.cadence?.description ?? "", "hasCadence": m.cadence != nil,
            "cadenceDays": m.cadenceDays ?? 0,
            "since": text(m.since), "hasSince": m.since != nil,
            "lastSession": text(m.lastSession), "hasLastSession": m.lastSession != nil,
            "daysSinceLastSession": m.daysSinceLastSession ?? 0,
            "nextSessionDue": text(m.nextSessionDue), "hasNextSessionDue": m.nextSessionDue != nil,
            "sessionOverdue": m.sessionOverdue == true,
            "lastSessionText": lastText, "nextSessionText": nextText,
            "sessions": m.sessions, "cancelledSessions": m.cancelledSessions,
            "hasCancelledSessions": m.cancelledSessions > 0,
            "reviewDue": text(m.reviewDue), "hasReviewDue": m.reviewDue != nil,
            "actionItems": items, "hasActionItems": !items.isEmpty, "actionItemCount": items.count,
            "overdueActionItemCount": m.actionItems.filter(\.overdue).count,
            "questions": questions, "hasQuestions": !questions.isEmpty,
            "wins": wins, "hasWins": !wins.isEmpty,
            "obstacles": obstacles, "hasObstacles": !obstacles.isEmpty,
            "reflections": reflections, "hasReflections": !reflections.isEmpty,
            "reflectionCount": reflections.count,
            "goals": goals, "hasGoals": !goals.isEmpty, "goalCount": goals.count,
            "agenda": m.agenda.enumerated().map { ["number": $0.offset + 1, "text": $0.element] },
            "hasAgenda": !m.agenda.isEmpty,
            "lintErrors": m.lintErrors, "lintWarnings": m.lintWarnings, "lintText": lintText,
            "hasLintErrors": m.lintErrors > 0,
            "hasHistory": !m.history.sessions.isEmpty || !m.history.reflections.isEmpty
                || m.history.milestones.contains { $0.due != nil || $0.doneOn != nil },
            "timelineSVG": ReportPictures.timeline(m),
            "hasConfidence": hasConfidence,
            "confidenceSVG": hasConfidence ? ReportPictures.confidence(m) : "",
        ]
    }
}

/// `--format markdown`: a document to paste into meeting notes, from `templates/report.md.mustache`.
public struct MarkdownReportRenderer: ReportRenderer {
    /// The template in use.
    public let template: ReportTemplate

    /// Renders through `template` (the built-in one unless a journal brings its own).
    public init(template: ReportTemplate) { self.template = template }

    /// The report as Markdown.
    public func render(_ report: Report) -> String { template.render(report) }
}

/// `--format html`: one self-contained page with pictures, from `templates/report.html.mustache`.
public struct HTMLReportRenderer: ReportRenderer {
    /// The template in use.
    public let template: ReportTemplate

    /// Renders through `template` (the built-in one unless a journal brings its own).
    public init(template: ReportTemplate) { self.template = template }

    /// The report as an HTML page.
    public func render(_ report: Report) -> String { template.render(report) }
}
