import Foundation

/// `.journal.yml` at the journal root, the journal's settings: `lint` (per-rule severities, or
/// `off`), `report` (its format), `sync` (its transport) and `calendar` (its reminders). Read once
/// per command (`OpenedJournal.settings`) and handed on.
public struct JournalSettings: Sendable, Equatable {
    /// The severity each configured rule is set to; nil means off.
    public var severities: [String: Severity?] = [:]
    /// Problems in the configuration file itself.
    public var diagnostics: [Diagnostic] = []
    /// `sync.transport`: `git` moves a sync's fetch and push to the installed git (for ssh
    /// set-ups libssh2 cannot follow); nil or `libgit2`, journal's own.
    public var syncTransport: String?
    /// `report.format`: the report's format when `--format` is not given.
    public var reportFormat: String?
    /// `calendar:`: the reminders of `journal calendar` (`CalendarReminders`).
    var calendar: YAMLValue?

    /// No overrides.
    public init() {}

    /// The configuration file's name, at the journal root.
    public static let fileName = ".journal.yml"

    /// Reads `.journal.yml` under `root`; a missing file is an empty configuration.
    public static func load(root: URL) -> JournalSettings {
        let url = root.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: url.path) else { return JournalSettings() }
        guard let text = String(validating: [UInt8](data), as: UTF8.self) else {
            var configuration = JournalSettings()
            configuration.diagnostics.append(
                ConfigInvalidRule.diagnostic(fileName, .fileStart, "the configuration is not valid UTF-8"))
            return configuration
        }
        return parse(text)
    }

    /// Parses the text of a configuration file.
    public static func parse(_ text: String) -> JournalSettings {
        var configuration = JournalSettings()
        func problem(_ position: SourcePosition, _ message: String) {
            configuration.diagnostics.append(ConfigInvalidRule.diagnostic(fileName, position, message))
        }
        let root: YAMLValue?
        switch YAMLReader.read(text, firstLine: 1) {
        case .failure(let error):
            problem(error.position, error.message)
            return configuration
        case .success(let value): root = value
        }
        guard let root, !root.isNull else { return configuration }
        guard root.pairs != nil else {
            problem(root.position, "the configuration should be a mapping (for example `lint:`)")
            return configuration
        }
        // A misspelt section or key would silently leave a setting as it was: say so.
        func unknownKeys(_ mapping: YAMLValue, known: [String], within section: String?) {
            for pair in mapping.pairs ?? [] {
                guard let key = pair.key.text, !known.contains(key) else { continue }
                let place = section.map { "`\($0)`" } ?? "the configuration"
                var message =
                    "unknown key `\(key)` in \(place), which knows \(known.map { "`\($0)`" }.joined(separator: ", "))"
                if let suggestion = EditDistance.closest(to: key, among: known, within: 3) {
                    message += "; did you mean `\(suggestion)`?"
                }
                configuration.diagnostics.append(
                    Diagnostic(
                        rule: ConfigInvalidRule.id, severity: .warning, path: fileName, at: pair.key.position,
                        message: message))
            }
        }
        unknownKeys(root, known: ["lint", "sync", "report", "calendar"], within: nil)
        if let calendar = root["calendar"], !calendar.isNull {
            _ = CalendarReminders.read(calendar, over: CalendarReminders(), problem: problem)
            configuration.calendar = calendar
        }
        if let report = root["report"], !report.isNull {
            if report.pairs == nil {
                problem(report.position, "`report` should be a mapping with `format:`")
            } else {
                unknownKeys(report, known: ["format"], within: "report")
                if let format = report["format"], !format.isNull {
                    if let text = format.text?.lowercased(), OutputFormats.named(text) != nil {
                        configuration.reportFormat = text
                    } else {
                        problem(
                            format.position,
                            "`report.format` should be \(OutputFormats.choices())"
                        )
                    }
                }
            }
        }
        if let sync = root["sync"], sync.pairs != nil {
            unknownKeys(sync, known: ["transport"], within: "sync")
        }
        if let lint = root["lint"], lint.pairs != nil { unknownKeys(lint, known: ["rules"], within: "lint") }
        if let sync = root["sync"], !sync.isNull {
            if sync.pairs == nil {
                problem(sync.position, "`sync` should be a mapping with `transport:`")
            } else if let transport = sync["transport"], !transport.isNull {
                if let text = transport.text, ["git", "libgit2"].contains(text) {
                    configuration.syncTransport = text
                } else {
                    problem(transport.position, "`sync.transport` should be `git` or `libgit2`")
                }
            }
        }
        guard let lint = root["lint"], !lint.isNull else { return configuration }
        guard lint.pairs != nil else {
            problem(lint.position, "`lint` should be a mapping with `rules:`")
            return configuration
        }
        guard let rules = lint["rules"], !rules.isNull else { return configuration }
        guard let pairs = rules.pairs else {
            problem(rules.position, "`lint.rules` should map rule ids to error, warning, info or off")
            return configuration
        }
        let known = Linter.ruleIDs
        for pair in pairs {
            guard let id = pair.key.text else {
                problem(pair.key.position, "a rule id should be text")
                continue
            }
            guard known.contains(id) else {
                var message = "unknown rule `\(id)`"
                if let suggestion = EditDistance.closest(to: id, among: known, within: 3) {
                    message += "; did you mean `\(suggestion)`?"
                } else {
                    message += " (`journal rules` lists them)"
                }
                problem(pair.key.position, message)
                continue
            }
            let value = pair.value.text?.lowercased() ?? ""
            switch value {
            case "off": configuration.severities[id] = .some(nil)
            case "error", "warning", "info": configuration.severities[id] = Severity(rawValue: value)
            default:
                problem(pair.value.position, "`\(id)` should be set to error, warning, info or off")
            }
        }
        return configuration
    }
}
