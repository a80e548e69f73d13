import ArgumentParser
import Foundation
import JournalGit
import JournalKit
import JournalWorkspace

/// `journal private`: the encrypted backup of your private entries in the shared journal.
struct PrivateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "private",
        abstract: "Keep an encrypted backup of your private entries that only you can read.",
        discussion: """
            Your private entries never leave this computer as words anyone else can read. With the \
            backup on, each is also kept in the shared journal as a file encrypted to your own key \
            (.journal/vault/), so that a lost computer loses none of them and your other computers \
            get them too. Your key stays on your computers; the journal holds it only locked with \
            your passphrase. See docs/privacy.md.
            """,
        subcommands: [Backup.self, Unlock.self, Passphrase.self])

    /// Options every `private` command takes.
    struct Person: ParsableArguments {
        @OptionGroup var global: GlobalOptions
        @Option(
            name: .customLong("as"),
            help: "Your handle (default: the one git's user.email or user.name gives).")
        var handle: String?

        /// The journal, and the person's backup in it.
        func open() throws -> (shared: JournalRepository, backup: PrivateBackup) {
            let shared = try JournalRepository(
                workingDirectory: try global.journalDirectory(allowingRepository: true), cache: global.cache,
                parse: handle == nil)
            guard let handle = handle ?? shared.ownHandle() else {
                throw Failure(
                    message: "journal does not know who you are: give your handle with --as", status: .usage)
            }
            do {
                return (
                    shared,
                    try shared.privateBackup(handle: handle, environment: ProcessInfo.processInfo.environment)
                )
            } catch let problem as PrivateBackup.Problem {
                throw Failure(message: problem.description, status: .usage)
            }
        }
    }

    /// A passphrase: asked twice without echo on a terminal, else the first line of standard input.
    static func passphrase(confirm: Bool, question: String = "Passphrase") throws -> String {
        if isatty(STDIN_FILENO) == 1 {
            guard let first = Prompt.askSecret("\(question) (not shown as you type)"), !first.isEmpty else {
                throw Failure(message: "no passphrase given; nothing was changed", status: .usage)
            }
            if confirm {
                guard Prompt.askSecret("The same passphrase again") == first else {
                    throw Failure(message: "the two passphrases differ; nothing was changed", status: .usage)
                }
            }
            return first
        }
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw Failure(
                message:
                    "journal needs your passphrase: run this in a terminal, or give it on standard input",
                status: .usage)
        }
        return line
    }

    /// Commits what the command changed in the journal (`journal commit`'s way), naming it.
    static func save(_ shared: JournalRepository, _ message: String) throws {
        let result = try shared.commit(message: message)
        printAll(result.warnings)
        if let commit = result.commit { print("Saved \(commit.id.prefix(7)): \(commit.summary)") }
    }

    /// Runs `body`, turning the backup's problems into messages with exit 1.
    static func plainly<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let problem as PrivateBackup.Problem {
            throw Failure(message: problem.description, status: .failure)
        }
    }

    /// `journal private backup on|off|status`.
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Turn the encrypted backup of your private entries on or off, or see its state.",
            discussion: """
                on: makes your key, asks for a passphrase twice, and writes the encrypted copies of \
                your private entries; the next `journal commit` or `journal sync` shares them. \
                off: removes them (history keeps the old encrypted copies; your key stays here). \
                Exit codes: 0 done, 1 failure, 2 usage.
                """)

        enum Action: String, ExpressibleByArgument, CaseIterable { case on, off, status, rotate }

        @Argument(help: "on, off, status, or rotate (a new key; every encrypted copy written again)")
        var action: Action
        @Option(
            name: .customLong("add-key"), help: "With on or status: also encrypt to this age1… key of yours.")
        var addKey: String?
        @OptionGroup var person: Person

        func run() throws {
            let (shared, backup) = try person.open()
            switch action {
            case .status:
                let status = backup.status()
                print("Backup of \(backup.handle)'s private entries: \(status.on ? "on" : "off").")
                if status.on {
                    print(
                        status.unlocked
                            ? "Your key is on this computer; \(status.backedUp) private "
                                + (status.backedUp == 1 ? "entry is" : "entries are") + " backed up."
                            : "Your key is not on this computer yet: run `journal private unlock`.")
                }
            case .on:
                let passphrase = try PrivateCommand.passphrase(confirm: true)
                let written = try PrivateCommand.plainly {
                    try backup.turnOn(passphrase: passphrase, privateEntries: shared.privateEntries())
                }
                try shared.setBackupOwner(backup.handle)
                try PrivateCommand.save(
                    shared, "Start the encrypted backup of \(backup.handle)'s private entries")
                print(
                    "The backup is on: \(written) private \(written == 1 ? "entry is" : "entries are") encrypted to your key."
                )
                print(
                    "Run `journal sync` to send them. On another computer, run `journal private unlock`."
                )
                print("Keep your passphrase safe: without it, a new computer cannot open the backup.")
            case .rotate:
                let passphrase = try PrivateCommand.passphrase(
                    confirm: true, question: "Passphrase for the new key")
                let count = try PrivateCommand.plainly { try backup.rotate(passphrase: passphrase) }
                try PrivateCommand.save(shared, "Encrypt \(backup.handle)'s private entries to a new key")
                print(
                    "A new key: \(count) encrypted \(count == 1 ? "copy" : "copies") written again for it alone."
                )
                print(
                    "Run `journal sync` to share them. The shared history keeps the old copies, which the old key opens."
                )
            case .off:
                let removed = try PrivateCommand.plainly { try backup.turnOff() }
                try shared.setBackupOwner(nil)
                try PrivateCommand.save(
                    shared, "Stop the encrypted backup of \(backup.handle)'s private entries")
                print("The backup is off: \(removed) encrypted \(removed == 1 ? "copy" : "copies") removed.")
                print(
                    "Run `journal sync` to remove them from the shared journal; its history keeps the old ones."
                )
            }
            if let addKey {
                let count = try PrivateCommand.plainly { try backup.addRecipient(addKey) }
                try PrivateCommand.save(
                    shared, "Encrypt \(backup.handle)'s private entries to another key too")
                print(
                    "Added the key \(addKey): \(count) encrypted \(count == 1 ? "copy" : "copies") written again."
                )
            }
        }

        func validate() throws {
            if addKey != nil, action != .on, action != .status {
                throw ValidationError("--add-key goes with `on` or `status`")
            }
        }
    }

    /// `journal private unlock`.
    struct Unlock: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "On a new computer: open your backup with your passphrase and bring back your private entries."
        )

        @OptionGroup var person: Person

        func run() throws {
            let (shared, backup) = try person.open()
            let passphrase = try PrivateCommand.passphrase(confirm: false)
            let restored = try PrivateCommand.plainly { try backup.unlock(passphrase: passphrase) }
            try shared.setBackupOwner(backup.handle)
            // The entries brought back are private here too: git is told to leave them alone.
            _ = try JournalRepository(
                workingDirectory: try person.global.journalDirectory(allowingRepository: true),
                cache: person.global.cache,
                parse: true
            ).keepPrivateEntriesLocal()
            print("Unlocked: \(restored) private \(restored == 1 ? "entry" : "entries") brought back.")
        }
    }

    /// `journal private passphrase`.
    struct Passphrase: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change the passphrase that locks your key in the journal.")

        @OptionGroup var person: Person

        func run() throws {
            let (shared, backup) = try person.open()
            let passphrase = try PrivateCommand.passphrase(confirm: true, question: "New passphrase")
            try PrivateCommand.plainly { try backup.changePassphrase(to: passphrase) }
            try PrivateCommand.save(shared, "Lock \(backup.handle)'s key with a new passphrase")
            print("Changed: the next `journal sync` sends your key locked with the new passphrase.")
        }
    }
}
