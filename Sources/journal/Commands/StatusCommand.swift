import ArgumentParser
import Foundation
import JournalGit
import JournalKit
import JournalWorkspace

/// `journal status`: what changed since the last commit, entry by entry, and where the
/// branch stands against the shared repository.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show what changed since the last commit, and whether the journal is shared.")

    @OptionGroup var global: GlobalOptions

    @Flag(name: .shortAndLong, help: "Also say where the journal stands in git's own words.")
    var verbose = false

    func run() throws {
        let opened = try OpenedJournal(
            workingDirectory: try global.journalDirectory(allowingRepository: true), path: nil,
            mentorships: [], cache: global.cache, today: global.resolvedToday, requireMentorship: false)
        let status = try opened.status()
        if let recovered = status.recovered { printError(recovered) }
        let style = TerminalStyle(colour: global.colour)
        var lines = [standing(status.standing) + (verbose ? " [git: \(status.gitWords)]" : "")]
        if status.merging { lines += merge(status, style) }
        lines += changes(status, style)
        for path in status.trackedPrivate {
            lines.append(
                style.red("Private but tracked by git: \(path)")
                    + " (journal commits none of its private changes; `git rm --cached \(shellQuoted(path))` stops sharing it)"
            )
        }
        if let backup = status.backup { lines.append(backup) }
        let lintLine =
            "Lint: \(status.errors) error\(status.errors == 1 ? "" : "s"), \(status.warnings) warning"
            + (status.warnings == 1 ? "" : "s")
            + (status.errors + status.warnings > 0 ? " (`journal lint` lists them)." : ".")
        lines += ["", status.errors > 0 ? style.red(lintLine) : lintLine]
        print(lines.joined(separator: "\n"))
    }

    /// Where the journal stands, in one sentence.
    private func standing(_ standing: JournalStatus.Standing) -> String {
        switch standing {
        case .earlierVersion: "This folder shows an earlier version of the journal, not the current one."
        case .nothingSaved: "Nothing saved yet."
        case .inStep(let place): "In step with \(place), as of the last sync."
        case .apart(let ahead, let behind, let place):
            "As of the last sync, \(changes(ahead)) to send to \(place) and \(changes(behind)) "
                + "to receive (`journal sync` does both)."
        case .notSentYet(let place):
            "Saved on this computer, not sent to \(place) yet: `journal sync` sends it."
        case .notShared:
            "Kept on this computer only, not shared yet: `journal sync --remote URL` shares it "
                + "(docs/getting-started.md says how to make a shared copy)."
        }
    }

    /// The merge waiting to be finished.
    private func merge(_ status: JournalStatus, _ style: TerminalStyle) -> [String] {
        var lines = ["", style.yellow("A merge from the last sync is waiting to be finished.")]
        if !status.unresolved.isEmpty {
            lines.append("These files still hold both versions, between <<<<<<< and >>>>>>> lines:")
            lines += status.unresolved.map { "  " + style.red($0) }
        }
        if !status.resolved.isEmpty {
            lines.append("Resolved, to be committed by the next `journal sync`:")
            lines += status.resolved.map { "  " + $0 }
        }
        return lines
    }

    /// The changes since the last commit, by mentorship, then by kind.
    private func changes(_ status: JournalStatus, _ style: TerminalStyle) -> [String] {
        var lines = [
            "",
            status.shareableCount == 0
                ? "No change since the last commit."
                : "Changes since the last commit (`journal commit` records them):",
        ]
        for name in Set(status.changes.map(\.group)).sorted() {
            lines.append("  " + style.bold(name))
            let text = { (change: JournalStatus.Change) -> String in
                guard change.isPrivate else {
                    return (change.verb ?? "").padding(toLength: 9, withPad: " ", startingAt: 0)
                        + "\(change.description)  " + style.dim(change.path)
                }
                let why =
                    change.privateReason.map { "(stays on this computer: \($0))" }
                    ?? "(stays on this computer)"
                return "private  " + change.description + "  " + style.dim(change.path) + "  "
                    + style.yellow(why)
            }
            let rows = status.changes.filter { $0.group == name }.map { ($0.order, text($0)) }
            lines += rows.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map { "    " + $0.1 }
        }
        return lines
    }

    private func changes(_ count: Int) -> String { count == 1 ? "1 saved change" : "\(count) saved changes" }
}
