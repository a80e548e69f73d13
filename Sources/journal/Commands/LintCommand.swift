import ArgumentParser
import Foundation
import JournalGit
import JournalKit
import JournalWorkspace

/// The output formats of `journal lint`.
enum LintFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, github
}

/// `journal lint`: checks the journal's files and prints compiler-style diagnostics.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint", abstract: "Check entries against the journal format.",
        discussion: """
            Exit status: 0 when there is no error (with --strict, no warning either), 1 when there is,
            2 on bad usage or unreadable input. Rules can be set to error, warning, info or off in
            .journal.yml at the journal root; `journal rules` lists them.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(
        help: "Check only these files or folders (with knowledge of their whole mentorship).",
        completion: .file())
    var paths: [String] = []

    @Option(help: "Output format: text, json, sarif or github.")
    var format: LintFormat = .text

    @Flag(help: "Also fail (exit 1) on warnings.")
    var strict = false

    @Flag(help: "Apply the fixes that cannot lose content, and say what changed.")
    var fix = false

    @Flag(help: "With --fix: show the changes as a diff and write nothing.")
    var dryRun = false

    @Flag(
        help:
            "Check the entries as staged for the next commit (read from git's index): what the pre-commit hook runs."
    )
    var staged = false

    @Option(
        help: ArgumentHelp(
            "Check the journal as committed at REV (a branch, a tag, HEAD~3, a commit id), read from git without a checkout.",
            valueName: "REV"))
    var rev: String?

    func validate() throws {
        if dryRun && !fix { throw ValidationError("--dry-run goes with --fix") }
        if (staged || rev != nil) && fix {
            throw ValidationError(
                "--fix changes the files in the folder; it does not go with --staged or --rev")
        }
        if staged && rev != nil {
            throw ValidationError("--staged and --rev each name what to read: choose one")
        }
    }

    func run() throws {
        // Files named on the command line are checked wherever they are; with none, the journal
        // here is, and where there is none lint says so rather than reading every folder below.
        let workingDirectory = try paths.isEmpty ? global.journalDirectory() : global.workingDirectory()
        let root = JournalLoader.findRoot(from: workingDirectory)
        let reading: Reading = staged ? .staged : rev.map { .revision($0) } ?? .folder
        var journal = try loadJournal(root: root, reading: reading, cache: global.cache).0
        let wanted = reading == .folder ? try relativePaths(in: journal, from: workingDirectory) : nil
        let today = global.resolvedToday

        if fix {
            guard let fixed = try applyFixes(journal, wanted: wanted) else { return }
            if fixed { journal = JournalLoader.load(root: root, cache: global.cache) }
        }

        var diagnostics = lint(journal, today: today, everythingTracked: reading != .folder)
        KeepUntilExit.keep(journal)
        var files = journal.fileCount
        if let wanted {
            func inScope(_ path: String) -> Bool {
                wanted.contains { $0.isEmpty || path == $0 || path.hasPrefix($0 + "/") }
            }
            diagnostics = diagnostics.filter { inScope($0.path) }
            files = journal.mentorships.flatMap(\.entries).filter { inScope($0.path) }.count
        }
        let result = LintResult(diagnostics: diagnostics, files: files)
        let output = reporter(for: journal).report(result)
        // JSON and SARIF escape what they must themselves; the text formats are made safe to print.
        switch format {
        case .text, .github: print(output, terminator: "")
        case .json, .sarif: Swift.print(output, terminator: "")
        }
        // Input that could not be read at all is not a verdict on the journal: exit 2, as for bad usage.
        if diagnostics.contains(where: { $0.rule == FileUnreadableRule.id }) { throw ExitCode(2) }
        if result.count(.error) > 0 || (strict && result.count(.warning) > 0) { throw ExitCode(1) }
    }

    /// `--fix`: the fixes shown (`--dry-run`, then nil: nothing more to do) or made; true when
    /// a file changed.
    private func applyFixes(_ journal: Journal, wanted: [String]?) throws -> Bool? {
        let changes = Fixer.fixes(for: journal, in: wanted)
        if dryRun {
            print(changes.map(\.diff).joined(), terminator: "")
            if changes.isEmpty { print("nothing to fix") }
            return nil
        }
        for change in changes {
            try change.apply(root: journal.root)
            for line in change.summary { print("\(change.path): \(line)") }
        }
        return !changes.isEmpty
    }

    /// The reporter `--format` names; code scanning and workflow annotations name files from the
    /// repository's top.
    private func reporter(for journal: Journal) -> any LintReporter {
        let repository = (try? GitRepository.discover(at: journal.root)) ?? nil
        let prefix = repository?.relativePath(of: journal.root) ?? ""
        let sourceRoot = repository.map { URL(fileURLWithPath: $0.workdir.path + "/").absoluteString }
        switch format {
        case .text: return LintTextReporter(style: TerminalStyle(colour: global.colour))
        case .json: return LintJSONReporter()
        case .sarif:
            return SARIFReporter(
                version: JournalCommand.configuration.version, prefix: prefix, sourceRoot: sourceRoot)
        case .github: return GitHubReporter(prefix: prefix)
        }
    }

    /// The PATH arguments relative to the journal root; nil when none were given.
    private func relativePaths(in journal: Journal, from workingDirectory: URL) throws -> [String]? {
        guard !paths.isEmpty else { return nil }
        return try paths.map { path -> String in
            let url = URL(fileURLWithPath: path, relativeTo: workingDirectory).standardizedFileURL
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw ValidationError("\(path): no such file or folder")
            }
            let resolved = JournalLoader.resolve(url.path)
            guard let inJournal = RelativePath.inside(journal.root.path, resolved) else {
                throw ValidationError("\(path) is outside the journal at \(journal.root.path)")
            }
            return inJournal
        }
    }
}
