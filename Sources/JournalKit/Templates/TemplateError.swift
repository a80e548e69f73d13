import Foundation
import Mustache

/// A report template that could not be read, with the place of the problem.
public struct TemplateError: Error, Equatable, CustomStringConvertible {
    /// The template file as the user should look for it.
    public var file: String
    /// The 1-based line of the problem.
    public var line: Int
    /// The 1-based column of the problem.
    public var column: Int
    /// What is wrong, in words.
    public var message: String

    /// `file:line:column: message`, as compilers print it.
    public var description: String { "\(file):\(line):\(column): \(message)" }
}
