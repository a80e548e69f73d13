import Foundation

/// The `journal` that is running, as git should run it again (hooks, the merge driver).
enum RunningBinary {
    /// Its full path, links resolved.
    static var path: String {
        if let resolved = realpath("/proc/self/exe", nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let argument = CommandLine.arguments.first ?? "journal"
        return URL(fileURLWithPath: argument).standardizedFileURL.path
    }
}
