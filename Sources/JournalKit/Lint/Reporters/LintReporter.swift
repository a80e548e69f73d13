import Foundation

/// Turns a lint result into output for one audience; chosen by `--format`.
public protocol LintReporter: Sendable {
    /// The whole output, ending in a newline.
    func report(_ result: LintResult) -> String
}
