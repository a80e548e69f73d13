// Rules whose problems are found while a file is read: the checks live in the parser, the
// descriptions and examples here.

/// `front-matter/missing`: an entry without front matter.
public enum FrontMatterMissingRule: LintRule {
    public static let description = RuleDescription(
        id: "front-matter/missing", summary: "An entry has no front matter.", severity: .error,
        rationale: "Without front matter journal cannot tell when a session happened or which goal a "
            + "reflection is about, so the entry silently drops out of every report.",
        triggering: [RuleExample(["sessions/2026-11-20.md": "↓# Notes from our call\n"])],
        nonTriggering: [RuleExample(["sessions/2026-11-20.md": "---\ndate: 2026-11-20\n---\n# Notes\n"])])
    public static func check(_ context: LintContext) -> [Diagnostic] { fromReading(context) }
}

/// `front-matter/unterminated`: front matter that is never closed.
public enum FrontMatterUnterminatedRule: LintRule {
    public static let description = RuleDescription(
        id: "front-matter/unterminated", summary: "The front matter has no closing `---` line.",
        severity: .error,
        rationale:
            "Everything after an unclosed `---` would be read as YAML; the entry's text cannot be told "
            + "apart from its fields.",
        triggering: [RuleExample(["sessions/2026-11-20.md": "↓---\ndate: 2026-11-20\n# Notes\n"])],
        nonTriggering: [RuleExample(["sessions/2026-11-20.md": "---\ndate: 2026-11-20\n...\n# Notes\n"])])
    public static func check(_ context: LintContext) -> [Diagnostic] { fromReading(context) }
}

/// `front-matter/yaml`: front matter that is not valid YAML.
public enum FrontMatterYAMLRule: LintRule {
    public static let description = RuleDescription(
        id: "front-matter/yaml", summary: "The front matter is not valid YAML.", severity: .error,
        rationale: "A YAML mistake hides every field of the entry; the diagnostic points at the place YAML "
            + "stopped making sense (tabs used for indentation are a common cause).",
        triggering: [
            RuleExample([
                "sessions/2026-11-20.md": "---\ndate: 2026-11-20\nagenda:\n↓\t- Plan December\n---\n"
            ])
        ],
        nonTriggering: [
            RuleExample(["sessions/2026-11-20.md": "---\ndate: 2026-11-20\nagenda:\n  - Plan December\n---\n"]
            )
        ])
    public static func check(_ context: LintContext) -> [Diagnostic] { fromReading(context) }
}

/// `front-matter/not-mapping`: front matter that is a list or a bare value.
public enum FrontMatterNotMappingRule: LintRule {
    public static let description = RuleDescription(
        id: "front-matter/not-mapping", summary: "The front matter is not a mapping of keys to values.",
        severity: .error,
        rationale: "Fields are `key: value` lines; a list or a bare sentence between the fences has no keys.",
        triggering: [RuleExample(["sessions/2026-11-20.md": "---\n↓- date 2026-11-20\n---\n"])],
        nonTriggering: [RuleExample(["sessions/2026-11-20.md": "---\ndate: 2026-11-20\n---\n"])])
    public static func check(_ context: LintContext) -> [Diagnostic] { fromReading(context) }
}

/// `file/encoding`: a file that is not UTF-8.
public enum FileEncodingRule: LintRule {
    public static let description = RuleDescription(
        id: "file/encoding", summary: "The file is not valid UTF-8.", severity: .error,
        rationale: "Journals are shared between machines and editors; only UTF-8 reads the same everywhere. "
            + "The diagnostic points at the first byte that is not UTF-8.",
        triggering: [RuleExample(["sessions/2026-11-20.md": "---\ndate: 2026-11-20\n---\nCaf↓<byte FF>\n"])],
        nonTriggering: [RuleExample(["sessions/2026-11-20.md": "---\ndate: 2026-11-20\n---\nCafé\n"])])
    public static func check(_ context: LintContext) -> [Diagnostic] { fromReading(context) }
}

/// `field/missing`: a required key is absent.
public enum FieldMissingRule: LintRule {
    public static let description = RuleDescription(
        id: "field/missing", summary: "A required key is absent.", severity: .error,
        rationale: "Required keys carry the facts a report is built from: a session's date, a goal's title, "
            + "the agreement's people and cadence.",
        triggering: [RuleExample(["sessions/2026-11-20.md": "↓---\nduration: 45m\n---\n"])],
        nonTriggering: [
            RuleExample(["sessions/2026-11-20.md": "---\ndate: 2026-11-20\nduration: 45m\n---\n"])
        ])
    public static func check(_ context: LintContext) -> [Diagnostic] { fromReading(context) }
}

/// `field/invalid`: a value of the wrong type or form.
public enum FieldInvalidRule: LintRule {
    public static let description = RuleDescription(
        id: "field/invalid",
        summary: "A value has the wrong type or form (date, status, duration, cadence, person).",
        severity: .error,
        rationale: "A date that does not exist, a misspelt status or an unreadable duration would be ignored "
            + "silently; the report would then be wrong without saying so.",
        triggering: [
            RuleExample(["sessions/2026-11-20.md": "---\ndate: ↓2026-02-30\nstatus: ↓postponed\n---\n"])
        ],
        nonTriggering: [
            RuleExample(["sessions/2026-11-20.md": "---\ndate: 2026-11-20\nstatus: cancelled\n---\n"])
        ])
    public static func check(_ context: LintContext) -> [Diagnostic] { fromReading(context) }
}

/// `field/unknown`: a key that looks like a misspelt known key.
public enum FieldUnknownRule: LintRule {
    public static let description = RuleDescription(
        id: "field/unknown", summary: "An unknown key is within two edits of a known one (a likely typo).",
        severity: .warning,
        rationale: "A misspelt key is ignored, so the agenda or the goals it was meant to record disappear. "
            + "Keys far from every known key are left alone: they are your own additions. `--fix` renames it.",
        triggering: [
            RuleExample(["sessions/2026-11-20.md": "---\ndate: 2026-11-20\n↓agneda: [Plan]\n---\n"])
        ],
        nonTriggering: [
            RuleExample(["sessions/2026-11-20.md": "---\ndate: 2026-11-20\nagenda: [Plan]\nmood: calm\n---\n"]
            )
        ])
    public static func check(_ context: LintContext) -> [Diagnostic] { fromReading(context) }
}

/// `type/mismatch`: `type:` disagrees with the folder.
public enum TypeMismatchRule: LintRule {
    public static let description = RuleDescription(
        id: "type/mismatch", summary: "`type:` disagrees with the folder the entry is in.", severity: .error,
        rationale:
            "The folder decides what an entry is; a different `type:` usually means the file was saved "
            + "in the wrong folder.",
        triggering: [
            RuleExample(["sessions/2026-11-20.md": "---\ntype: ↓reflection\ndate: 2026-11-20\n---\n"])
        ],
        nonTriggering: [
            RuleExample(["sessions/2026-11-20.md": "---\ntype: session\ndate: 2026-11-20\n---\n"])
        ])
    public static func check(_ context: LintContext) -> [Diagnostic] { fromReading(context) }
}

/// `merge/conflict-markers`: a merge left unresolved.
public enum MergeConflictMarkersRule: LintRule {
    public static let description = RuleDescription(
        id: "merge/conflict-markers", summary: "Unresolved `<<<<<<<` / `>>>>>>>` lines from a merge.",
        severity: .error,
        rationale:
            "When both of you changed the same lines, `journal sync` writes both versions between these "
            + "markers. Keep the words you want, delete the marker lines, and sync again.",
        triggering: [
            RuleExample([
                "sessions/2026-11-20.md":
                    "---\ndate: 2026-11-20\n---\n↓<<<<<<< mine\nWe agreed on Tuesday.\n=======\n"
                    + "We agreed on Thursday.\n↓>>>>>>> theirs\n"
            ])
        ],
        nonTriggering: [
            RuleExample(["sessions/2026-11-20.md": "---\ndate: 2026-11-20\n---\nWe agreed on Thursday.\n"])
        ]
    )
    public static func check(_ context: LintContext) -> [Diagnostic] { fromReading(context) }
}

/// `mentorship/nested`: a mentorship inside another.
public enum MentorshipNestedRule: LintRule {
    public static let description = RuleDescription(
        id: "mentorship/nested", summary: "A mentorship folder sits inside another mentorship.",
        severity: .error,
        rationale: "Entries of the inner folder would belong to both pairs. Keep each mentorship in its own "
            + "folder beside the others.",
        triggering: [RuleExample(["sessions/old/agreement.md": "↓" + RuleExample.agreement])],
        nonTriggering: [RuleExample(["notes.md": "Free notes are fine anywhere.\n"])])
    public static func check(_ context: LintContext) -> [Diagnostic] { fromReading(context) }
}

/// `file/too-large`: a file too large to be an entry.
public enum FileTooLargeRule: LintRule {
    public static let description = RuleDescription(
        id: "file/too-large", summary: "An entry is larger than 1 MB and is not read.", severity: .error,
        rationale: "No mentoring note is that long (a megabyte is a long novel); such a file is most likely "
            + "something pasted by mistake, and reading it would slow every command down. The file is left "
            + "as it is; a private one stays private.",
        triggering: [],
        nonTriggering: [RuleExample(["sessions/2026-11-20.md": "---\ndate: 2026-11-20\n---\n"])])
    public static func check(_ context: LintContext) -> [Diagnostic] { fromReading(context) }
}

/// `file/unreadable`: a file that cannot be opened.
public enum FileUnreadableRule: LintRule {
    public static let description = RuleDescription(
        id: "file/unreadable", summary: "An entry cannot be read (permissions).", severity: .error,
        rationale: "An entry journal cannot open is missing from every report; fix its permissions.",
        triggering: [],
        nonTriggering: [RuleExample(["sessions/2026-11-20.md": "---\ndate: 2026-11-20\n---\n"])])
    public static func check(_ context: LintContext) -> [Diagnostic] { fromReading(context) }
}

/// `file/outside-link`: a symbolic link that leads out of the journal.
public enum FileOutsideLinkRule: LintRule {
    public static let description = RuleDescription(
        id: "file/outside-link", summary: "A symbolic link leads out of the journal; it is not read.",
        severity: .error,
        rationale: "Following it could read (and later commit) a file that is not part of the journal.",
        triggering: [],
        nonTriggering: [RuleExample(["sessions/2026-11-20.md": "---\ndate: 2026-11-20\n---\n"])])
    public static func check(_ context: LintContext) -> [Diagnostic] { fromReading(context) }
}
