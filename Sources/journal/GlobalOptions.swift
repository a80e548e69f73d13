import ArgumentParser
import Foundation
import JournalKit
import JournalWorkspace

/// Options every subcommand takes, also accepted before the subcommand's name.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .customShort("C"),
        help: ArgumentHelp("Run as if journal was started in PATH.", valueName: "PATH"),
        completion: .directory)
    var directory: String?

    @Option(
        help: ArgumentHelp(
            "The as-of date: what is dated later has not happened yet, and overdue is measured from it "
                + "(default: JOURNAL_TODAY, else the local date).",
            valueName: "YYYY-MM-DD"))
    var today: String?

    @Flag(
        name: .customLong("no-color"),
        help: "Never colour the output (the same as --color never).")
    var noColor = false

    @Option(
        name: .customLong("color"),
        help: ArgumentHelp(
            "always, never or auto: colour on a terminal unless NO_COLOR is set (not empty) or TERM is dumb; "
                + "FORCE_COLOR forces it.", valueName: "WHEN"))
    var color: String?

    @Flag(
        name: .customLong("no-cache"),
        help: "Parse every file, without the cache of files unchanged since the last run.")
    var noCache = false

    /// The names that take a value, for moving global options behind the subcommand name.
    static let valued: Set<String> = ["-C", "--today", "--color"]
    static let flags: Set<String> = ["--no-color", "--no-cache"]

    /// Where parsed entries are kept between runs; nil with `--no-cache`.
    var cache: ParseCache.Location? { noCache ? nil : GlobalOptions.defaultCache() }

    /// `JOURNAL_CACHE_DIR` (empty: no cache), else `$XDG_CACHE_HOME/journal`, else
    /// `~/.cache/journal`: outside the journal, so the cache is never committed or shared.
    static func defaultCache(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> ParseCache.Location? {
        if let folder = environment["JOURNAL_CACHE_DIR"] {
            return folder.isEmpty ? nil : ParseCache.Location(folder: URL(fileURLWithPath: folder))
        }
        if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") {
            return ParseCache.Location(folder: URL(fileURLWithPath: base).appendingPathComponent("journal"))
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return ParseCache.Location(
                folder: URL(fileURLWithPath: home).appendingPathComponent(".cache/journal"))
        }
        return nil
    }

    func validate() throws {
        if let color, ColourChoice(rawValue: color) == nil {
            throw ValidationError("--color wants always, never or auto, not `\(color)`")
        }
        if case .failure(let problem) = RunDay.resolve(
            option: today, environment: ProcessInfo.processInfo.environment)
        {
            throw ValidationError(problem.message)
        }
    }

    /// The run's day (`RunDay`: `--today`, else `JOURNAL_TODAY`, else the local date).
    var runDay: RunDay {
        (try? RunDay.resolve(option: today, environment: ProcessInfo.processInfo.environment).get())
            ?? RunDay(date: CalendarDate.today(), isGiven: false)
    }

    /// "Today", as `runDay` has it.
    var resolvedToday: CalendarDate { runDay.date }

    /// The folder the command runs in.
    func workingDirectory() throws -> URL {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        guard let directory else { return current }
        let url = URL(fileURLWithPath: directory, relativeTo: current).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            throw ValidationError("-C \(directory): no such folder")
        }
        return url
    }

    /// The folder the command runs in, which must be in a journal: elsewhere the command
    /// stops with "no journal here" (exit 2) instead of reading every folder below.
    /// With `allowingRepository`, a git work tree whose journal is yet to come is taken too.
    func journalDirectory(allowingRepository: Bool = false) throws -> URL {
        let folder = try workingDirectory()
        _ = try Failure.requireJournal(holding: folder, allowingRepository: allowingRepository)
        return folder
    }

    /// Whether standard output is coloured (`ColourChoice`).
    var colour: Bool {
        let choice =
            noColor
            ? .never : color.flatMap(ColourChoice.init(rawValue:)) ?? UserSettings.current.colour ?? .auto
        return choice.decide(
            environment: ProcessInfo.processInfo.environment, isTerminal: isatty(STDOUT_FILENO) == 1)
    }

    /// Moves global options written before the subcommand to just after it, so that
    /// `journal --today D report` and `journal report --today D` mean the same.
    /// The commands whose work is done by a subcommand of theirs.
    static let groups: Set<String> = ["hooks", "programme"]

    static func hoist(_ arguments: [String]) -> [String] {
        var globals: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            if valued.contains(argument), index + 1 < arguments.count {
                globals += [argument, arguments[index + 1]]
                index += 2
            } else if valued.contains(name) || flags.contains(argument)
                || (argument.hasPrefix("-C") && argument.count > 2)
            {
                globals.append(argument)
                index += 1
            } else {
                break
            }
        }
        guard !globals.isEmpty, index < arguments.count else { return arguments }
        // A command of commands (`programme report`, `hooks install`): after the inner one.
        var end = index + 1
        if groups.contains(arguments[index]), end < arguments.count, !arguments[end].hasPrefix("-") {
            end += 1
        }
        return Array(arguments[index..<end]) + globals + arguments[end...]
    }
}

/// Writes to standard error, with no control character from a journal or from git: a message
/// naming a file or a person shows their control characters as visible symbols.
func printError(_ message: String) {
    var text = TerminalText.lines(message) + "\n"
    _ = text.withUTF8 { writeAll(UnsafeRawBufferPointer($0), to: STDERR_FILENO) }
}

/// Each message on its own line of standard error.
func printAll(_ messages: [String]) {
    for message in messages { printError(message) }
}

/// Every line the commands print goes through here (it stands in for the standard library's
/// `print` in this module): control characters from a journal or from git are made visible,
/// and only the colours `TerminalStyle` writes are kept.
func print(_ text: String, terminator: String = "\n") {
    Swift.print(TerminalText.lines(text, keepingStyles: true), terminator: terminator)
}

/// Writes `text` to `path` atomically (beside, then renamed), or to standard output.
func emit(_ text: String, to path: String?, base: URL) throws {
    guard path == nil else { return try emit([Array(text.utf8)], to: path, base: base) }
    var text = text
    _ = text.withUTF8 { writeToStandardOutput(UnsafeRawBufferPointer($0)) }
}

/// Writes `parts`, one after the other, to `path` atomically (beside, then renamed), or to
/// standard output straight from the parts' bytes: a program's report runs to megabytes.
func emit(_ parts: [[UInt8]], to path: String?, base: URL) throws {
    guard let path else {
        for part in parts where !part.withUnsafeBytes(writeToStandardOutput) { return }
        return
    }
    let url = URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL
    do {
        try Data(parts.joined()).write(to: url, options: .atomic)
    } catch {
        throw Failure(message: "cannot write \(path): \(error.localizedDescription)", status: .failure)
    }
    print(url.path)
}

/// All of `bytes` to standard output; false when it is closed.
func writeToStandardOutput(_ bytes: UnsafeRawBufferPointer) -> Bool {
    writeAll(bytes, to: STDOUT_FILENO)
}

/// All of `bytes` to `descriptor`; false when it is closed (a reader that went away, such as
/// `| head`, ends the output quietly rather than the program).
func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
    guard var next = bytes.baseAddress else { return true }
    var left = bytes.count
    while left > 0 {
        let written = write(descriptor, next, left)
        if written < 0 && errno == EINTR { continue }
        if written <= 0 { return false }
        next += written
        left -= written
    }
    return true
}
