import ArgumentParser
import Foundation
import JournalGit
import JournalKit
import JournalWorkspace

/// `journal programme`: many pairs, each in its own repository, read from the git host.
struct ProgrammeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "programme",
        abstract: "Follow many pairs, each in its own repository: a coordinator's overview.",
        discussion: """
            The pairs are listed in programme.yml (docs/programme.md): each a repository URL, with \
            an optional name, cohort, branch and folder. `journal programme report` fetches each \
            into a mirror in the cache folder and reads its journal from git, without a checkout.
            """,
        subcommands: [Add.self, Remove.self, List.self, Report.self, FetchMirror.self])

    /// The programme file every subcommand reads.
    struct FileOption: ParsableArguments {
        @Option(
            name: .customLong("file"), help: ArgumentHelp("The programme file.", valueName: "PATH"),
            completion: .file(extensions: ["yml", "yaml"]))
        var path: String = ProgrammeFile.defaultName

        func url(_ base: URL) -> URL { URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL }

        /// The file as read, with every problem an error that names its line; an absent file is empty.
        func read(_ base: URL, mustExist: Bool = true) throws -> ProgrammeFile {
            let url = url(base)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                if mustExist {
                    throw Failure(
                        message:
                            "no programme file at \(url.path): start one with `journal programme add URL`",
                        status: .failure)
                }
                return ProgrammeFile(text: "")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw Failure(message: "\(url.path) is not UTF-8 text", status: .failure)
            }
            let file = ProgrammeFile(text: text)
            if let problem = file.problems.first {
                throw Failure(
                    message: "\(path):\(problem.line):\(problem.column): \(problem.message)"
                        + (file.problems.count > 1 ? " (and \(file.problems.count - 1) more)" : ""),
                    status: .failure)
            }
            return file
        }

        func write(_ text: String, _ base: URL) throws {
            let url = url(base)
            do {
                try AtomicFile.write(
                    Array(text.utf8), to: url.path, mode: AtomicFile.mode(of: url.path) ?? 0o644,
                    replacing: true)
            } catch {
                throw Failure(message: "cannot write \(url.path): \(error)", status: .failure)
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a pair's repository to the programme file.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var file: FileOption
        @Argument(help: "The repository's URL (as `git clone` takes it).") var url: String
        @Option(help: "The name the report shows (the repository's name by default).") var name: String?
        @Option(help: "The cohort the pair belongs to.") var cohort: String?
        @Option(help: "The branch to read (the repository's default branch by default).") var branch: String?
        @Option(help: "The journal's folder inside the repository (its top by default).") var folder: String?

        func run() throws {
            let base = try global.workingDirectory()
            let programme = try file.read(base, mustExist: false)
            if programme.pairs.contains(where: { $0.url == url }) {
                throw Failure(message: "\(url) is in the programme already", status: .usage)
            }
            let pair = ProgrammePair(url: url, name: name, cohort: cohort, branch: branch, folder: folder)
            try file.write(programme.adding(pair), base)
            print(
                "Added \(pair.displayName) (\(url)) to \(file.path); the programme has \(programme.pairs.count + 1) pair\(programme.pairs.isEmpty ? "" : "s")."
            )
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a pair from the programme file (by URL or name).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var file: FileOption
        @Argument(help: "The pair's URL or name.") var which: String

        func run() throws {
            let base = try global.workingDirectory()
            let programme = try file.read(base)
            guard let text = programme.removing(which) else {
                throw Failure(
                    message: "no pair `\(which)` in \(file.path) (`journal programme list` lists them)",
                    status: .usage)
            }
            try file.write(text, base)
            print(
                "Removed \(which) from \(file.path); its mirror stays in the cache until the cache is cleared."
            )
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the pairs of the programme file.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var file: FileOption

        func run() throws {
            let programme = try file.read(try global.workingDirectory())
            if programme.pairs.isEmpty { print("No pair yet: add one with `journal programme add URL`.") }
            for pair in programme.pairs {
                let extras = [
                    pair.cohort.map { "cohort \($0)" }, pair.branch.map { "branch \($0)" },
                    pair.folder.map { "folder \($0)" },
                ]
                .compactMap { $0 }
                print(
                    "\(pair.displayName)  \(pair.url)"
                        + (extras.isEmpty ? "" : "  (" + extras.joined(separator: ", ") + ")"))
            }
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fetch every pair's repository and report on the programme.",
            discussion: """
                Metrics only by default: each pair's attention (at-risk, watch, ok) and why, its last \
                meeting, and totals (by cohort when cohorts are given): what programmes promise their \
                pairs a coordinator sees. --details adds each pair's own report. With --today D, each \
                repository is read as it stood on D (its last commit on or before that day). A pair \
                whose repository cannot be reached or read is listed with the reason; the others \
                are reported all the same.
                Exit codes: 0 reported (even with pairs that could not be read), 1 failure, 2 bad usage.
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var file: FileOption
        @Option(
            help: ArgumentHelp(
                OutputFormats.choices(notes: false) { $0.programme != nil } + ".", valueName: "format"))
        var format: FormatChoice = .text
        @Option(
            help: ArgumentHelp("Write the report here instead of standard output.", valueName: "FILE"),
            completion: .file())
        var output: String?
        @Flag(help: "Add each pair's own report (text, markdown or json).") var details = false
        @Flag(name: .customLong("no-fetch"), help: "Read the mirrors as the last run fetched them.")
        var noFetch = false
        @Option(help: "How many repositories are fetched at once.") var parallel: Int = 8

        func validate() throws {
            if format.format.programme == nil {
                throw ValidationError(
                    "the programme report comes as \(OutputFormats.choices(notes: false) { $0.programme != nil }), "
                        + "not \(format.format.name)")
            }
            if details, format.format.programmeDetails == nil {
                throw ValidationError(
                    "--details goes with --format \(OutputFormats.choices(notes: false) { $0.programmeDetails != nil })"
                )
            }
            if parallel < 1 || parallel > 64 {
                throw ValidationError("--parallel wants 1 to 64, not \(parallel)")
            }
        }

        func run() throws {
            let base = try global.workingDirectory()
            let programme = try file.read(base)
            guard let cache = GlobalOptions.defaultCache()?.folder else {
                throw Failure(
                    message: "the mirrors need a cache folder: set JOURNAL_CACHE_DIR (or HOME) to a folder",
                    status: .failure)
            }
            let environment = ProcessInfo.processInfo.environment
            let day = global.runDay
            let today = day.date
            let asOf = day.isGiven
            let problems = noFetch ? [:] : fetch(programme.pairs, cache: cache, environment: environment)
            let facts = ProgrammeRun.facts(
                programme.pairs, cache: cache, asOf: asOf ? today : nil, today: today, problems: problems,
                keepJournals: details)
            let report = ProgrammeReport.build(facts.map(\.pair), today: today, asOf: asOf)
            let renderer = ProgrammeRenderer(style: TerminalStyle(colour: output == nil && global.colour))
            var combined: JournalKit.Report?
            if details {
                let journals = facts.compactMap(\.journal)
                combined = ReportBuilder.build(
                    journals.flatMap(\.mentorships),
                    diagnostics: journals.flatMap { lint($0, today: today, everythingTracked: true) },
                    options: ReportOptions(today: today))
            }
            let text = try renderer.render(report, as: format.format, details: combined) ?? ""
            try emit(text, to: output, base: base)
        }

        /// Fetches every pair's mirror, saying how far it is on a terminal; what failed, by pair.
        private func fetch(_ pairs: [ProgrammePair], cache: URL, environment: [String: String]) -> [String:
            String]
        {
            guard !pairs.isEmpty else { return [:] }
            let terminal = isatty(STDERR_FILENO) == 1
            let problems = ProgrammeRun.fetch(
                pairs, cache: cache, binary: RunningBinary.path, parallel: parallel, environment: environment
            ) { fetched, failed, left in
                guard terminal else { return }
                var line = "\rFetched \(fetched), failed \(failed), left \(left) "
                _ = line.withUTF8 { writeAll(UnsafeRawBufferPointer($0), to: STDERR_FILENO) }
            }
            if terminal { printError("") }
            return problems
        }
    }

    /// Fetches one mirror: run by `report`, one process per repository, so that a remote that
    /// stops answering ends only its own fetch.
    struct FetchMirror: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fetch-mirror",
            abstract: "Fetch pairs' mirrors, given as URL MIRROR pairs (run by `programme report`).",
            shouldDisplay: false)
        @Argument var items: [String] = []

        /// One line per pair on standard output as each is done (`ok N`, or `error N why`), so
        /// that the caller knows which were done should a stalled remote end this process.
        func run() throws {
            let environment = ProcessInfo.processInfo.environment
            for index in stride(from: 0, to: items.count - 1, by: 2) {
                var line = "ok\t\(index / 2)"
                do {
                    let repository = try GitRepository.mirror(at: URL(fileURLWithPath: items[index + 1]))
                    try repository.updateMirror(url: items[index], environment: environment)
                } catch let error as GitError {
                    line = "error\t\(index / 2)\t" + error.message.replacingOccurrences(of: "\n", with: " ")
                } catch {
                    line = "error\t\(index / 2)\t\(error)".replacingOccurrences(of: "\n", with: " ")
                }
                line += "\n"
                guard line.withUTF8({ writeToStandardOutput(UnsafeRawBufferPointer($0)) }) else { return }
            }
        }
    }
}
