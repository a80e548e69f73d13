import Foundation

/// A program git would run (a credential helper, a signing program, a remote's hook), run
/// the same way: its input written, both outputs read while it runs (neither filling up can
/// stall it), and nothing it prints reaching journal's own output.
enum ExternalProgram {
    struct Result {
        var status: Int32
        var output: Data
        var errors: String
    }

    /// Runs `executable` with `arguments`; nil when it could not be started.
    static func run(
        _ executable: URL, _ arguments: [String], input: Data, environment: [String: String],
        directory: URL? = nil
    ) -> Result? {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        if let directory { process.currentDirectoryURL = directory }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do { try process.run() } catch { return nil }
        let group = DispatchGroup()
        let output = Collected()
        let errors = Collected()
        let out = stdout.fileHandleForReading
        let err = stderr.fileHandleForReading
        DispatchQueue.global().async(group: group) { output.data = out.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errors.data = err.readDataToEndOfFile() }
        // A program that stops reading early must not stop journal: SIGPIPE is ignored, and a
        // failed write is its business.
        try? stdin.fileHandleForWriting.write(contentsOf: input)
        try? stdin.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, output: output.data,
            errors: String(decoding: errors.data, as: UTF8.self))
    }

    /// Runs a shell command line, as git runs `!helpers` and aliases.
    static func shell(_ command: String, input: Data, environment: [String: String]) -> Result? {
        run(URL(fileURLWithPath: "/bin/sh"), ["-c", command], input: input, environment: environment)
    }
}

/// What one reading thread collected; read only after its group finished.
private final class Collected: @unchecked Sendable {
    var data = Data()
}
