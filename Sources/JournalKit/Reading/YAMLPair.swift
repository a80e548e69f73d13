import Foundation

/// A key and its value in a YAML mapping.
struct YAMLPair: Sendable, Hashable {
    /// The key (usually a scalar).
    public var key: YAMLValue
    /// The value.
    public var value: YAMLValue
}
