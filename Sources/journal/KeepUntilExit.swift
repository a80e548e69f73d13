/// Values a command is done with just before the process ends. Freeing a parsed journal of
/// 20,000 entries one object at a time takes about 50 ms on one core after the output is
/// written; the system takes back the whole address space at exit in one step instead.
enum KeepUntilExit {
    /// Only the main thread, which runs the commands, touches this.
    nonisolated(unsafe) private static var kept: [Any] = []

    /// Holds `value` until the process exits.
    static func keep(_ value: Any) {
        kept.append(value)
    }
}
