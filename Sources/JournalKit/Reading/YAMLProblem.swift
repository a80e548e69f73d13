import Foundation

/// Why front matter could not be read as YAML, with the place in the file.
struct YAMLProblem: Error, Sendable, Equatable {
    /// Plain-language description.
    public var message: String
    /// Where in the file (already shifted by the front matter's first line).
    public var position: SourcePosition
}
