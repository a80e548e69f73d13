import Foundation

/// The fixtures of the end-to-end tests, found from this source file.
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// What a run of the built `journal` binary printed and how it exited.
struct Run {
    var stdout: String
    var stderr: String
    var status: Int32

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
    let process = Process()
    process.executableURL = try journalBinary()
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "JOURNAL_TODAY")
    env.removeValue(forKey: "NO_COLOR")
    // The fixtures live inside this project's own git repository; the ceiling keeps its
    // history out of the reports' `activity`.
    env["GIT_CEILING_DIRECTORIES"] = fixtures.path
    // Never the user's own ~/.cache: one cache folder for the whole test run.
    env["JOURNAL_CACHE_DIR"] = testCache.path
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes before waiting so that a large output cannot block the child.
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
        stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
        status: process.terminationStatus)
}

/// A fresh temporary folder.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
        "journal-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Runs any program in the fixtures folder and returns its standard output.
func run(_ program: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    process.currentDirectoryURL = fixtures
    var environment = ProcessInfo.processInfo.environment
    environment.removeValue(forKey: "NO_COLOR")
    environment["GIT_CEILING_DIRECTORIES"] = fixtures.path
    process.environment = environment
    let out = Pipe()
    process.standardOutput = out
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}
