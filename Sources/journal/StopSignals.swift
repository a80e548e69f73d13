import Foundation

/// Ctrl-C (SIGINT) or a shutdown's SIGTERM while `sync` works: the process stops at once, as a
/// power cut would stop it, and says what happens next. What it was writing is undone by the
/// next `journal sync`, `commit` or `status` (`SyncRecord`), so stopping is safe.
enum StopSignals {
    /// Made before a handler is installed: a handler may only write what is already there.
    nonisolated(unsafe) private static let message = strdup(
        "\njournal: stopped. Nothing is lost: the next `journal sync` (or `journal status`) "
            + "finishes or undoes what this one left.\n")

    static func sayWhatHappensNext() {
        guard message != nil else { return }
        for stop in [SIGINT, SIGTERM] {
            signal(stop) { number in
                // Only what is safe in a signal handler: one write, then the end.
                if let text = StopSignals.message { _ = write(STDERR_FILENO, text, strlen(text)) }
                _exit(128 + number)
            }
        }
    }
}
