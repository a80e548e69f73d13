import ArgumentParser
import Foundation
import JournalGit
import JournalKit
import JournalWorkspace

/// `journal join URL [DIR]`: the partner's own copy of the shared journal, ready to sync.
struct JoinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join",
        abstract: "Get your own copy of the journal your partner shares, ready to write in and sync.",
        discussion: """
            Copies the shared journal at URL (the address your partner gave you, as their git host \
            shows it) into DIR (default: the last part of the URL), with the same logins as \
            `journal sync`: git's credential helpers, JOURNAL_GIT_TOKEN, ssh keys and ~/.ssh/config, \
            the proxy and certificates git is told about. It is set up as `journal init` sets one up: \
            entries are merged by journal, and checked before each commit. On a terminal, journal asks \
            for your name and email when git does not know them yet.
            Exit codes: 0 joined; 1 failure; 2 bad usage (DIR is not empty); 4 the shared copy cannot \
            be reached, or refused the login.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The address of the shared journal (https://…, ssh://…, git@host:path, or a folder).")
    var url: String

    @Argument(
        help: "The folder for your copy (default: the last part of URL); must be new or empty.",
        completion: .directory)
    var directory: String?

    func validate() throws {
        if url.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("journal join wants the address of the shared journal")
        }
    }

    func run() throws {
        let base = try global.workingDirectory()
        let folder = URL(
            fileURLWithPath: directory ?? JoinJournal.defaultFolder(for: url), relativeTo: base
        ).standardizedFileURL
        try JoinJournal.refuseOccupied(folder)
        Prompt.offerLogin()
        StopSignals.sayWhatHappensNext(StopSignals.afterJoin)
        let joined = try JoinJournal.join(
            url: absoluteAddress(url, from: base), into: folder,
            environment: ProcessInfo.processInfo.environment,
            binary: RunningBinary.path)
        let changes = joined.changes == 1 ? "1 saved change" : "\(joined.changes) saved changes"
        let by = joined.authors.isEmpty ? "" : " by \(joined.authors.joined(separator: " and "))"
        print("Your copy of the shared journal is in \(folder.path) (\(changes)\(by)).")
        try checkIdentity(joined.repository)
        let relative = directory ?? JoinJournal.defaultFolder(for: url)
        print(
            "Next: cd \(shellQuoted(relative)), read agreement.md, write with `journal new reflection` "
                + "(or `journal new session` after you meet), and run `journal sync` to send your words and "
                + "receive your partner's.")
    }

    /// A commit records who made it: asked on a terminal, else said plainly.
    private func checkIdentity(_ repository: GitRepository) throws {
        let known = GitIdentity.configured(in: repository)
        guard !known.isComplete else { return }
        guard Prompt.available else {
            printError(
                "journal: warning: this computer does not say who you are yet, and `journal sync` records "
                    + "your name with each change. Run journal join on a terminal to be asked, or set it for "
                    + "every journal with `git config --global user.name \"Your Name\"` and "
                    + "`git config --global user.email you@example.org`.")
            return
        }
        print("Your changes are saved with your name and email, so that your partner sees who wrote what.")
        let name = Prompt.ask("Your name", suggested: known.name ?? "") {
            $0.isEmpty ? "Please type your name." : nil
        }
        let email = Prompt.ask("Your email", suggested: known.email ?? "") {
            $0.contains("@") ? nil : "An email address has an @ in it."
        }
        guard let name, let email else {
            printError(
                "journal: warning: no name was given. Before your first sync, run journal join's question "
                    + "again with `git config user.name \"Your Name\"` and `git config user.email you@example.org` "
                    + "in this folder.")
            return
        }
        do {
            try repository.setIdentity(name: name, email: email)
        } catch let error as GitError {
            throw failure(error)
        }
        print("Saved: changes in this journal are recorded as \(name) <\(email)>.")
    }
}
