import Foundation

/// A YAML value from front matter, with where it lies in the file.
///
/// Own value type rather than Yams' `Node`: it is `Sendable`, and building it with a budget
/// keeps an alias bomb from expanding into memory.
enum YAMLValue: Sendable, Hashable {
    /// A scalar: its text, whether it was written plain (unquoted), and where.
    case scalar(String, plain: Bool, SourceSpan)
    /// A sequence of values.
    case sequence([YAMLValue], SourceSpan)
    /// A mapping, in the order written.
    case mapping([YAMLPair], SourceSpan)

    /// Where the value lies in the file.
    public var span: SourceSpan {
        switch self {
        case .scalar(_, _, let span), .sequence(_, let span), .mapping(_, let span):
            return span
        }
    }

    /// Where the value starts in the file.
    public var position: SourcePosition { span.start }

    /// The text of a scalar, nil for collections.
    public var text: String? {
        if case .scalar(let text, _, _) = self { return text }
        return nil
    }

    /// True for `null`, `~` or an empty plain scalar.
    public var isNull: Bool {
        if case .scalar(let text, let plain, _) = self {
            guard plain else { return false }
            switch text {
            case "", "~", "null", "Null", "NULL": return true
            default: return false
            }
        }
        return false
    }

    /// The boolean of a plain `true`/`false` scalar (YAML 1.2 core schema), else nil.
    public var bool: Bool? {
        guard case .scalar(let text, true, _) = self else { return nil }
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// The integer of a plain decimal scalar, else nil.
    public var int: Int? {
        guard case .scalar(let text, true, _) = self else { return nil }
        return Int(text)
    }

    /// The items of a sequence, nil for anything else.
    public var items: [YAMLValue]? {
        if case .sequence(let items, _) = self { return items }
        return nil
    }

    /// The pairs of a mapping, nil for anything else.
    public var pairs: [YAMLPair]? {
        if case .mapping(let pairs, _) = self { return pairs }
        return nil
    }

    /// The value of the last pair whose key is the scalar `key` in a mapping.
    public subscript(key: String) -> YAMLValue? {
        pairs?.last(where: { $0.key.text == key })?.value
    }

    /// A short human name of the kind of value, for messages.
    public var kindName: String {
        switch self {
        case .scalar: return isNull ? "nothing" : "text"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}
