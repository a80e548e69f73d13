/// `docs/rules.md`, generated from the rule descriptions so that it cannot drift from them.
public enum RulesDocument {
    /// The whole document.
    public static func markdown() -> String {
        var text = """
            # Lint rules

            `journal lint` checks every entry against these rules. Each has a stable id; set any of them
            to `error`, `warning`, `info` or `off` in `.journal.yml` at the journal root:

            ```yaml
            lint:
              rules:
                session/cadence: off
            ```

            or switch rules off for one file with a comment in its body:
            `<!-- journal-lint disable action/no-owner field/unknown -->`.

            This page is generated from the rules themselves (`make rules-doc`); a test fails when it
            is out of date.

            | id | default | when |
            |---|---|---|

            """
        for rule in Linter.rules.map({ $0.description }) {
            text += "| [`\(rule.id)`](#\(anchor(rule.id))) | \(rule.severity.rawValue) | \(rule.summary) |\n"
        }
        for rule in Linter.rules.map({ $0.description }) {
            text += "\n" + section(rule)
        }
        return text
    }

    /// One rule's section: id, severity, why, and an example.
    public static func section(_ rule: RuleDescription) -> String {
        var text = "## \(rule.id)\n\nDefault severity: **\(rule.severity.rawValue)**. \(rule.summary)\n\n"
        text += rule.rationale + "\n"
        if let fix = rule.fix { text += "\n`journal lint --fix` " + fix + "\n" }
        if let example = rule.triggering.first {
            text += "\nFor example (checked on \(example.today)), `↓` marks where it is reported:\n"
            for (path, content) in example.files.sorted(by: { $0.key < $1.key }) {
                text += "\n`\(path)`:\n\n```markdown\n\(content)\(content.hasSuffix("\n") ? "" : "\n")```\n"
            }
        }
        return text
    }

    static func anchor(_ id: String) -> String {
        id.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" }
    }
}
