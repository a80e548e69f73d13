import Foundation
import JournalKit

/// What `journal init` writes and what it refuses, before any git is touched.
public enum NewMentorship {
    /// Stops before anything is written when the folder, a folder above it or one below it
    /// already is a mentorship (a mentorship inside another is an error).
    public static func refuseExisting(_ folder: URL) throws {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: folder.appendingPathComponent("agreement.md").path) {
            throw Failure(
                message: "\(folder.path) already holds a mentorship (agreement.md); nothing was changed. "
                    + "Write in it with `journal new`, or choose another folder.",
                status: .failure)
        }
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: folder.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw Failure(
                message: "\(folder.path) is a file, not a folder; choose another place.", status: .failure)
        }
        var current = folder.deletingLastPathComponent()
        while current.path != "/" && !current.path.isEmpty {
            if fileManager.fileExists(atPath: current.appendingPathComponent("agreement.md").path) {
                throw Failure(
                    message: "\(folder.path) is inside the mentorship at \(current.path), and a mentorship "
                        + "inside another is an error; nothing was changed. Choose a folder outside it.",
                    status: .failure)
            }
            current = current.deletingLastPathComponent()
        }
        if isDirectory.boolValue, let inner = JournalLoader.load(root: folder).mentorships.first {
            throw Failure(
                message: "\(folder.path) already holds the mentorship \(inner.path), and a mentorship "
                    + "inside another is an error; nothing was changed. Choose another folder.",
                status: .failure)
        }
    }

    /// `url` or its nearest folder that exists, where git can look for a repository.
    public static func nearestExisting(_ url: URL) -> URL {
        var current = url
        while !FileManager.default.fileExists(atPath: current.path) && current.path != "/" {
            current = current.deletingLastPathComponent()
        }
        return current
    }

    /// Writes agreement.md and the folder READMEs; returns the paths written, relative to `folder`.
    public static func writeFiles(
        in folder: URL, template: EntryTemplate, mentor: String, mentee: String, cadence: String,
        started: CalendarDate
    ) throws -> [String] {
        let mentorPerson = Person(parsing: mentor)
        let menteePerson = Person(parsing: mentee)
        let context: [String: Any] = [
            "mentorYAML": YAMLText.quoted(mentor.trimmingCharacters(in: .whitespaces)),
            "menteeYAML": YAMLText.quoted(mentee.trimmingCharacters(in: .whitespaces)),
            "mentor": NewEntry.oneLine(mentorPerson?.name ?? "the mentor"),
            "mentee": NewEntry.oneLine(menteePerson?.name ?? "the mentee"),
            "started": started.description,
            "cadenceYAML": YAMLText.quoted(cadence.trimmingCharacters(in: .whitespaces)),
        ]
        var files: [(String, String)] = [("agreement.md", template.render(context))]
        for (name, text) in readmes {
            let path = name + "/README.md"
            if !FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path) {
                files.append((path, text))
            }
        }
        // What common Markdown linters read, so that they take entries as journal writes them.
        for (path, text) in MarkdownLinterSettings.files
        where !FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path) {
            files.append((path, text))
        }
        do {
            for (path, text) in files {
                let url = folder.appendingPathComponent(path)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            }
        } catch {
            throw Failure(
                message:
                    "cannot write in \(folder.path): \(error.localizedDescription). Check its permissions.",
                status: .failure)
        }
        return files.map(\.0)
    }

    /// What each folder holds, in a README that git keeps (and journal never reads as an entry).
    static let readmes: [(String, String)] = [
        (
            "goals",
            """
            # Goals

            One file per goal of the mentee, named after it: `journal new goal "Give a conference talk"`
            writes `goals/give-a-conference-talk.md`. A goal has a title, a target date, a measure of
            success and milestones; sessions and reflections name it by its file name.

            """
        ),
        (
            "sessions",
            """
            # Sessions

            One file per meeting, named after its date: `journal new session` writes
            `sessions/YYYY-MM-DD.md` with the agenda, notes, decisions and action items
            (`- [ ] what @who (due YYYY-MM-DD)`), and lists what was still open from last time.

            """
        ),
        (
            "reflections",
            """
            # Reflections

            Notes written between meetings, mostly by the mentee: what was tried, what worked, wins,
            obstacles and questions for the next check-in. `journal new reflection` writes
            `reflections/YYYY-MM-DD.md`; with `--private` the file stays on this computer.

            """
        ),
    ]
}

/// The settings `journal init` writes for the Markdown linters people run over their notes
/// (markdownlint, in editors and `markdownlint-cli2`; pymarkdown from PyPI): front matter is
/// front matter, an entry need not open with a heading (a session's first line is its front
/// matter's), and lines are as long as the writer makes them.
public enum MarkdownLinterSettings {
    public static let files: [(String, String)] = [
        (
            ".markdownlint.yaml",
            """
            # Written by `journal init` for markdownlint: journal entries start with YAML front matter
            # (which markdownlint understands), need not open with a heading, keep their long lines,
            # and a goal's `title:` is not a second top-level heading beside its `# Title`.
            default: true
            MD013: false
            MD041: false
            MD025:
              front_matter_title: ""

            """
        ),
        (
            ".pymarkdown",
            """
            {
              "extensions": {
                "front-matter": { "enabled": true }
              },
              "plugins": {
                "md013": { "enabled": false },
                "md025": { "enabled": false },
                "md041": { "enabled": false }
              }
            }

            """
        ),
    ]
}
