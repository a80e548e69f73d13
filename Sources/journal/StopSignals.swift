import Foundation

/// Ctrl-C (SIGINT) or a shutdown's SIGTERM while `sync` or `join` works: the process stops at
/// once, as a power cut would stop it, and says what happens next. What it was writing is
/// undone by the next command (`SyncRecord` for a sync, the joining note for a join), so
/// stopping is safe.
enum StopSignals {
    /// Made before a handler is installed: a handler may only write what is already there.
    nonisolated(unsafe) private static var message: UnsafeMutablePointer<CChar>?

    /// For `journal sync`.
    static let afterSync =
        "journal: stopped. Nothing is lost: the next `journal sync` (or `journal status`) finishes or undoes "
        + "what this one left."
    /// For `journal join`.
    static let afterJoin =
        "journal: stopped before your copy was complete. Run the same `journal join` again: it starts over."

    static func sayWhatHappensNext(_ text: String) {
        message = strdup("\n" + text + "\n")
        guard message != nil else { return }
        // A program that started journal may have blocked these signals for its own children.
        var stops = sigset_t()
        sigemptyset(&stops)
        for stop in [SIGINT, SIGTERM] {
            sigaddset(&stops, stop)
        }
        pthread_sigmask(SIG_UNBLOCK, &stops, nil)
        for stop in [SIGINT, SIGTERM] {
            signal(stop) { number in
                // Only what is safe in a signal handler: one write, then the end.
                if let text = StopSignals.message { _ = write(STDERR_FILENO, text, strlen(text)) }
                _exit(128 + number)
            }
        }
    }
}
