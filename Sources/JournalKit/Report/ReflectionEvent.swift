/// A reflection on the timeline.
public struct ReflectionEvent: Sendable, Equatable {
    /// Its date.
    public var date: CalendarDate
    /// `mentor`, `mentee` or the handle as written.
    public var author: String?
    /// Its title.
    public var title: String
    /// Self-rated confidence, 1 to 5.
    public var confidence: Int?
    /// Whether it is private.
    public var isPrivate: Bool
    /// The file, relative to the journal root.
    public var path: String
}
