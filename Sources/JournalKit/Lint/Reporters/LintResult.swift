import Foundation

/// The outcome of a lint run, ready for a reporter.
public struct LintResult: Sendable, Equatable {
    /// Diagnostics, sorted by path, line and column.
    public var diagnostics: [Diagnostic]
    /// How many files were checked.
    public var files: Int

    /// A result.
    public init(diagnostics: [Diagnostic], files: Int) {
        self.diagnostics = diagnostics
        self.files = files
    }

    /// How many diagnostics have a severity.
    public func count(_ severity: Severity) -> Int { diagnostics.filter { $0.severity == severity }.count }
}
