import ArgumentParser
import Foundation
import JournalGit
import JournalKit
import JournalWorkspace

/// `journal init`: starts a mentorship, with a git repository when there is none yet.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a mentorship: agreement.md, goals/, sessions/, reflections/, and a first commit.",
        discussion: """
            Writes agreement.md (from templates/agreement.md when the journal has one) with the pair, \
            today's date and the cadence, a README in goals/, sessions/ and reflections/, and a \
            .gitattributes line that has git merge entries as `journal sync` does. When DIR \
            is not inside a git repository, creates one there (branch main), adds --remote as origin and \
            makes the first commit; inside a repository, commits just the new mentorship folder. \
            Nothing is written when DIR already holds a mentorship.
            Exit codes: 0 started, 1 failure, 2 bad usage.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The folder of the mentorship (created when missing).", completion: .directory)
    var directory: String = "."

    @Option(help: ArgumentHelp("The mentor, as \"Name <email>\".", valueName: "PERSON"))
    var mentor: String

    @Option(help: ArgumentHelp("The mentee, as \"Name <email>\".", valueName: "PERSON"))
    var mentee: String

    @Option(help: "How often the pair meets: weekly, biweekly, monthly, every N days|weeks|months.")
    var cadence: String = "biweekly"

    @Option(
        help: ArgumentHelp("The shared repository, added as `origin` to a new repository.", valueName: "URL"))
    var remote: String?

    func validate() throws {
        for (option, value) in [("--mentor", mentor), ("--mentee", mentee)]
        where Person(parsing: value) == nil {
            throw ValidationError("\(option) wants \"Name <email>\" or a name, not `\(value)`")
        }
        if Cadence(cadence) == nil {
            throw ValidationError(
                "--cadence wants weekly, biweekly, monthly or every N days|weeks|months, not `\(cadence)`")
        }
        if let remote, remote.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--remote wants the URL of the shared repository")
        }
    }

    func run() throws {
        let base = try global.workingDirectory()
        let folder = URL(fileURLWithPath: directory, relativeTo: base).standardizedFileURL
        try NewMentorship.refuseExisting(folder)
        let existing = NewMentorship.nearestExisting(folder)
        let repository: GitRepository?
        do {
            repository = try GitRepository.discover(at: existing)
        } catch let error as GitError {
            throw Failure(message: error.message + ". Nothing was written.", status: .failure)
        }
        // Everything that could stop the commit is checked before the first file is written.
        guard GitIdentity.configured(in: repository).isComplete else {
            throw Failure(
                message: "git does not know who you are, so journal cannot commit; nothing was written. "
                    + "Set user.name and user.email, for example `git config --global user.name \"Ada Lovelace\"` "
                    + "and `git config --global user.email ada@example.org`, then run journal init again.",
                status: .failure)
        }
        if let remote, let repository, let current = repository.remoteURL("origin"), current != remote {
            throw Failure(
                message: "the repository already has origin at \(current); nothing was written. "
                    + "Run journal init without --remote, or change origin with `git remote set-url origin URL`.",
                status: .failure)
        }
        if let repository {
            let scope = repository.relativePath(of: existing).map { inner in
                let rest = folder.path.dropFirst(existing.path.count).trimmingCharacters(in: ["/"])
                return [inner, rest].filter { !$0.isEmpty }.joined(separator: "/")
            }
            let staged = (try? repository.stagedPaths(outside: scope ?? "")) ?? []
            if !staged.isEmpty {
                throw Failure(
                    message: "git's index already holds changes staged for the next commit ("
                        + staged.prefix(3).joined(separator: ", ") + (staged.count > 3 ? ", ..." : "")
                        + "), which journal would commit along with the mentorship; nothing was written. "
                        + "Commit them with `git commit`, or unstage them with `git restore --staged .`, "
                        + "then run journal init again.",
                    status: .failure)
            }
        }
        let template: EntryTemplate
        do {
            template = try EntryTemplate.load(.agreement, root: JournalLoader.findRoot(from: existing))
        } catch {
            throw Failure(
                message: "\(error). Fix the template, or delete it to use the built-in one.", status: .failure
            )
        }

        var written = try NewMentorship.writeFiles(
            in: folder, template: template, mentor: mentor, mentee: mentee, cadence: cadence,
            started: global.resolvedToday)
        // git merges entries as `journal sync` does (with the driver defined below).
        if try MergeSetup.writeAttributes(in: folder) { written.append(".gitattributes") }
        do {
            let repo: GitRepository
            if let repository {
                repo = repository
                if let remote, repo.remoteURL("origin") == nil { try repo.addRemote("origin", url: remote) }
            } else {
                repo = try GitRepository.create(at: folder, branch: "main")
                if let remote { try repo.addRemote("origin", url: remote) }
            }
            try repo.installMergeDriver(binary: RunningBinary.path)
            guard let scope = repo.relativePath(of: folder) else {
                throw Failure(message: "\(folder.path) is outside its git work tree", status: .failure)
            }
            // Files already in the folder are shared only when they are not private.
            let privacy = JournalRepository.privacyRule(
                workdir: repo.workdir, scope: scope, layout: JournalLayout(unreadFrom: folder))
            let staged = try repo.stageReporting(
                StagingRule(scope: scope, keepLocal: []) { privacy($0).keepsLocal })
            if !staged.keptLocal.isEmpty { try repo.addKeptLocal(staged.keptLocal) }
            let names = [Person(parsing: mentee)?.name, Person(parsing: mentor)?.name].map { $0 ?? "?" }
            let message = "Start the mentorship of \(names[0]) with \(names[1])"
            let commit = try repo.commitIndex(message: message)
            print("Started the mentorship in \(folder.path):")
            for path in written { print("  \(path)") }
            if repository == nil { print("Created a git repository there (branch main).") }
            if let commit { print("Committed \(commit.id.prefix(7)): \(commit.summary)") }
            print(
                "Next: fill in agreement.md together, then write your first goal with "
                    + "`journal new goal \"TITLE\"`.")
        } catch let error as GitError {
            throw Failure(
                message: error.message
                    + ". The files are written; commit them with `journal commit` once fixed.",
                status: .failure)
        }
    }
}
