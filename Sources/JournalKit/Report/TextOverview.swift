extension TextReportRenderer {
    /// The program overview: one aligned row per mentorship, then a blank line.
    func overview(_ report: Report) -> String {
        let header = [
            "Attention", "Pair", "Status", "Last session", "Cadence", "On track", "Open", "Overdue", "Lint",
        ]
        let rows = report.overview.map { row -> [String] in
            let last =
                row.lastSession.map { date in
                    "\(date) (\(row.daysSinceLastSession.map { $0 == 1 ? "1 day" : "\($0) days" } ?? "?"))"
                } ?? "none yet"
            let cadence = row.cadence.words(daysOverdue: row.daysOverdue, short: true)
            return [
                row.attention.rawValue, t(row.pair), row.status.rawValue, last, cadence,
                "\(row.goalsOnTrack)/\(row.goalsActive)",
                "\(row.openActionItems)", "\(row.overdueActionItems)", "\(row.lintErrors)",
            ]
        }
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        // Counts align right, words left, so the columns read like a spreadsheet.
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return index >= 5 ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        var lines = [style.bold("Overview") + " (\(rows.count) mentorships)", "  " + style.dim(line(header))]
        for (row, cells) in zip(report.overview, rows) {
            let text = "  " + line(cells)
            switch row.attention {
            case .atRisk: lines.append(style.red(text))
            case .watch: lines.append(style.yellow(text))
            case .ok: lines.append(text)
            }
            // Why, under the row, so that a coordinator knows what to ask about.
            for reason in row.reasons { lines.append("      " + style.dim("- " + t(reason))) }
        }
        return lines.joined(separator: "\n") + "\n\n"
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
