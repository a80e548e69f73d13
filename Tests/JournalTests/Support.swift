import Foundation
import TestSupport

/// The fixtures of the end-to-end tests, found from this source file.
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// What a run of the built `journal` binary printed and how it exited.
typealias Run = ProgramRun

extension ProgramRun {
    /// Standard output parsed as a JSON object.
    func json() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
        guard let dictionary = object as? [String: Any] else { throw RunError.notAnObject }
        return dictionary
    }
}

enum RunError: Error { case notAnObject, noBinary }

/// The `journal` executable built beside the test bundle.
func journalBinary() throws -> URL {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("journal")
    if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
    let build = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug/journal")
    if FileManager.default.isExecutableFile(atPath: build.path) { return build }
    throw RunError.noBinary
}

/// The parse cache of every run of the tests.
let testCache = FileManager.default.temporaryDirectory.appendingPathComponent("journal-e2e-cache-\(getpid())")

/// Runs `journal` with arguments in a folder, with a controlled environment.
func journal(_ arguments: [String], in directory: URL = fixtures, environment: [String: String] = [:]) throws
    -> Run
{
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "JOURNAL_TODAY")
    env.removeValue(forKey: "NO_COLOR")
    // The fixtures live inside this project's own git repository; the ceiling keeps its
    // history out of the reports' `activity`.
    env["GIT_CEILING_DIRECTORIES"] = fixtures.path
    // Never the user's own ~/.cache: one cache folder for the whole test run.
    env["JOURNAL_CACHE_DIR"] = testCache.path
    for (key, value) in environment { env[key] = value }
    return try runProgram(try journalBinary(), arguments, in: directory, environment: env)
}

/// A fresh temporary folder.
func temporaryFolder() throws -> URL { try makeFolder(prefix: "journal-e2e") }

/// Runs any program in the fixtures folder and returns its standard output.
func run(_ program: String, _ arguments: [String]) throws -> String {
    var environment = ProcessInfo.processInfo.environment
    environment.removeValue(forKey: "NO_COLOR")
    environment["GIT_CEILING_DIRECTORIES"] = fixtures.path
    return try runProgram(URL(fileURLWithPath: program), arguments, in: fixtures, environment: environment)
        .stdout
}
