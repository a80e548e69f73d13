/// What one person committed to the mentorship in the report's window.
public struct ActivityReport: Sendable, Equatable {
    /// The commit author's name.
    public var author: String
    /// The commit author's email.
    public var email: String?
    /// How many commits.
    public var commits: Int
    /// The date of the latest of them.
    public var last: CalendarDate
    /// The entries they added, changed or deleted, relative to the journal root, sorted.
    public var entries: [String]

    /// Creates an activity line.
    public init(author: String, email: String?, commits: Int, last: CalendarDate, entries: [String]) {
        self.author = author
        self.email = email
        self.commits = commits
        self.last = last
        self.entries = entries
    }
}

extension ActivityReport {
    /// The entries in a few words, by kind: "2 sessions, 1 reflection and 3 other files".
    public var summary: String {
        var counts: [(String, Int)] = []
        func add(_ name: String) {
            if let index = counts.firstIndex(where: { $0.0 == name }) {
                counts[index].1 += 1
            } else {
                counts.append((name, 1))
            }
        }
        for path in entries {
            let parts = path.split(separator: "/").map(String.init)
            if parts.last == "agreement.md" {
                add("agreement")
            } else if parts.count >= 2, let kind = EntryKind(folder: parts[parts.count - 2]),
                parts[parts.count - 1].hasSuffix(".md")
            {
                add(kind.rawValue)
            } else {
                add("other file")
            }
        }
        let order = ["agreement", "goal", "session", "reflection", "evaluation", "other file"]
        let words = counts.sorted { order.firstIndex(of: $0.0) ?? 9 < order.firstIndex(of: $1.0) ?? 9 }.map {
            "\($0.1) \($0.0)\($0.1 == 1 ? "" : "s")"
        }
        guard let last = words.last else { return "no entry" }
        return words.count == 1 ? last : words.dropLast().joined(separator: ", ") + " and " + last
    }
}
