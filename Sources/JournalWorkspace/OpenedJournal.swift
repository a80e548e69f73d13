import Foundation
import JournalGit
import JournalKit

/// Which version of the journal's files a command reads.
public enum Reading: Equatable, Sendable {
    /// The folder as it is now.
    case folder
    /// As committed at a revision (`--rev`): read from git's objects, no checkout.
    case revision(String)
    /// As staged for the next commit (the pre-commit hook), from git's index.
    case staged
}

/// The journal holding `start` (the nearest `.journal.yml` up, else the outermost mentorship),
/// read from its folder through the parse cache: what most commands open.
public func readJournal(holding start: URL, cache: ParseCache.Location?) -> Journal {
    JournalLoader.load(root: JournalLoader.findRoot(from: start), cache: cache)
}

/// The journal at `root`, read from the folder (through the parse cache) or from git.
public func loadJournal(
    root: URL, reading: Reading, cache: ParseCache.Location?,
    repository discovered: Result<GitRepository?, Error>? = nil
) throws -> (Journal, commit: String?) {
    let resolvedRoot = URL(fileURLWithPath: JournalLoader.resolve(root.path))
    let snapshot: GitSnapshot
    do {
        if reading == .folder { return (JournalLoader.load(root: root, cache: cache), nil) }
        guard
            let repository = try (discovered ?? Result { try GitRepository.discover(at: resolvedRoot) })
                .get(),
            let scope = repository.relativePath(of: resolvedRoot)
        else {
            throw Failure(
                message: "\(root.path) is not in a git repository: there is no history to read",
                status: .failure)
        }
        switch reading {
        case .revision(let revision):
            snapshot = try repository.snapshot(at: revision, scope: scope, limit: JournalLoader.maxFileSize)
        case .staged:
            // While `git commit -a` or `git commit PATH` runs its hooks, git stages into another
            // index file and names it here; a relative name is from the top of the work tree.
            let named = ProcessInfo.processInfo.environment["GIT_INDEX_FILE"].flatMap {
                $0.isEmpty ? nil : $0
            }
            let indexPath = named.map {
                $0.hasPrefix("/") ? $0 : URL(fileURLWithPath: $0, relativeTo: repository.workdir).path
            }
            snapshot = try repository.stagedSnapshot(
                scope: scope, indexPath: indexPath, limit: JournalLoader.maxFileSize)
        case .folder:
            return (JournalLoader.load(root: root, cache: cache), nil)  // answered above
        }
    } catch let error as GitError {
        // A revision that names no commit is bad usage, as cli.md says of an impossible date.
        throw error.kind == .unknownRevision
            ? Failure(message: error.message, status: .usage) : failure(error)
    }
    let source = MemorySource(files: snapshot.files)
    return (JournalLoader.load(source: source, root: resolvedRoot), snapshot.commit)
}

/// The opened journal a command works on, narrowed by a path and a mentorship id: its
/// entries, every diagnostic, and the finished report.
public struct OpenedJournal {
    public let workingDirectory: URL
    public let journal: Journal
    public let mentorships: [Mentorship]
    /// Every diagnostic of the journal (reading and cross-file), sorted.
    public let diagnostics: [Diagnostic]
    /// Each mentorship's action items as lint folded them, for the report to reuse.
    let actionItems: [String: [TrackedActionItem]]

    /// The commit read, when the journal was read as committed at a revision.
    public let commit: String?
    public let reading: Reading
    public let today: CalendarDate
    /// The journal's `.journal.yml`, read once for the whole command.
    public let settings: JournalSettings
    /// The git repository holding the journal, found once for the whole command (nil: none, or
    /// git could not be asked, and why).
    let discovered: Result<GitRepository?, Error>

    /// Opens the journal holding `workingDirectory` (or `path` in it), narrowed to the mentorships
    /// named in `ids` (all of them when empty); with `requireMentorship`, a journal without one
    /// is an error that says how to start one.
    public init(
        workingDirectory: URL, path: String?, mentorships ids: [String], reading: Reading = .folder,
        cache: ParseCache.Location?, today: CalendarDate, requireMentorship: Bool = true
    ) throws {
        self.workingDirectory = workingDirectory
        self.today = today
        var start = workingDirectory
        if let path {
            start = URL(fileURLWithPath: path, relativeTo: workingDirectory).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: start.path, isDirectory: &isDirectory) else {
                throw Failure(message: "\(path): no such file or folder", status: .usage)
            }
            if !isDirectory.boolValue { start = start.deletingLastPathComponent() }
        }
        // Where there is no journal, nothing below is read (a home folder holds every clone).
        let root =
            reading == .folder && requireMentorship
            ? try Failure.requireJournal(holding: start) : JournalLoader.findRoot(from: start)
        let discovered = Result {
            try GitRepository.discover(at: URL(fileURLWithPath: JournalLoader.resolve(root.path)))
        }
        self.discovered = discovered
        let (journal, commit) = try loadJournal(
            root: root, reading: reading, cache: cache, repository: discovered)
        self.journal = journal
        self.commit = commit
        self.reading = reading
        let settings = JournalSettings.load(root: journal.root)
        self.settings = settings
        // What a commit or the index holds is shared, or about to be.
        (diagnostics, actionItems) = lintFolding(
            journal, today: today, everythingTracked: reading != .folder, settings: settings,
            repository: discovered)
        var selected = journal.mentorships
        if path != nil {
            let resolved = URL(fileURLWithPath: JournalLoader.resolve(start.path)).path
            selected = selected.filter { m in
                let folder = m.path == "." ? journal.root.path : journal.root.path + "/" + m.path
                return folder == resolved || folder.hasPrefix(resolved + "/")
                    || resolved.hasPrefix(folder + "/")
            }
        }
        if !ids.isEmpty {
            for id in ids where !selected.contains(where: { $0.isNamed(id, root: journal.root) }) {
                let known = selected.map(\.id).joined(separator: ", ")
                throw Failure(
                    message: "no mentorship `\(id)`" + (known.isEmpty ? "" : "; the journal has: \(known)"),
                    status: .usage)
            }
            selected = selected.filter { m in ids.contains { m.isNamed($0, root: journal.root) } }
        }
        guard !selected.isEmpty || !requireMentorship else {
            throw Failure(
                message: "no mentorship found in \(journal.root.path): a mentorship is a folder holding "
                    + "agreement.md (create one with `journal init`)",
                status: .failure)
        }
        mentorships = selected
    }

    /// The repository holding the journal, with the staging plan and the status, from the
    /// entries already read; fails when the journal is not in a git repository.
    public func repository() throws -> JournalRepository {
        try JournalRepository(workingDirectory: workingDirectory, journal: journal)
    }

    /// The finished report of the narrowed mentorships, with who did what from git's history.
    public func report(since: CalendarDate?, includePrivate: Bool) -> Report {
        report(ReportOptions(today: today, since: since, includePrivate: includePrivate))
    }

    /// The finished report with these options (their `today` is the journal's).
    public func report(_ options: ReportOptions) -> Report {
        var options = options
        options.today = today
        options.foldedActionItems = actionItems
        var report = ReportBuilder.build(mentorships, diagnostics: diagnostics, options: options)
        ActivityBuilder.attach(
            to: &report, journal: journal, includePrivate: options.includePrivate, upTo: commit,
            repository: (try? discovered.get()) ?? nil)
        return report
    }
}

/// Lints a journal with its configuration, asking git which private entries are tracked; with
/// `everythingTracked`, every file is in a commit or about to be (read from git).
public func lint(
    _ journal: Journal, today: CalendarDate, everythingTracked: Bool = false, settings: JournalSettings? = nil
) -> [Diagnostic] {
    lintFolding(
        journal, today: today, everythingTracked: everythingTracked,
        settings: settings ?? JournalSettings.load(root: journal.root)
    ).diagnostics
}

/// `lint`, also giving the action items its rules folded.
func lintFolding(
    _ journal: Journal, today: CalendarDate, everythingTracked: Bool, settings: JournalSettings,
    repository discovered: Result<GitRepository?, Error>? = nil
)
    -> (
        diagnostics: [Diagnostic], actionItems: [String: [TrackedActionItem]]
    )
{
    let configuration = settings
    let privatePaths = journal.mentorships.flatMap(\.entries).filter(\.isPrivate).map(\.path)
    var tracked: Set<String> = []
    var unanswered: Diagnostic?
    if everythingTracked {
        tracked = Set(privatePaths)
    } else if let first = privatePaths.min() {
        do {
            if let repository = try (discovered ?? Result { try GitRepository.discover(at: journal.root) })
                .get(),
                let base = repository.relativePath(of: journal.root)
            {
                tracked = Set(
                    privatePaths.filter { repository.isTracked(RelativePath.join(base, $0)) })
            }
        } catch {
            // Not silence: the person learns that this check could not be made, and why.
            let reason = (error as? GitError)?.message ?? "\(error)"
            unanswered = Diagnostic(
                rule: PrivateTrackedRule.id, severity: .warning, path: first, at: .fileStart,
                message: "git could not be asked whether private entries are tracked (\(reason)); "
                    + "check with `git ls-files` that none is")
        }
    }
    let found = tracked
    let context = LintContext(journal: journal, today: today, isTracked: { found.contains($0) })
    let diagnostics = Linter.run(context, configuration: configuration)
    // Unless the journal turned the rule off.
    guard let unanswered, configuration.severities[PrivateTrackedRule.id].map({ $0 != nil }) ?? true else {
        return (diagnostics, context.actionItems)
    }
    return (Diagnostic.sorted(diagnostics + [unanswered]), context.actionItems)
}
