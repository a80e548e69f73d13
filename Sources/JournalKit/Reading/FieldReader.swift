/// Reads typed values out of a front-matter mapping, collecting a diagnostic for each bad one.
struct FieldReader {
    let path: String
    let fields: [String: YAMLPair]
    let mapping: [YAMLPair]
    var diagnostics: [Diagnostic] = []

    init(path: String, mapping: [YAMLPair]) {
        self.path = path
        self.mapping = mapping
        var fields: [String: YAMLPair] = [:]
        fields.reserveCapacity(mapping.count)
        for pair in mapping {
            if let key = pair.key.text { fields[key] = pair }
        }
        self.fields = fields
    }

    /// A problem of `rule` at `position`; its severity is the rule's.
    mutating func report(_ rule: any ReadingRule.Type, at position: SourcePosition, _ message: String) {
        diagnostics.append(rule.problem(path, at: position, message))
    }

    /// A problem of `rule` with a value (or key) as written, from its first character to its last.
    mutating func report(_ rule: any ReadingRule.Type, over value: YAMLValue, _ message: String) {
        diagnostics.append(rule.problem(path, over: value.span, message))
    }

    /// The value of `key` when present and not null.
    func value(_ key: String) -> YAMLValue? {
        guard let value = fields[key]?.value, !value.isNull else { return nil }
        return value
    }

    mutating func missing(_ key: String, why: String = "") {
        report(FieldMissingRule.self, at: .fileStart, "missing required key `\(key)`\(why)")
    }

    mutating func text(_ key: String, required: Bool = false) -> String? {
        guard let value = value(key) else {
            if required { missing(key) }
            return nil
        }
        guard let text = value.text else {
            report(
                FieldInvalidRule.self, over: value, "`\(key)` should be text, not \(value.kindName)")
            return nil
        }
        return text
    }

    mutating func date(_ key: String, required: Bool = false) -> CalendarDate? {
        guard let value = value(key) else {
            if required { missing(key) }
            return nil
        }
        return parseDate(value, name: "`\(key)`")
    }

    /// `name` is only built when there is something to report.
    mutating func parseDate(_ value: YAMLValue, name: @autoclosure () -> String) -> CalendarDate? {
        guard let text = value.text else {
            report(
                FieldInvalidRule.self, over: value,
                "\(name()) should be a date YYYY-MM-DD, not \(value.kindName)")
            return nil
        }
        guard let date = CalendarDate(text) else {
            let looksLikeDate = text.count == 10 && text.filter({ $0 == "-" }).count == 2
            report(
                FieldInvalidRule.self, over: value,
                looksLikeDate
                    ? "\(name()) is not a day on the calendar: \(text)"
                    : "\(name()) should be a date YYYY-MM-DD, not `\(text)`")
            return nil
        }
        return date
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let value = value(key) else { return nil }
        guard let bool = value.bool else {
            report(FieldInvalidRule.self, over: value, "`\(key)` should be true or false")
            return nil
        }
        return bool
    }

    /// A status value, one of the enum's cases; the default when absent or not one of them.
    mutating func status<Status: RawRepresentable & CaseIterable>(_ key: String, default fallback: Status)
        -> Status where Status.RawValue == String
    {
        let text = choice(key, among: Status.allCases.map(\.rawValue), default: fallback.rawValue)
        return Status(rawValue: text) ?? fallback
    }

    mutating func choice(_ key: String, among allowed: [String], default fallback: String) -> String {
        guard let text = text(key) else { return fallback }
        guard allowed.contains(text) else {
            let position = value(key)?.position ?? .fileStart
            let hint = allowed.contains(text.lowercased()) ? " (status values are lower case)" : ""
            report(
                FieldInvalidRule.self, at: position,
                "`\(key)` is `\(text)`; expected one of \(allowed.joined(separator: ", "))\(hint)")
            return allowed.contains(text.lowercased()) ? text.lowercased() : fallback
        }
        return text
    }

    /// An optional key's text read by `parse`; `field/invalid` saying `expected` when it does not read.
    private mutating func parsed<T>(_ key: String, expected: String, _ parse: (String) -> T?) -> T? {
        guard let value = value(key) else { return nil }
        guard let text = value.text, let parsed = parse(text) else {
            report(FieldInvalidRule.self, over: value, "`\(key)` should be \(expected)")
            return nil
        }
        return parsed
    }

    mutating func duration(_ key: String) -> Int? {
        parsed(key, expected: "a duration such as 45m, 1h or 1h30m", MeetingDuration.minutes)
    }

    mutating func time(_ key: String) -> MeetingTime? {
        parsed(key, expected: "a time on a 24-hour clock, such as 17:00 or 09:30", MeetingTime.init)
    }

    mutating func timezone(_ key: String) -> String? {
        parsed(key, expected: "a time zone by its IANA name, such as Europe/Berlin or America/New_York") {
            text in
            let name = text.trimmingCharacters(in: .whitespaces)
            return MeetingTime.isKnownZone(name) ? name : nil
        }
    }

    mutating func cadence(_ key: String, required: Bool) -> Cadence? {
        guard let value = value(key) else {
            if required { missing(key, why: " (how often the pair meets, such as biweekly)") }
            return nil
        }
        guard let text = value.text, let cadence = Cadence(text) else {
            report(
                FieldInvalidRule.self, over: value,
                "`\(key)` should be weekly, biweekly, monthly or every N days|weeks|months")
            return nil
        }
        return cadence
    }

    mutating func person(_ key: String, required: Bool) -> Person? {
        guard let value = value(key) else {
            if required { missing(key) }
            return nil
        }
        if let text = value.text {
            guard let person = Person(parsing: text) else {
                report(
                    FieldInvalidRule.self, over: value,
                    "`\(key)` should be \"Name <email>\" or a mapping")
                return nil
            }
            return person
        }
        if value.pairs != nil {
            let name = value["name"]?.text
            let email = value["email"]?.text
            let handle = value["handle"]?.text
            guard name != nil || handle != nil else {
                report(FieldInvalidRule.self, over: value, "`\(key)` needs at least a `name`")
                return nil
            }
            return Person(name: name, email: email, handle: handle)
        }
        report(FieldInvalidRule.self, over: value, "`\(key)` should be \"Name <email>\" or a mapping")
        return nil
    }

    mutating func textList(_ key: String) -> [String] {
        guard let value = value(key) else { return [] }
        if let text = value.text { return [text] }
        guard let items = value.items else {
            report(FieldInvalidRule.self, over: value, "`\(key)` should be a list")
            return []
        }
        var result: [String] = []
        for item in items {
            if let text = item.text, !item.isNull {
                result.append(text)
            } else if !item.isNull {
                report(FieldInvalidRule.self, over: item, "each item of `\(key)` should be text")
            }
        }
        return result
    }

    mutating func goalList(_ key: String) -> [GoalReference] {
        guard let value = value(key) else { return [] }
        if let text = value.text { return [GoalReference(id: text, position: value.position)] }
        guard let items = value.items else {
            report(FieldInvalidRule.self, over: value, "`\(key)` should be a list of goal ids")
            return []
        }
        var result: [GoalReference] = []
        for item in items {
            if let text = item.text, !item.isNull {
                result.append(GoalReference(id: text, position: item.position))
            } else {
                report(FieldInvalidRule.self, over: item, "each item of `\(key)` should be a goal id")
            }
        }
        return result
    }

    /// Warns about keys that are near-misses of known ones (likely typos).
    mutating func checkUnknownKeys(known: [String]) {
        for pair in mapping {
            guard let key = pair.key.text else {
                report(FieldInvalidRule.self, over: pair.key, "a front-matter key should be text")
                continue
            }
            guard !known.contains(key) else { continue }
            if let suggestion = EditDistance.closest(to: key, among: known, within: 2) {
                report(
                    FieldUnknownRule.self, over: pair.key,
                    "unknown key `\(key)`; did you mean `\(suggestion)`?")
            }
        }
    }
}
