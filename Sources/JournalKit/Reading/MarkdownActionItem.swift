import Foundation

/// An action item: a task item with its owner and due date read from its text.
struct ActionItemText: Sendable, Equatable {
    /// The text without due-date notations, spaces collapsed, trimmed, no dangling separator.
    public var text: String
    /// The first "@handle" mention without the "@" ("mentor", "mentee", "ada"); nil if none.
    public var owner: String?
    /// The raw date text of the first due notation, e.g. "2026-11-20" (the caller checks validity).
    public var due: String?
    /// The 0-based offset, in Unicode scalars, of the first due notation in the original text.
    public var dueColumnOffset: Int?
    /// A due phrase that names no calendar date ("due tomorrow", "📅 Friday"), as written, and
    /// its offset in scalars: `action/due-unreadable`.
    public var unreadableDue: (text: String, offset: Int)?

    static func == (lhs: ActionItemText, rhs: ActionItemText) -> Bool {
        lhs.text == rhs.text && lhs.owner == rhs.owner && lhs.due == rhs.due
            && lhs.dueColumnOffset == rhs.dueColumnOffset
            && lhs.unreadableDue?.text == rhs.unreadableDue?.text
            && lhs.unreadableDue?.offset == rhs.unreadableDue?.offset
    }

    /// Reads the owner and the due date ("(due D)", "due: D", "due D", "[due:: D]", "📅 D"),
    /// removing every due notation and every Obsidian Tasks field (priorities, 🛫 ⏳ ➕ ✅ ❌
    /// dates, 🔁 recurrences, 🆔 ⛔ ids).
    public static func parse(_ text: String) -> ActionItemText {
        // "due" in any case. The first due notation found wins; all of them are removed.
        if !mayHoldDueNotation(text) {
            // Most items carry no date: a byte scan spares the scalar array and the notation matcher.
            return ActionItemText(
                text: collapse(text), owner: owner(in: text), due: nil, dueColumnOffset: nil)
        }
        let scalars = Array(text.unicodeScalars)
        var removed: [Range<Int>] = []
        var due: String?
        var dueOffset: Int?
        var unreadable: (text: String, offset: Int)?
        var index = 0
        while index < scalars.count {
            guard let notation = DueNotation.match(scalars, at: index) else {
                if unreadable == nil, let phrase = DueNotation.unreadable(scalars, at: index) {
                    unreadable = (string(scalars[phrase]), index)
                }
                index += 1
                continue
            }
            if notation.isField {
                removed.append(index..<notation.end)
                index = notation.end
                continue
            }
            if due == nil {
                due = string(scalars[notation.date])
                dueOffset = index
            }
            removed.append(index..<notation.end)
            index = notation.end
        }
        let remaining = removed.isEmpty ? collapse(scalars) : remainder(scalars, removing: removed)
        return ActionItemText(
            text: remaining, owner: owner(in: text), due: due, dueColumnOffset: dueOffset,
            unreadableDue: due == nil ? unreadable : nil)
    }

    /// `owner(in:)` over the text's bytes when everything before each `@` is ASCII; the
    /// scalar version decides otherwise.
    static func owner(in text: String) -> String? {
        var text = text
        let fast = text.withUTF8 { bytes -> String?? in
            for index in bytes.indices where bytes[index] == UInt8(ascii: "@") {
                if index > 0 {
                    let previous = bytes[index - 1]
                    // A letter of another script before `@` needs Unicode's word rules.
                    guard previous < 0x80 else { return .none }
                    if previous == UInt8(ascii: "_") || (0x30...0x39).contains(previous)
                        || (0x41...0x5A).contains(previous) || (0x61...0x7A).contains(previous)
                    {
                        continue
                    }
                }
                var end = index + 1
                while end < bytes.count, isHandleCharacter(Unicode.Scalar(bytes[end])) { end += 1 }
                while end > index + 1, bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
                if end > index + 1 {
                    return .some(
                        String(
                            decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]), as: UTF8.self))
                }
            }
            return .some(nil)
        }
        if let fast { return fast }
        return owner(in: Array(text.unicodeScalars))
    }

    /// The first "@handle" that is at the start or after a non-word character, without the "@"
    /// and without trailing dots.
    static func owner(in scalars: [Unicode.Scalar]) -> String? {
        var index = 0
        while index < scalars.count {
            defer { index += 1 }
            guard scalars[index] == "@", index == 0 || !isWordCharacter(scalars[index - 1]) else { continue }
            var end = index + 1
            while end < scalars.count, isHandleCharacter(scalars[end]) {
                end += 1
            }
            var handle = scalars[(index + 1)..<end]
            while handle.last == "." {
                handle = handle.dropLast()
            }
            if !handle.isEmpty { return string(handle) }
        }
        return nil
    }

    /// Letters, digits and "_" (Unicode-aware): an "@" after one of these is part of an address.
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// `[A-Za-z0-9_.-]`.
    static func isHandleCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "_", ".", "-": true
        default: false
        }
    }

    /// Characters that separate a due notation from the rest of the text ("send it — due: ...").
    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ",", ";", ":", "-", "|", "\u{2013}", "\u{2014}", "\u{00B7}": true
        default: false
        }
    }

    /// Punctuation that attaches to the preceding word ("call ada (due 2026-01-02)." → "call ada.").
    static func isClosingPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", ",", ";", ":", "!", "?", ")": true
        default: false
        }
    }

    /// The text of `scalars`, encoded once: appending to a `String.UnicodeScalarView` one
    /// scalar at a time costs several times more.
    static func string<Scalars: Collection<Unicode.Scalar>>(_ scalars: Scalars) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars {
            UTF8.encode(scalar) { bytes.append($0) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `text` has "due" (any case) or an emoji or symbol in it (a Tasks field, or "📅"),
    /// the start of every notation.
    static func mayHoldDueNotation(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 3 else { return false }
            for index in 0..<(bytes.count - 2) {
                let byte = bytes[index]
                if byte == 0xF0 || byte == 0xE2 { return true }
                if byte | 0x20 == UInt8(ascii: "d"), bytes[index + 1] | 0x20 == UInt8(ascii: "u"),
                    bytes[index + 2] | 0x20 == UInt8(ascii: "e")
                {
                    return true
                }
            }
            return false
        }
    }

    /// `collapse` over a whole string, which is returned as it is when it has nothing to collapse.
    static func collapse(_ text: String) -> String {
        var text = text
        let clean = text.withUTF8 { bytes -> Bool in
            guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else {
                return bytes.isEmpty
            }
            var previous: UInt8 = 0
            for byte in bytes {
                if byte == 0x09 || byte == 0x0A || byte == 0x0D || (byte == 0x20 && previous == 0x20) {
                    return false
                }
                previous = byte
            }
            return true
        }
        return clean ? text : collapse(text.unicodeScalars)
    }

    /// Runs of spaces, tabs and line breaks become one space; the result is trimmed.
    static func collapse<Scalars: Collection<Unicode.Scalar>>(_ scalars: Scalars) -> String {
        string(collapsedScalars(scalars))
    }

    /// `collapse`, as scalars.
    static func collapsedScalars<Scalars: Collection<Unicode.Scalar>>(_ scalars: Scalars) -> [Unicode.Scalar]
    {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        var pendingSpace = false
        for scalar in scalars {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return result
    }

    /// The text with the `removed` ranges cut out, spaces collapsed, punctuation re-attached, and
    /// separators left dangling at either end (or doubled at a cut) dropped.
    static func remainder(_ scalars: [Unicode.Scalar], removing removed: [Range<Int>]) -> String {
        var pieces: [[Unicode.Scalar]] = []
        var start = 0
        for range in removed {
            pieces.append(collapsedScalars(scalars[start..<range.lowerBound]))
            start = range.upperBound
        }
        pieces.append(collapsedScalars(scalars[start..<scalars.count]))
        var result: [Unicode.Scalar] = []
        for var piece in pieces where !piece.isEmpty {
            if let first = piece.first, let last = result.last {
                if isSeparator(first), isSeparator(last) {
                    piece.removeFirst()
                    while piece.first == " " { piece.removeFirst() }
                    guard !piece.isEmpty else { continue }
                }
                if let next = piece.first, !isClosingPunctuation(next) {
                    result.append(" ")
                }
            }
            result.append(contentsOf: piece)
        }
        while let last = result.last, isSeparator(last) || last == " " {
            result.removeLast()
        }
        while let first = result.first, isSeparator(first) || first == " " {
            result.removeFirst()
        }
        return string(result)
    }
}

/// One due-date notation or Tasks field matched at a position.
private struct DueNotation {
    /// Where the date text is (empty for a field).
    var date: Range<Int>
    /// Just past the notation.
    var end: Int
    /// An Obsidian Tasks field other than the due date: removed from the text, nothing more.
    var isField = false

    /// The notation starting exactly at `index`: "(due DATE)", "due: DATE", "due DATE",
    /// "[due:: DATE]", "📅 DATE", or a Tasks field.
    static func match(_ scalars: [Unicode.Scalar], at index: Int) -> DueNotation? {
        switch scalars[index] {
        case "(": return parenthesised(scalars, at: index)
        case "[": return dataview(scalars, at: index)
        case "d", "D": return labelled(scalars, at: index)
        case "\u{1F4C5}": return calendar(scalars, at: index)
        case "\u{23EB}", "\u{1F53C}", "\u{1F53D}", "\u{23EC}", "\u{1F53A}":
            // Priorities: the emoji alone.
            return DueNotation(date: index..<index, end: variation(scalars, after: index), isField: true)
        case "\u{1F6EB}", "\u{23F3}", "\u{2795}", "\u{2705}", "\u{274C}":
            // Start, scheduled, created, done and cancelled dates.
            let cursor = skipSpaces(scalars, from: variation(scalars, after: index))
            guard let date = date(in: scalars, at: cursor) else { return nil }
            return DueNotation(date: index..<index, end: date.upperBound, isField: true)
        case "\u{1F501}", "\u{1F194}", "\u{26D4}":
            // A recurrence ("🔁 every week on Monday"), an id or what it depends on: the words up
            // to the next field, or the end.
            var cursor = variation(scalars, after: index)
            while cursor < scalars.count, !startsField(scalars[cursor]) { cursor += 1 }
            while cursor > index + 1, scalars[cursor - 1] == " " { cursor -= 1 }
            return DueNotation(date: index..<index, end: cursor, isField: true)
        default: return nil
        }
    }

    /// Past an emoji's variation selector (U+FE0F), when it has one.
    static func variation(_ scalars: [Unicode.Scalar], after index: Int) -> Int {
        index + 1 < scalars.count && scalars[index + 1] == "\u{FE0F}" ? index + 2 : index + 1
    }

    /// Whether a scalar opens a Tasks field or the due date.
    static func startsField(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\u{1F4C5}", "\u{23EB}", "\u{1F53C}", "\u{1F53D}", "\u{23EC}", "\u{1F53A}", "\u{1F6EB}",
            "\u{23F3}", "\u{2795}", "\u{2705}", "\u{274C}", "\u{1F501}", "\u{1F194}", "\u{26D4}":
            true
        default: false
        }
    }

    /// "(due DATE)", also "( due: DATE )".
    static func parenthesised(_ scalars: [Unicode.Scalar], at index: Int) -> DueNotation? {
        var cursor = skipSpaces(scalars, from: index + 1)
        guard let afterWord = word("due", in: scalars, at: cursor) else { return nil }
        cursor = afterWord
        var colon = false
        if cursor < scalars.count, scalars[cursor] == ":" {
            colon = true
            cursor += 1
        }
        let afterSpaces = skipSpaces(scalars, from: cursor)
        guard colon || afterSpaces > cursor, let date = date(in: scalars, at: afterSpaces) else { return nil }
        cursor = skipSpaces(scalars, from: date.upperBound)
        guard cursor < scalars.count, scalars[cursor] == ")" else { return nil }
        return DueNotation(date: date, end: cursor + 1)
    }

    /// "[due:: DATE]" (Dataview's inline field).
    static func dataview(_ scalars: [Unicode.Scalar], at index: Int) -> DueNotation? {
        guard let afterWord = word("due", in: scalars, at: skipSpaces(scalars, from: index + 1)),
            afterWord + 1 < scalars.count, scalars[afterWord] == ":", scalars[afterWord + 1] == ":",
            let date = date(in: scalars, at: skipSpaces(scalars, from: afterWord + 2))
        else { return nil }
        let cursor = skipSpaces(scalars, from: date.upperBound)
        guard cursor < scalars.count, scalars[cursor] == "]" else { return nil }
        return DueNotation(date: date, end: cursor + 1)
    }

    /// "due: DATE" or "due DATE", where "due" starts a word (so "overdue: ..." is not one).
    static func labelled(_ scalars: [Unicode.Scalar], at index: Int) -> DueNotation? {
        guard index == 0 || !ActionItemText.isWordCharacter(scalars[index - 1]),
            let afterWord = word("due", in: scalars, at: index), afterWord < scalars.count
        else { return nil }
        let afterColon = scalars[afterWord] == ":" ? afterWord + 1 : afterWord
        let start = skipSpaces(scalars, from: afterColon)
        guard afterColon > afterWord || start > afterWord, let date = date(in: scalars, at: start) else {
            return nil
        }
        return DueNotation(date: date, end: date.upperBound)
    }

    /// "📅 DATE" (the Obsidian Tasks convention), the emoji optionally followed by U+FE0F.
    static func calendar(_ scalars: [Unicode.Scalar], at index: Int) -> DueNotation? {
        guard let date = date(in: scalars, at: skipSpaces(scalars, from: variation(scalars, after: index)))
        else { return nil }
        return DueNotation(date: date, end: date.upperBound)
    }

    /// Words that, after "due", mean a day without naming it on the calendar.
    static let dayWords: Set<String> = [
        "today", "tonight", "tomorrow", "yesterday", "next", "this", "end", "eod", "eow", "eom", "asap",
        "soon", "by", "before", "on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "january",
        "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "week", "month", "later", "someday",
    ]

    /// A due phrase at `index` that is not a calendar date: "due tomorrow", "due: Friday",
    /// "(due next week)", "[due:: soon]", "📅 Friday", "due 12/05". Not "due to", "overdue".
    static func unreadable(_ scalars: [Unicode.Scalar], at index: Int) -> Range<Int>? {
        var cursor: Int
        var labelled = false
        switch scalars[index] {
        case "\u{1F4C5}":
            cursor = skipSpaces(scalars, from: variation(scalars, after: index))
            labelled = true
        case "d", "D", "(", "[":
            var start = index
            if scalars[index] == "(" || scalars[index] == "[" { start = skipSpaces(scalars, from: index + 1) }
            guard start == index ? index == 0 || !ActionItemText.isWordCharacter(scalars[index - 1]) : true,
                let afterWord = word("due", in: scalars, at: start)
            else { return nil }
            cursor = afterWord
            while cursor < scalars.count, scalars[cursor] == ":" {
                labelled = true
                cursor += 1
            }
            guard cursor < scalars.count, labelled || scalars[cursor] == " " || scalars[cursor] == "\t" else {
                return nil
            }
            cursor = skipSpaces(scalars, from: cursor)
            labelled = labelled || scalars[index] == "("
        default:
            return nil
        }
        var end = cursor
        while end < scalars.count, !" \t,;)]".unicodeScalars.contains(scalars[end]) { end += 1 }
        guard end > cursor else { return nil }
        let token = ActionItemText.string(scalars[cursor..<end]).lowercased()
        let dayWord = dayWords.contains(token.trimmingCharacters(in: .punctuationCharacters))
        let numeric = scalars[cursor].properties.numericType != nil
        guard labelled || dayWord || numeric else { return nil }
        // The phrase as a person wrote it: up to the end of the next word after a day word.
        if token == "next" || token == "this" || token == "end" || token == "by" || token == "on"
            || token == "before"
        {
            var more = skipSpaces(scalars, from: end)
            while more < scalars.count, !" \t,;)]".unicodeScalars.contains(scalars[more]) { more += 1 }
            end = more
        }
        return index..<end
    }

    /// Past any spaces and tabs from `index`.
    static func skipSpaces(_ scalars: [Unicode.Scalar], from index: Int) -> Int {
        var cursor = index
        while cursor < scalars.count, scalars[cursor] == " " || scalars[cursor] == "\t" {
            cursor += 1
        }
        return cursor
    }

    /// Past `word` (ASCII, case-insensitive) at `index`, when it is there.
    static func word(_ word: String, in scalars: [Unicode.Scalar], at index: Int) -> Int? {
        var cursor = index
        for expected in word.unicodeScalars {
            // `word` is ASCII letters, and no other scalar lower-cases to an ASCII letter but
            // its capital, so folding ASCII is exact (and spares a string per comparison).
            guard cursor < scalars.count else { return nil }
            let value = scalars[cursor].value
            let folded = (0x41...0x5A).contains(value) ? value | 0x20 : value
            guard folded == expected.value | 0x20 else { return nil }
            cursor += 1
        }
        return cursor
    }

    /// A date-shaped token at `index`: 4 digits, "-", 1 or 2 digits, "-", 1 or 2 digits, not
    /// followed by a letter or digit. Its validity is the caller's business.
    static func date(in scalars: [Unicode.Scalar], at index: Int) -> Range<Int>? {
        func digits(from start: Int, minimum: Int, maximum: Int) -> Int? {
            var cursor = start
            while cursor < scalars.count, cursor - start < maximum, ("0"..."9").contains(scalars[cursor]) {
                cursor += 1
            }
            return cursor - start >= minimum ? cursor : nil
        }
        guard let year = digits(from: index, minimum: 4, maximum: 4), year < scalars.count,
            scalars[year] == "-", let month = digits(from: year + 1, minimum: 1, maximum: 2),
            month < scalars.count, scalars[month] == "-",
            let day = digits(from: month + 1, minimum: 1, maximum: 2)
        else { return nil }
        if day < scalars.count, ActionItemText.isWordCharacter(scalars[day]) { return nil }
        return index..<day
    }
}
