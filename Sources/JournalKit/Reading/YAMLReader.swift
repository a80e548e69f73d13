import Foundation
import Yams

/// Turns front matter text into a `YAMLValue` with Yams, guarded against hostile input.
enum YAMLReader {
    /// Yams builds a fresh default `Constructor` (three dictionaries of closures) for every
    /// parser unless given one; journal reads nodes itself and never asks it for a value.
    /// Never mutated after creation, so sharing it across threads is safe.
    nonisolated(unsafe) private static let unusedConstructor = Constructor([:], [:], [:])

    /// Deepest nesting accepted; real front matter nests two or three levels.
    public static let maxDepth = 100
    /// Most values an alias-expanded document may hold.
    public static let maxValues = 100_000
    /// Widest indentation accepted; deeper block nesting needs ever wider indentation.
    public static let maxIndent = 200

    /// Parses `yaml`, whose first line is line `firstLine` of the file.
    public static func read(_ yaml: String, firstLine: Int) -> Result<YAMLValue?, YAMLProblem> {
        if let problem = Guard.check(yaml) {
            return .failure(
                YAMLProblem(
                    message: problem.message,
                    position: SourcePosition(
                        line: problem.line + firstLine - 1, column: problem.column)))
        }
        let root: Node?
        do {
            // The basic resolver skips Yams' regular-expression tag resolution (values are read
            // as text here and typed by the field readers), and an explicit encoding spares a
            // look at the process environment on every file.
            let parser = try Parser(
                yaml: yaml, resolver: .basic, constructor: unusedConstructor, encoding: .utf8)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            return .failure(describe(error, firstLine: firstLine))
        } catch {
            return .failure(
                YAMLProblem(
                    message: "cannot read YAML: \(error)",
                    position: SourcePosition(line: firstLine, column: 1)))
        }
        guard let root else { return .success(nil) }
        var budget = maxValues
        guard let value = convert(root, firstLine: firstLine, depth: 0, budget: &budget) else {
            return .failure(
                YAMLProblem(
                    message: "front matter expands to more than \(maxValues) values (an alias bomb?)",
                    position: SourcePosition(line: firstLine, column: 1)))
        }
        return .success(value)
    }

    private static func convert(_ node: Node, firstLine: Int, depth: Int, budget: inout Int)
        -> YAMLValue?
    {
        budget -= 1
        guard budget >= 0, depth <= maxDepth else { return nil }
        let mark = node.mark
        let position = SourcePosition(
            line: (mark?.line ?? 1) + firstLine - 1, column: mark?.column ?? 1)
        switch node {
        case .scalar(let scalar):
            return .scalar(scalar.string, plain: scalar.style == .plain, position)
        case .sequence(let sequence):
            var items: [YAMLValue] = []
            items.reserveCapacity(sequence.count)
            for item in sequence {
                guard let value = convert(item, firstLine: firstLine, depth: depth + 1, budget: &budget)
                else { return nil }
                items.append(value)
            }
            return .sequence(items, position)
        case .mapping(let mapping):
            var pairs: [YAMLPair] = []
            for (key, value) in mapping {
                guard
                    let keyValue = convert(key, firstLine: firstLine, depth: depth + 1, budget: &budget),
                    let valueValue = convert(
                        value, firstLine: firstLine, depth: depth + 1, budget: &budget)
                else { return nil }
                pairs.append(YAMLPair(key: keyValue, value: valueValue))
            }
            return .mapping(pairs, position)
        case .alias(let alias):
            return .scalar("*\(alias.anchor.rawValue)", plain: false, position)
        }
    }

    private static func describe(_ error: YamlError, firstLine: Int) -> YAMLProblem {
        func at(_ mark: Mark) -> SourcePosition {
            SourcePosition(line: mark.line + firstLine - 1, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text), \(problem)" } ?? problem
            return YAMLProblem(message: "YAML syntax: \(detail)", position: at(mark))
        case .reader(let problem, _, _, _):
            return YAMLProblem(
                message: "YAML cannot be read: \(problem)",
                position: SourcePosition(line: firstLine, column: 1))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            return YAMLProblem(message: "duplicate key \(names)", position: at(context.mark))
        default:
            return YAMLProblem(
                message: "YAML syntax: \(error)", position: SourcePosition(line: firstLine, column: 1))
        }
    }
}
