import Foundation

/// The two sides of a mentorship, as entries name them.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    case mentor, mentee
}
