/// Where a front-matter key and its value are written.
public struct FieldPlace: Sendable, Equatable {
    /// The key's first character.
    public var key: SourcePosition
    /// The value's first character.
    public var value: SourcePosition
}
