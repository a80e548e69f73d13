/// `journal report --format csv`: the overview alone, one row per mentorship, as RFC 4180 CSV
/// (a header row, CRLF line ends, fields quoted when they hold a comma, a quote or a line break),
/// in UTF-8 starting with a byte-order mark: LibreOffice's and Excel's default import then read
/// names such as Zoë or Ørsted as written, and readers of UTF-8 that know the mark (pandas,
/// Python's `utf-8-sig`) get clean column names.
public struct CSVOverviewRenderer: ReportRenderer {
    /// Creates the renderer.
    public init() {}

    /// The columns, in order: the overview's JSON keys.
    public static let columns = [
        "id", "path", "pair", "status", "attention", "reasons", "last_session", "days_since_last_session",
        "next_session_due", "cadence", "days_overdue", "goals_on_track", "goals_active", "open_action_items",
        "overdue_action_items", "latest_confidence", "last_reflection", "evaluations", "lint_errors",
    ]

    /// U+FEFF, the mark that tells a spreadsheet the file is UTF-8.
    public static let byteOrderMark = "\u{FEFF}"

    /// The overview as CSV.
    public func render(_ report: Report) -> String {
        var lines = [Self.columns.joined(separator: ",")]
        for row in report.overview {
            lines.append(values(row).map(Self.field).joined(separator: ","))
        }
        return Self.byteOrderMark + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// One row's cells, in the order of `columns`.
    func values(_ row: OverviewRow) -> [String] {
        [
            text(row.id), text(row.path), text(row.pair), row.status.rawValue, row.attention.rawValue,
            text(row.reasons.joined(separator: "; ")), row.lastSession?.description ?? "",
            row.daysSinceLastSession.map(String.init) ?? "", row.nextSessionDue?.description ?? "",
            row.cadence.rawValue, String(row.daysOverdue), String(row.goalsOnTrack), String(row.goalsActive),
            String(row.openActionItems), String(row.overdueActionItems),
            row.latestConfidence.map(String.init) ?? "", row.lastReflection?.description ?? "",
            row.evaluations.map(\.rawValue).joined(separator: " "), String(row.lintErrors),
        ]
    }

    /// Text from a journal, made inert for a spreadsheet: a cell starting with `=`, `+`, `-`, `@`,
    /// a tab or a carriage return would be read as a formula, so it starts with `'` instead.
    func text(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else {
            return value
        }
        return "'" + value
    }

    /// One field, quoted when RFC 4180 asks for it.
    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
