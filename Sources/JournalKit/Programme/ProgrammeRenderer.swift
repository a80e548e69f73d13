import Foundation

/// The programme report in the five formats of `journal report`: text for a terminal, Markdown,
/// a self-contained HTML page, JSON (`journal-programme/1`) and CSV (one row per mentorship).
/// Each renders the finished `ProgrammeReport`; none decides a fact again.
public struct ProgrammeRenderer {
    public var style: TerminalStyle

    public init(style: TerminalStyle = TerminalStyle(colour: false)) { self.style = style }

    /// The programme report in `format` (with each pair's own report after it when `details`
    /// is given), made safe for its reader; nil when the format does not offer it.
    public func render(_ report: ProgrammeReport, as format: OutputFormat, details: Report? = nil) throws
        -> String?
    {
        if let details {
            return try format.programmeDetails.map { format.finish(try $0(report, details, self)) }
        }
        return format.programme.map { format.finish($0(report, self)) }
    }

    // MARK: - Words shared by the formats for people

    func heading(_ report: ProgrammeReport) -> String {
        "Programme on \(report.today)" + (report.asOf ? " (each repository as it stood that day)" : "")
    }

    func summary(_ totals: ProgrammeReport.Totals) -> [String] {
        let attention = [Attention.atRisk, .watch, .ok].map { level -> String in
            let count = totals.attention[level] ?? 0
            switch level {
            case .atRisk: return "\(count) at risk"
            case .watch: return "\(count) to watch"
            case .ok: return "\(count) on track"
            }
        }.joined(separator: ", ")
        var first = "\(totals.pairs) pair\(totals.pairs == 1 ? "" : "s"): \(attention)"
        if totals.unreadable > 0 { first += " (\(totals.unreadable) could not be read)" }
        return [
            first,
            "Meetings held: \(totals.sessionsLast30) in the last 30 days, \(totals.sessionsLast90) in the last 90; "
                + "goals achieved: \(totals.goalsAchieved); evaluations written: \(totals.evaluations)",
        ]
    }

    /// One line about a pair's state: its mentorships' reasons, or why it could not be read.
    func reasons(_ pair: ProgrammeReport.Pair) -> [String] {
        if let problem = pair.problem { return ["could not be read: \(problem)"] }
        let reasons = pair.rows.flatMap(\.reasons)
        return reasons.isEmpty ? ["on track"] : reasons
    }

    func lastSession(_ pair: ProgrammeReport.Pair) -> String {
        guard let date = pair.rows.compactMap(\.lastSession).max() else {
            return pair.problem == nil ? "none yet" : ""
        }
        return date.description
    }

    // MARK: - Text

    func text(_ report: ProgrammeReport) -> String {
        let t = TerminalText.line
        var lines = [style.bold(heading(report))]
        for totals in report.totals {
            if let cohort = totals.cohort {
                lines.append(""); lines.append(style.bold("Cohort \(t(cohort))"))
            }
            lines += summary(totals).map { "  " + $0 }
        }
        lines.append("")
        let names = report.pairs.map { t($0.pair.displayName) }
        let width = min(40, names.map(\.count).max() ?? 0)
        for (pair, name) in zip(report.pairs, names) {
            let padded = name + String(repeating: " ", count: max(0, width - name.count))
            let cohort = pair.pair.cohort.map { "  [\(t($0))]" } ?? ""
            let line =
                "\(pair.attention.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(padded)  "
                + "last session \(lastSession(pair).isEmpty ? "?" : lastSession(pair))" + cohort
            switch pair.attention {
            case .atRisk: lines.append(style.red(line))
            case .watch: lines.append(style.yellow(line))
            case .ok: lines.append(line)
            }
            for reason in reasons(pair) where reason != "on track" {
                lines.append("         " + style.dim("- " + t(reason)))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Markdown

    func markdown(_ report: ProgrammeReport) -> String {
        func cell(_ text: String) -> String { MarkdownContentType().escapeText(text) }
        var lines = ["# \(heading(report))", ""]
        for totals in report.totals {
            if let cohort = totals.cohort { lines += ["## Cohort \(cell(cohort))", ""] }
            lines += summary(totals).map { "- " + $0 } + [""]
        }
        lines += [
            "## Pairs", "", "| Attention | Pair | Cohort | Last session | Why |", "|---|---|---|---|---|",
        ]
        for pair in report.pairs {
            lines.append(
                "| \(pair.attention.rawValue) | \(cell(pair.pair.displayName)) | \(cell(pair.pair.cohort ?? "")) | "
                    + "\(lastSession(pair)) | \(reasons(pair).map(cell).joined(separator: "; ")) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - HTML

    func html(_ report: ProgrammeReport) -> String {
        let e = HTMLText.escape
        var body = ["<h1>\(e(heading(report)))</h1>"]
        for totals in report.totals {
            if let cohort = totals.cohort { body.append("<h2>Cohort \(e(cohort))</h2>") }
            body.append("<ul>" + summary(totals).map { "<li>\(e($0))</li>" }.joined() + "</ul>")
        }
        body.append(
            "<h2>Pairs</h2><table><thead><tr><th>Attention</th><th>Pair</th><th>Cohort</th><th>Last session</th><th>Why</th></tr></thead><tbody>"
        )
        for pair in report.pairs {
            body.append(
                "<tr class=\"\(pair.attention.rawValue)\"><td>\(pair.attention.rawValue)</td><td>\(e(pair.pair.displayName))</td>"
                    + "<td>\(e(pair.pair.cohort ?? ""))</td><td>\(lastSession(pair))</td><td>"
                    + reasons(pair).map(e).joined(separator: "<br>") + "</td></tr>")
        }
        body.append("</tbody></table>")
        let page = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <title>\(e(heading(report)))</title>
            <style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse}
            td,th{border-bottom:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}
            tr.at-risk td:first-child{color:#b00020;font-weight:bold}tr.watch td:first-child{color:#8a5a00}</style>
            </head><body>
            \(body.joined(separator: "\n"))
            </body></html>

            """
        return HTMLPolicy.enforce(page)
    }

    // MARK: - JSON

    public func json(_ report: ProgrammeReport) -> JSONValue {
        func totals(_ totals: ProgrammeReport.Totals) -> JSONValue {
            .object([
                ("cohort", .optional(totals.cohort)), ("pairs", .int(totals.pairs)),
                ("unreadable", .int(totals.unreadable)),
                (
                    "attention",
                    .object(
                        Attention.allCases.map { ($0.rawValue, JSONValue.int(totals.attention[$0] ?? 0)) })
                ),
                ("sessions_last_30_days", .int(totals.sessionsLast30)),
                ("sessions_last_90_days", .int(totals.sessionsLast90)),
                ("goals_achieved", .int(totals.goalsAchieved)), ("evaluations", .int(totals.evaluations)),
            ])
        }
        return .object([
            ("schema", .string("journal-programme/1")), ("today", .string(report.today.description)),
            ("as_of", .bool(report.asOf)),
            ("totals", .array(report.totals.map(totals))),
            (
                "pairs",
                .array(
                    report.pairs.map { pair in
                        .object([
                            ("name", .string(pair.pair.displayName)), ("url", .string(pair.pair.url)),
                            ("cohort", .optional(pair.pair.cohort)), ("commit", .optional(pair.commit)),
                            ("committed_on", .date(pair.committedOn)),
                            ("attention", .string(pair.attention.rawValue)),
                            ("problem", .optional(pair.problem)),
                            ("sessions_last_30_days", .int(pair.sessionsLast30)),
                            ("sessions_last_90_days", .int(pair.sessionsLast90)),
                            ("goals_achieved", .int(pair.goalsAchieved)),
                            ("evaluations", .int(pair.evaluations)),
                            ("mentorships", .array(pair.rows.map(JSONReportRenderer.overviewRow))),
                        ])
                    })
            ),
        ])
    }

    // MARK: - CSV

    func csv(_ report: ProgrammeReport) -> String {
        let overview = CSVOverviewRenderer()
        var lines = [
            (["name", "cohort", "url", "problem"] + CSVOverviewRenderer.columns).joined(separator: ",")
        ]
        for pair in report.pairs {
            let lead = [
                overview.text(pair.pair.displayName), overview.text(pair.pair.cohort ?? ""),
                overview.text(pair.pair.url),
            ]
            guard !pair.rows.isEmpty else {
                let blank = Array(repeating: "", count: CSVOverviewRenderer.columns.count)
                lines.append(
                    (lead + [overview.text(pair.problem ?? "")] + blank).map(CSVOverviewRenderer.field)
                        .joined(separator: ","))
                continue
            }
            for row in pair.rows {
                lines.append(
                    (lead + [""] + overview.values(row)).map(CSVOverviewRenderer.field).joined(separator: ",")
                )
            }
        }
        return CSVOverviewRenderer.byteOrderMark + lines.joined(separator: "\r\n") + "\r\n"
    }
}
