import Foundation

/// A person's own defaults, in `$XDG_CONFIG_HOME/journal/config.yml` (else
/// `~/.config/journal/config.yml`): `color` (always, never, auto), `editor` (a command, used
/// when git names none), `format` (the report's format when `--format` is not given). A
/// journal's `.journal.yml` takes precedence where it says the same thing.
public struct UserSettings: Sendable {
    public var colour: ColourChoice?
    public var editor: String?
    public var format: String?
    /// `calendar:`: the reminders of `journal calendar` (`CalendarReminders`).
    var calendar: YAMLValue?
    /// The file read, when there was one.
    public var file: String?
    /// What is wrong in it, as `path:line:column: message` lines.
    public var problems: [String] = []

    /// The settings of the person running journal, read once.
    public static let current = UserSettings(environment: ProcessInfo.processInfo.environment)

    /// The person's journal folder: `$XDG_CONFIG_HOME/journal`, else `~/.config/journal`.
    public static func folder(environment: [String: String]) -> String? {
        if let base = environment["XDG_CONFIG_HOME"], base.hasPrefix("/") { return base + "/journal" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.config/journal" }
        return nil
    }

    public init(environment: [String: String]) {
        let folder = Self.folder(environment: environment)
        guard let path = folder.map({ $0 + "/config.yml" }),
            let data = FileManager.default.contents(atPath: path)
        else {
            self.init(text: "", path: nil)
            return
        }
        guard let text = String(data: data, encoding: .utf8) else {
            self.init(text: "", path: path)
            problems.append("\(path):1:1: not UTF-8 text; the file is ignored")
            return
        }
        self.init(text: text, path: path)
    }

    /// Settings from a file's text.
    public init(text: String, path: String?) {
        file = path
        let path = path ?? "config.yml"
        func problem(_ position: SourcePosition, _ message: String) {
            problems.append("\(path):\(position.line):\(position.column): \(message)")
        }
        let root: YAMLValue?
        switch YAMLReader.read(text, firstLine: 1) {
        case .failure(let error):
            problem(error.position, error.message + "; the file is ignored")
            return
        case .success(let value): root = value
        }
        guard let root, let pairs = root.pairs else {
            if let root, !root.isNull {
                problem(root.position, "the settings should be a mapping (for example `color: never`)")
            }
            return
        }
        let known = ["color", "editor", "format", "calendar"]
        for pair in pairs {
            guard let key = pair.key.text else { continue }
            let value = pair.value.isNull ? nil : pair.value.text
            switch key {
            case "color":
                if let value, let choice = ColourChoice(rawValue: value.lowercased()) {
                    colour = choice
                } else {
                    problem(pair.value.position, "`color` should be always, never or auto")
                }
            case "editor":
                editor = value
            case "calendar":
                if !pair.value.isNull {
                    _ = CalendarReminders.read(pair.value, over: CalendarReminders(), problem: problem)
                    calendar = pair.value
                }
            case "format":
                if let value, OutputFormats.named(value) != nil {
                    format = value.lowercased()
                } else {
                    problem(
                        pair.value.position,
                        "`format` should be \(OutputFormats.choices())")
                }
            default:
                var message = "unknown setting `\(key)` (known: \(known.joined(separator: ", ")))"
                if let suggestion = EditDistance.closest(to: key, among: known, within: 3) {
                    message += "; did you mean `\(suggestion)`?"
                }
                problem(pair.key.position, message)
            }
        }
    }
}
