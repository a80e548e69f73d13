import Foundation
import JournalGit
import JournalKit
import JournalWorkspace

/// The person's own editor, found as git finds it (`GitEditor`).
enum Editor {
    /// Opens `file` in the editor and waits for it; then lints the file and prints its problems.
    static func open(_ file: URL, path: String, global: GlobalOptions) throws {
        let environment = ProcessInfo.processInfo.environment
        let (command, _) = GitEditor.command(
            environment: environment, directory: file.deletingLastPathComponent(),
            personal: UserSettings.current.editor)
        // Through the shell, as git runs its editor: `code --wait` and quoted paths work as typed.
        let status = try run(
            ["/bin/sh", "-c", command + " \"$1\"", "sh", file.path], command: command, path: path)
        if status != 0 {
            printError(
                "journal: the editor `\(command)` exited with status \(status); \(path) is kept as it is now."
            )
        }
        let journal = readJournal(
            holding: file.deletingLastPathComponent(), cache: GlobalOptions.defaultCache())
        let problems = lint(journal, today: global.resolvedToday).filter { $0.path == path }
        if problems.isEmpty {
            print("\(path): no problems found")
        } else {
            let result = LintResult(diagnostics: problems, files: 1)
            print(
                LintTextReporter(style: TerminalStyle(colour: global.colour)).report(result), terminator: "")
        }
    }

    /// Runs the editor in journal's own process group, so that it stays the terminal's
    /// foreground job (Foundation's Process gives a child a group of its own, where a terminal
    /// editor is stopped as soon as it reads the keyboard). Returns the exit status.
    private static func run(_ arguments: [String], command: String, path: String) throws -> Int32 {
        let cArguments: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Like git: Ctrl-C is meant for the editor, so journal ignores it meanwhile, while the
        // editor starts with the default handling.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGQUIT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        let previousInterrupt = signal(SIGINT, SIG_IGN)
        let previousQuit = signal(SIGQUIT, SIG_IGN)
        defer {
            signal(SIGINT, previousInterrupt)
            signal(SIGQUIT, previousQuit)
        }
        // What journal printed so far (the path) must appear before the editor takes the screen.
        fflush(nil)
        var pid: pid_t = 0
        let spawned = cArguments.withUnsafeBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return EINVAL }
            return posix_spawn(&pid, "/bin/sh", nil, &attributes, base, environ)
        }
        guard spawned == 0 else {
            throw Failure(
                message: "cannot start the editor `\(command)`: \(String(cString: strerror(spawned))). "
                    + "The entry is written; open \(path) yourself, or name your editor in EDITOR or "
                    + "git's core.editor.",
                status: .failure)
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return 1 }
        }
        // The wait status holds the exit code in its second byte when the low bits say "exited".
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
