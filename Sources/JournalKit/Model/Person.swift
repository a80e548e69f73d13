import Foundation

/// One party of a mentorship.
public struct Person: Sendable, Hashable, Codable {
    /// The display name.
    public var name: String?
    /// The email address, when given.
    public var email: String?
    /// The short name used in `@handle` mentions.
    public var handle: String?

    /// Creates a person; a missing handle defaults to the first word of the name, lower-cased.
    public init(name: String?, email: String?, handle: String? = nil) {
        self.name = name
        self.email = email
        let given = handle?.trimmingCharacters(in: .whitespaces)
        if let given, !given.isEmpty {
            self.handle = given.hasPrefix("@") ? String(given.dropFirst()) : given
        } else {
            self.handle = name?.split(whereSeparator: { $0.isWhitespace }).first.map {
                $0.lowercased()
            }
        }
    }

    /// Parses `"Name <email>"` (or a bare name); nil when the text is empty or malformed.
    public init?(parsing text: String) {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        if let open = text.firstIndex(of: "<") {
            guard text.hasSuffix(">"), text.filter({ $0 == "<" }).count == 1 else { return nil }
            let name = text[..<open].trimmingCharacters(in: .whitespaces)
            let email = text[text.index(after: open)..<text.index(before: text.endIndex)]
                .trimmingCharacters(in: .whitespaces)
            guard !email.isEmpty, email.contains("@"), !email.contains(" ") else { return nil }
            self.init(name: name.isEmpty ? nil : name, email: email)
        } else {
            guard !text.contains(">") else { return nil }
            self.init(name: text, email: nil)
        }
    }
}
