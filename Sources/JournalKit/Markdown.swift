// Placeholder until the cmark-gfm reader lands; replaced by the real implementation.
public struct TaskItem: Sendable, Equatable {
    public var text: String
    public var checked: Bool
    public var line: Int
    public var column: Int
}
public struct MarkdownSection: Sendable, Equatable {
    public var heading: String
    public var level: Int
    public var line: Int
    public var items: [String]
}
public struct MarkdownSummary: Sendable, Equatable {
    public var title: String?
    public var tasks: [TaskItem]
    public var sections: [MarkdownSection]
}
public enum MarkdownParser {
    public static func summarize(_ body: String, firstLine: Int) -> MarkdownSummary {
        MarkdownSummary(title: nil, tasks: [], sections: [])
    }
    public static func html(_ markdown: String) -> String { "" }
}
public struct ActionItemText: Sendable, Equatable {
    public var text: String
    public var owner: String?
    public var due: String?
    public var dueColumnOffset: Int?
    public static func parse(_ text: String) -> ActionItemText {
        ActionItemText(text: text, owner: nil, due: nil, dueColumnOffset: nil)
    }
}
