import ArgumentParser
import Foundation
import JournalGit
import JournalKit

/// The journal a command works on, narrowed by a path and a mentorship id.
struct Scope {
    let workingDirectory: URL
    let journal: Journal
    let mentorships: [Mentorship]
    /// Every diagnostic of the journal (reading and cross-file), sorted.
    let diagnostics: [Diagnostic]

    init(global: GlobalOptions, path: String?, mentorship id: String?) throws {
        workingDirectory = try global.workingDirectory()
        var start = workingDirectory
        if let path {
            start = URL(fileURLWithPath: path, relativeTo: workingDirectory).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: start.path, isDirectory: &isDirectory) else {
                throw ValidationError("\(path): no such file or folder")
            }
            if !isDirectory.boolValue { start = start.deletingLastPathComponent() }
        }
        let root = JournalLoader.findRoot(from: start)
        let journal = JournalLoader.load(root: root, cache: global.cache)
        self.journal = journal
        diagnostics = lint(journal, today: global.resolvedToday)
        var selected = journal.mentorships
        if path != nil {
            let resolved = URL(fileURLWithPath: JournalLoader.resolve(start.path)).path
            selected = selected.filter { m in
                let folder = m.path == "." ? journal.root.path : journal.root.path + "/" + m.path
                return folder == resolved || folder.hasPrefix(resolved + "/")
                    || resolved.hasPrefix(folder + "/")
            }
        }
        if let id {
            let matching = selected.filter { $0.id == id || $0.path == id }
            guard !matching.isEmpty else {
                let known = selected.map(\.id).joined(separator: ", ")
                throw ValidationError(
                    "no mentorship `\(id)`" + (known.isEmpty ? "" : "; the journal has: \(known)"))
            }
            selected = matching
        }
        guard !selected.isEmpty else {
            throw Failure(
                message: "no mentorship found in \(journal.root.path): a mentorship is a folder holding "
                    + "agreement.md (create one with `journal init`)",
                code: 1)
        }
        mentorships = selected
    }
}

/// Lints a journal with its configuration, asking git which private entries are tracked; with
/// `everythingTracked`, every file is about to be committed (a copy of what git has staged).
func lint(_ journal: Journal, today: CalendarDate, everythingTracked: Bool = false) -> [Diagnostic] {
    let configuration = LintConfiguration.load(root: journal.root)
    let privatePaths = journal.mentorships.flatMap(\.entries).filter(\.isPrivate).map(\.path)
    var tracked: Set<String> = []
    if everythingTracked {
        tracked = Set(privatePaths)
    } else if !privatePaths.isEmpty, let repository = try? GitRepository.discover(at: journal.root),
        let base = repository.relativePath(of: journal.root)
    {
        tracked = Set(privatePaths.filter { repository.isTracked(base.isEmpty ? $0 : base + "/" + $0) })
    }
    let found = tracked
    let context = LintContext(journal: journal, today: today, isTracked: { found.contains($0) })
    return Linter.run(context, configuration: configuration)
}
