import Foundation

/// A new temporary folder named `prefix-UUID`, holding `files` (path relative to the folder,
/// then content).
public func makeFolder(prefix: String, files: [String: String] = [:]) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (path, content) in files {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(content.utf8).write(to: url)
    }
    return folder
}

/// What a run of a program printed and how it ended.
public struct ProgramRun: Sendable {
    /// Standard output, as text.
    public var stdout: String
    /// Standard error, as text.
    public var stderr: String
    /// The exit status.
    public var status: Int32
    /// Whether it was killed for running past its time.
    public var timedOut: Bool
}

/// Runs a program to its end with standard input empty, killing it after `timeout` seconds
/// when one is given. Both pipes are read on threads of their own while the program runs, so
/// that neither filling up can stall it.
public func runProgram(
    _ executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil,
    timeout: TimeInterval? = nil
) throws -> ProgramRun {
    let (process, out, err) = try startProgram(executable, arguments, in: directory, environment: environment)
    let output = PipeText(out)
    let errors = PipeText(err)
    var timedOut = false
    if let timeout {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                timedOut = true
                process.terminate()
                break
            }
            usleep(10_000)
        }
    }
    process.waitUntilExit()
    // A killed program's children may still hold the pipes open: wait a little, not forever.
    return ProgramRun(
        stdout: String(decoding: output.wait(), as: UTF8.self),
        stderr: String(decoding: errors.wait(), as: UTF8.self),
        status: process.terminationStatus, timedOut: timedOut)
}

/// Starts a program with standard input empty and both outputs piped, without waiting for it.
public func startProgram(
    _ executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil
) throws -> (Process, Pipe, Pipe) {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if let environment { process.environment = environment }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    return (process, out, err)
}

/// Everything a pipe gives until it closes, read on a thread of its own.
private final class PipeText: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ pipe: Pipe) {
        let handle = pipe.fileHandleForReading
        Thread {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }.start()
    }

    /// The text, once the pipe has closed or five seconds after asking.
    func wait() -> Data {
        _ = done.wait(timeout: .now() + 5)
        return data
    }
}
