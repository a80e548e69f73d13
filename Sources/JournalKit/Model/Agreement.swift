/// The mentorship agreement: who, how often, and how the pair works together.
public struct Agreement: Sendable, Equatable {
    /// The mentor.
    public var mentor: Person?
    /// The mentee.
    public var mentee: Person?
    /// When the mentorship started.
    public var started: CalendarDate?
    /// Where the mentorship stands.
    public var status: AgreementStatus = .active
    /// How often the pair meets.
    public var cadence: Cadence?
    /// Length of a meeting in minutes.
    public var durationMinutes: Int?
    /// How the pair communicates.
    public var channel: String?
    /// When the agreement is to be revisited.
    public var review: CalendarDate?
    /// When the mentorship ends.
    public var ends: CalendarDate?
    /// The mentee's preferred way to learn.
    public var learningStyle: String?
    /// Whether what is shared stays between the pair.
    public var confidential: Bool = true
}
