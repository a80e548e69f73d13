/// The mentorship agreement: who, how often, and how the pair works together.
public struct Agreement: Sendable, Equatable {
    /// The mentorship's id, when the agreement names one (a slug).
    public var id: String?
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
    /// When meetings usually start.
    public var time: MeetingTime?
    /// The IANA time zone of `time` (`Europe/Berlin`); without it, the reader's local time.
    public var timezone: String?
}

extension Agreement {
    /// The id of a mentorship whose folder is the journal root: `<mentee handle>-<mentor handle>`,
    /// so that it is the same in every clone, wherever it is checked out (format.md, "Mentorship ids").
    public var pairID: String? {
        guard let mentee = mentee?.handle, let mentor = mentor?.handle else { return nil }
        return Slug.make(mentee + "-" + mentor)
    }

    /// Which side of the mentorship `name` names (an author or an action item's owner as written:
    /// `mentor`, `Mentee`, either person's handle, or their first name written as a handle), if
    /// either: the person, however they are named (format.md, "One item, many entries").
    public func role(of name: String) -> Role? {
        let lowered = name.lowercased()
        func names(_ person: Person?) -> Bool {
            guard let person else { return false }
            if lowered == person.handle?.lowercased() { return true }
            let first = person.name?.split(whereSeparator: { $0.isWhitespace }).first.map { $0.lowercased() }
            return first.map { !$0.isEmpty && $0 == lowered } ?? false
        }
        if lowered == Role.mentor.rawValue { return .mentor }
        if lowered == Role.mentee.rawValue { return .mentee }
        // A handle of one of them goes first: a first name they share names the one it is the handle of.
        if lowered == mentor?.handle?.lowercased() { return .mentor }
        if lowered == mentee?.handle?.lowercased() { return .mentee }
        if names(mentor) { return .mentor }
        if names(mentee) { return .mentee }
        return nil
    }

    /// How a report names the person behind `name`: their role when it is one of the pair, else
    /// the name as written; nil for nothing.
    public func side(_ name: String?) -> String? {
        guard let name, !name.isEmpty else { return nil }
        return role(of: name)?.rawValue ?? name
    }
}
