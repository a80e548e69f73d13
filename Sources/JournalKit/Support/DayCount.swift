/// A number of days in words: "1 day", "3 days".
enum DayCount {
    /// "1 day", "2 days".
    static func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }
    /// "1 day ago", "2 days ago".
    static func ago(_ count: Int) -> String { days(count) + " ago" }
}

extension DayCount {
    /// "tomorrow", "in 2 days".
    static func ahead(_ count: Int) -> String { count == 1 ? "tomorrow" : "in \(count) days" }
}
