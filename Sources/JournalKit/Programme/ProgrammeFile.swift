import Foundation

/// One pair of a programme: where its repository is, and how the coordinator names it.
public struct ProgrammePair: Sendable, Equatable, Codable {
    /// The repository's URL (any URL `journal sync` reaches), or a path.
    public var url: String
    /// The name shown in the report; the repository's name when absent.
    public var name: String?
    /// The cohort it belongs to, for totals by cohort.
    public var cohort: String?
    /// The branch to read; the repository's default branch when absent.
    public var branch: String?
    /// The folder of the journal inside the repository; the top when absent.
    public var folder: String?

    public init(
        url: String, name: String? = nil, cohort: String? = nil, branch: String? = nil, folder: String? = nil
    ) {
        self.url = url
        self.name = name
        self.cohort = cohort
        self.branch = branch
        self.folder = folder
    }

    /// The name to show: the one given, else the last part of the URL without `.git`.
    public var displayName: String {
        if let name, !name.isEmpty { return name }
        var last = url.split(whereSeparator: { $0 == "/" || $0 == ":" }).last.map(String.init) ?? url
        if last.hasSuffix(".git") { last.removeLast(4) }
        return last.isEmpty ? url : last
    }
}

/// `programme.yml`: the pairs a coordinator follows, one repository each (docs/programme.md).
///
/// ```yaml
/// pairs:
///   - url: https://git.example.org/pairs/ada-grace.git
///     name: Ada and Grace
///     cohort: 2026 spring
/// ```
///
/// Read with the entries' YAML reader; written by adding or removing an item's own lines, so
/// comments and the order stay as the coordinator wrote them.
public struct ProgrammeFile: Sendable {
    public static let defaultName = "programme.yml"

    /// The pairs, in the file's order.
    public var pairs: [ProgrammePair]
    /// What is wrong with the file, each at its line and column.
    public var problems: [(line: Int, column: Int, message: String)]
    /// The text as read.
    public var text: String

    /// Reads a programme file's text.
    public init(text: String) {
        self.text = text
        pairs = []
        problems = []
        let value: YAMLValue?
        switch YAMLReader.read(text, firstLine: 1) {
        case .success(let read): value = read
        case .failure(let problem):
            problems.append((problem.position.line, problem.position.column, problem.message))
            return
        }
        guard let value else { return }
        guard let list = value["pairs"] else {
            problems.append(
                (
                    value.position.line, value.position.column,
                    "the file should hold `pairs:`, a list of repositories"
                ))
            return
        }
        guard let items = list.items else {
            if !list.isNull {
                problems.append(
                    (list.position.line, list.position.column, "`pairs` should be a list of repositories"))
            }
            return
        }
        for item in items {
            func text(_ key: String) -> String? {
                guard let value = item[key], !value.isNull else { return nil }
                guard let text = value.text else {
                    problems.append((value.position.line, value.position.column, "`\(key)` should be text"))
                    return nil
                }
                return text
            }
            if let url = item.text {
                pairs.append(ProgrammePair(url: url))
                continue
            }
            guard item.pairs != nil, let url = text("url"), !url.trimmingCharacters(in: .whitespaces).isEmpty
            else {
                problems.append(
                    (
                        item.position.line, item.position.column,
                        "each pair needs `url:`, the address of its repository"
                    ))
                continue
            }
            pairs.append(
                ProgrammePair(
                    url: url, name: text("name"), cohort: text("cohort"), branch: text("branch"),
                    folder: text("folder")))
        }
        var seen: Set<String> = []
        for pair in pairs where !seen.insert(pair.url).inserted {
            problems.append((1, 1, "\(pair.url) is listed twice"))
        }
    }

    /// The text with `pair` added at the end of `pairs:` (the file is started when empty).
    public func adding(_ pair: ProgrammePair) -> String {
        var item = "  - url: \(Self.quoted(pair.url))\n"
        for (key, value) in [
            ("name", pair.name), ("cohort", pair.cohort), ("branch", pair.branch), ("folder", pair.folder),
        ] {
            if let value { item += "    \(key): \(Self.quoted(value))\n" }
        }
        var text = self.text
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return
                "# The pairs of the programme, one repository each (`journal programme add URL`).\npairs:\n"
                + item
        }
        if !text.hasSuffix("\n") { text += "\n" }
        if pairs.isEmpty, !text.split(separator: "\n").contains(where: { $0.hasPrefix("pairs:") }) {
            text += "pairs:\n"
        }
        if let empty = text.range(of: "pairs: []\n") { text.replaceSubrange(empty, with: "pairs:\n") }
        return text + item
    }

    /// The text without the pair whose URL or name is `which`; nil when there is none.
    public func removing(_ which: String) -> String? {
        guard
            let index = pairs.firstIndex(where: {
                $0.url == which || $0.name == which || $0.displayName == which
            })
        else { return nil }
        guard case .success(let value?) = YAMLReader.read(text, firstLine: 1),
            let items = value["pairs"]?.items,
            items.indices.contains(index)
        else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = items[index].position.line - 1
        // The item runs from its `-` to the next item, or to the next line as little indented as
        // the dash (or the end).
        guard
            let dash = (0...start).reversed().first(where: {
                lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix("-")
            })
        else { return nil }
        let indent = lines[dash].prefix { $0 == " " }.count
        var end = dash + 1
        while end < lines.count {
            let line = lines[end]
            let spaces = line.prefix { $0 == " " }.count
            if !line.trimmingCharacters(in: .whitespaces).isEmpty, spaces <= indent { break }
            end += 1
        }
        lines.removeSubrange(dash..<end)
        return lines.joined(separator: "\n")
    }

    /// A value written so that YAML reads it back as the same text.
    static func quoted(_ value: String) -> String {
        let plain = value.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || "/._-@+~".unicodeScalars.contains(scalar)
                || (scalar == ":" && !value.hasSuffix(":")) || scalar == " "
        }
        if plain, !value.isEmpty, !value.hasPrefix(" "), !value.hasSuffix(" "), !value.contains(": "),
            !value.hasPrefix("@"),
            !["true", "false", "null", "yes", "no", "~"].contains(value.lowercased()), Double(value) == nil
        {
            return value
        }
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
            of: "\"", with: "\\\""
        )
        .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t")
        return "\"" + escaped + "\""
    }
}
