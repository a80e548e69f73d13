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
        // Both outputs are read and the input written by one poll loop on this thread: many
        // programs may run at once (a programme fetches through several), and reader threads
        // taken from the shared pool would wait on each other.
        let collected = exchange(
            input: [UInt8](input), with: stdin.fileHandleForWriting, output: stdout.fileHandleForReading,
            errors: stderr.fileHandleForReading)
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, output: Data(collected.output),
            errors: String(decoding: collected.errors, as: UTF8.self))
    }

    /// Writes `input` and reads both outputs until the program closes them. A program that
    /// stops reading early must not stop journal: SIGPIPE is ignored, and a failed write is its
    /// business.
    private static func exchange(
        input: [UInt8], with writer: FileHandle, output: FileHandle, errors: FileHandle
    ) -> (output: [UInt8], errors: [UInt8]) {
        let inFD = writer.fileDescriptor
        let outFD = output.fileDescriptor
        let errFD = errors.fileDescriptor
        var written = 0
        var inputOpen = true
        if input.isEmpty {
            try? writer.close()
            inputOpen = false
        } else {
            _ = fcntl(inFD, F_SETFL, fcntl(inFD, F_GETFL) | O_NONBLOCK)
        }
        var outputOpen = true
        var errorsOpen = true
        var collected: (output: [UInt8], errors: [UInt8]) = ([], [])
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while outputOpen || errorsOpen {
            var watched: [pollfd] = []
            if outputOpen { watched.append(pollfd(fd: outFD, events: Int16(POLLIN), revents: 0)) }
            if errorsOpen { watched.append(pollfd(fd: errFD, events: Int16(POLLIN), revents: 0)) }
            if inputOpen { watched.append(pollfd(fd: inFD, events: Int16(POLLOUT), revents: 0)) }
            if poll(&watched, nfds_t(watched.count), -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            for entry in watched where entry.revents != 0 {
                if entry.fd == inFD {
                    let count = input.withUnsafeBytes { bytes -> Int in
                        guard let base = bytes.baseAddress else { return -1 }
                        return write(inFD, base + written, input.count - written)
                    }
                    if count > 0 { written += count }
                    if written == input.count || (count < 0 && errno != EAGAIN && errno != EINTR) {
                        try? writer.close()
                        inputOpen = false
                    }
                    continue
                }
                let count = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    if entry.fd == outFD {
                        collected.output.append(contentsOf: buffer[0..<count])
                    } else {
                        collected.errors.append(contentsOf: buffer[0..<count])
                    }
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    if entry.fd == outFD { outputOpen = false } else { errorsOpen = false }
                }
            }
        }
        if inputOpen { try? writer.close() }
        return collected
    }

    /// Runs a shell command line, as git runs `!helpers` and aliases.
    static func shell(_ command: String, input: Data, environment: [String: String]) -> Result? {
        run(URL(fileURLWithPath: "/bin/sh"), ["-c", command], input: input, environment: environment)
    }
}
