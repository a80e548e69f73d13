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

    @Option(help: ArgumentHelp("The mentor, as \"Name <email>\" (asked on a terminal).", valueName: "PERSON"))
    var mentor: String?

    @Option(help: ArgumentHelp("The mentee, as \"Name <email>\" (asked on a terminal).", valueName: "PERSON"))
    var mentee: String?

    @Option(help: "How often the pair meets: weekly, biweekly, monthly, every N days|weeks|months.")
    var cadence: String?

    @Option(
        help: ArgumentHelp(
            "Where the shared copy lives: the address of an empty repository on your git host.",
            valueName: "URL"))
    var remote: String?

    @Flag(help: "Ask nothing, even on a terminal: what is not given takes its default.")
    var noPrompt = false

    /// The answers, from the flags or asked for.
    private struct Answers {
        var mentor: String
        var mentee: String
        var cadence: String
        var remote: String?
        var identity: (name: String, email: String)?
    }

    func validate() throws {
        let asking = Prompt.available && !noPrompt
        for (option, value) in [("--mentor", mentor), ("--mentee", mentee)] {
            guard let value else {
                if asking { continue }
                throw ValidationError(
                    "\(option) is missing: journal init --mentor \"Name <email>\" --mentee \"Name <email>\" "
                        + "(on a terminal, journal asks for them)")
            }
            guard Person(parsing: value) == nil else { continue }
            throw ValidationError("\(option) wants \"Name <email>\" or a name, not `\(value)`")
        }
        if let cadence, Cadence(cadence) == nil {
            throw ValidationError(
                "--cadence wants weekly, biweekly, monthly or every N days|weeks|months, not `\(cadence)`")
        }
        if let remote, remote.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--remote wants the URL of the shared repository")
        }
    }

    func run() throws {
        let folder = URL(fileURLWithPath: directory, relativeTo: try global.workingDirectory())
            .standardizedFileURL
        try NewMentorship.refuseExisting(folder)
        let repository = try NewMentorship.repository(holding: folder)
        // Everything that could stop the commit is asked before a file is written.
        let answers = try ask(known: GitIdentity.configured(in: repository), repository: repository)
        let started = try NewMentorship.start(
            MentorshipRequest(
                mentor: answers.mentor, mentee: answers.mentee, cadence: answers.cadence,
                remote: answers.remote,
                identity: answers.identity),
            in: folder, repository: repository, binary: RunningBinary.path, started: global.resolvedToday)
        print("Started the mentorship in \(folder.path):")
        for path in started.written { print("  \(path)") }
        if started.madeRepository {
            print("Its history is kept in that folder (a git repository), ready to share.")
        }
        if let commit = started.commit { print("Saved: \(commit.summary).") }
        if !started.checksCommits {
            printError("journal: note: entries are not checked before each commit here.")
        }
        if let remote = started.remote {
            print(
                "Next: fill in agreement.md together, then `journal sync` sends the journal to the shared copy "
                    + "(\(sharedCopyName(remote))). Your partner gets their copy with `journal join \(redact(remote))`."
            )
        } else {
            print(
                "Next: fill in agreement.md together, and write your first goal with `journal new goal \"TITLE\"`. "
                    + "To share the journal, make an empty private repository on your git host and run "
                    + "`journal sync --remote URL` (docs/getting-started.md).")
        }
    }

    /// The flags' values, and on a terminal the answers to what they leave out; the git
    /// identity is asked for when git does not know it (a commit needs it).
    private func ask(known: GitIdentity, repository: GitRepository?) throws -> Answers {
        let asking = Prompt.available && !noPrompt
        var identity: (name: String, email: String)?
        if !known.isComplete {
            guard asking else {
                throw Failure(
                    message: "this computer does not say who you are yet, and journal records your name with "
                        + "each saved change; nothing was written. Run journal init on a terminal to be asked, "
                        + "or set it with `git config --global user.name \"Ada Lovelace\"` and "
                        + "`git config --global user.email ada@example.org`, then run journal init again.",
                    status: .failure)
            }
        }
        if asking && (mentor == nil || mentee == nil || cadence == nil || remote == nil || !known.isComplete)
        {
            print("Starting a mentorship. Press Enter to take the suggestion in [brackets].")
        }
        func person(_ given: String?, _ role: String, suggested: String?) throws -> String {
            if let given { return given }
            let answer = Prompt.ask("The \(role), as Name <email>", suggested: suggested) { text in
                Person(parsing: text) == nil
                    ? "Type a name, and an email in <angle brackets> if you like." : nil
            }
            guard let answer, !answer.isEmpty else {
                throw Failure(message: "no \(role) was given; nothing was written", status: .usage)
            }
            return answer
        }
        if !known.isComplete {
            let name = Prompt.ask("Your name (recorded with each saved change)", suggested: known.name ?? "")
            {
                $0.isEmpty ? "Please type your name." : nil
            }
            let email = Prompt.ask("Your email", suggested: known.email ?? "") {
                $0.contains("@") ? nil : "An email address has an @ in it."
            }
            guard let name, let email else {
                throw Failure(message: "no name was given; nothing was written", status: .usage)
            }
            identity = (name, email)
        }
        let me =
            identity.map { "\($0.name) <\($0.email)>" }
            ?? known.name.map { name in known.email.map { "\(name) <\($0)>" } ?? name }
        let theMentor = try person(mentor, "mentor", suggested: me)
        let theMentee = try person(mentee, "mentee", suggested: nil)
        var theCadence = cadence ?? "biweekly"
        if cadence == nil && asking {
            theCadence =
                Prompt.ask(
                    "How often you meet (weekly, biweekly, monthly, every N weeks)", suggested: "biweekly"
                ) {
                    Cadence($0) == nil ? "Try weekly, biweekly, monthly or every 3 weeks." : nil
                } ?? "biweekly"
        }
        var theRemote = remote
        if remote == nil && asking && repository?.remoteURL("origin") == nil {
            let answer = Prompt.ask(
                "Where the shared copy lives: the address of an empty private repository on your git host "
                    + "(Enter to skip; docs/getting-started.md shows how to make one)", suggested: "")
            if let answer, !answer.isEmpty { theRemote = answer }
        }
        return Answers(
            mentor: theMentor, mentee: theMentee, cadence: theCadence, remote: theRemote, identity: identity)
    }
}
