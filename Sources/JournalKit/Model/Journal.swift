import Foundation

/// A journal root and every mentorship found under it.
public struct Journal: Sendable, Equatable {
    /// The root folder on disk.
    public var root: URL
    /// The mentorships, by path.
    public var mentorships: [Mentorship]
    /// Problems that belong to no single entry (nested mentorships, links out of the root).
    public var diagnostics: [Diagnostic]
    /// How many files were read.
    public var fileCount: Int

    /// Every diagnostic of reading, file-level and journal-level, sorted.
    public var allDiagnostics: [Diagnostic] {
        Diagnostic.sorted(diagnostics + mentorships.flatMap { $0.entries.flatMap(\.diagnostics) })
    }
}
