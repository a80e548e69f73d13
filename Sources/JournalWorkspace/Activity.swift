import Foundation
import JournalGit
import JournalKit

/// The `activity` of each mentorship in a report, from git history: who committed what in
/// the report's window. Computed here because JournalKit does not read git.
public enum ActivityBuilder {
    /// `upTo`: the commit the journal was read at (history from there, not from HEAD).
    public static func attach(
        to report: inout Report, journal: Journal, includePrivate: Bool, upTo commit: String? = nil,
        repository found: GitRepository?
    ) {
        guard let repository = found,
            let root = repository.relativePath(of: journal.root)
        else { return }
        let privatePaths = Set(JournalLayout(journal: journal).privatePaths)
        for index in report.mentorships.indices {
            let m = report.mentorships[index]
            let folder = RelativePath.join(root, m.path)
            guard let records = try? repository.history(scope: folder, upTo: commit) else { continue }
            var byAuthor: [String: ActivityReport] = [:]
            var order: [String] = []
            for record in records {
                let date = record.calendarDate
                guard date <= report.today, m.since.map({ date >= $0 }) ?? true else { continue }
                let entries = record.changes.compactMap { change -> String? in
                    let path = RelativePath.inside(root, change.path) ?? change.path
                    return includePrivate || !privatePaths.contains(path) ? path : nil
                }
                let key = record.authorEmail.isEmpty ? record.authorName : record.authorEmail.lowercased()
                if var existing = byAuthor[key] {
                    existing.commits += 1
                    existing.last = max(existing.last, date)
                    existing.entries = Array(Set(existing.entries + entries)).sorted()
                    byAuthor[key] = existing
                } else {
                    order.append(key)
                    byAuthor[key] = ActivityReport(
                        author: record.authorName,
                        email: record.authorEmail.isEmpty ? nil : record.authorEmail,
                        commits: 1, last: date, entries: Array(Set(entries)).sorted())
                }
            }
            report.mentorships[index].activity = order.compactMap { byAuthor[$0] }.sorted {
                ($0.last, $0.author) > ($1.last, $1.author)
            }
        }
    }
}
