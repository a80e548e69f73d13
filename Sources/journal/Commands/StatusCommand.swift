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
            mentorships: [],
            cache: global.cache,
            today: global.resolvedToday, requireMentorship: false)
        let shared = try opened.repository()
        if let recovered = try shared.recoverInterruptedSync() { printError(recovered) }
        let trackedPrivate = try shared.keepPrivateEntriesLocal()
        let status = try shared.repository.status(scope: shared.scope)
        let style = TerminalStyle(colour: global.colour)
        var lines: [String] = []

        let url = shared.repository.remoteURL(
            status.upstream?.split(separator: "/").first.map(String.init) ?? "origin")
        let place = "the shared copy" + (url.map { " (\(sharedCopyName($0)))" } ?? "")
        var where_: String
        if status.branch == nil {
            where_ = "This folder shows an earlier version of the journal, not the current one."
        } else if !status.hasCommits {
            where_ = "Nothing saved yet."
        } else if status.upstream != nil {
            if status.ahead == 0 && status.behind == 0 {
                where_ = "In step with \(place), as of the last sync."
            } else {
                where_ =
                    "As of the last sync, \(changes(status.ahead)) to send to \(place) and \(changes(status.behind)) "
                    + "to receive (`journal sync` does both)."
            }
        } else if url != nil {
            where_ = "Saved on this computer, not sent to \(place) yet: `journal sync` sends it."
        } else {
            where_ =
                "Kept on this computer only, not shared yet: `journal sync --remote URL` shares it "
                + "(docs/getting-started.md says how to make a shared copy)."
        }
        if verbose {
            where_ +=
                " [git: " + (status.branch.map { "branch \($0)" } ?? "no branch")
                + (status.upstream.map { ", tracking \($0)" } ?? "") + "]"
        }
        lines.append(where_)

        if status.merging {
            lines.append("")
            lines.append(style.yellow("A merge from the last sync is waiting to be finished."))
            if !status.unresolved.isEmpty {
                lines.append("These files still hold both versions, between <<<<<<< and >>>>>>> lines:")
                for path in status.unresolved {
                    lines.append("  " + style.red(shared.journalPath(path) ?? path))
                }
            }
            let resolved = status.conflicted.filter { !status.unresolved.contains($0) }
            if !resolved.isEmpty {
                lines.append("Resolved, to be committed by the next `journal sync`:")
                for path in resolved { lines.append("  " + (shared.journalPath(path) ?? path)) }
            }
        }

        // Changes by mentorship, then by kind; private entries are marked as staying here.
        struct Line {
            var group: String
            var order: Int
            var text: String
        }
        var byGroup: [Line] = []
        let journal = shared.layout
        func group(_ path: String) -> String {
            EntryWording.mentorship(of: path, in: journal).map { $0.path == "." ? $0.id : $0.path }
                ?? "other files"
        }
        func order(_ path: String) -> Int {
            EntryWording.kind(of: path, in: journal).flatMap { EntryKind.allCases.firstIndex(of: $0) }
                ?? EntryKind.allCases.count
        }
        // The same decision staging takes: a file kept local is never listed as a change.
        var privateHere: [String: Privacy] = [:]
        for path in shared.privatePaths {
            if let inJournal = shared.journalPath(path) { privateHere[inJournal] = shared.privacy(path) }
        }
        for change in status.changes where change.kind != .deleted {
            guard let path = shared.journalPath(change.path) else { continue }
            let privacy = shared.privacy(change.path)
            if privacy.keepsLocal { privateHere[path] = privacy }
        }
        for change in status.changes {
            guard let path = shared.journalPath(change.path), privateHere[path] == nil else { continue }
            let verb = EntryWording.pastTense(change.kind)
            byGroup.append(
                Line(
                    group: group(path), order: order(path),
                    text: "\(verb.padding(toLength: 9, withPad: " ", startingAt: 0))"
                        + "\(EntryWording.describe(path, in: journal))  " + style.dim(path)))
        }
        for (path, privacy) in privateHere.sorted(by: { $0.key < $1.key }) {
            let why = privacy.reason.map { "(stays on this computer: \($0))" } ?? "(stays on this computer)"
            byGroup.append(
                Line(
                    group: group(path), order: order(path),
                    text: "private  " + EntryWording.describe(path, in: journal) + "  " + style.dim(path)
                        + "  " + style.yellow(why)))
        }
        lines.append("")
        let shareable = byGroup.count - privateHere.count
        lines.append(
            shareable == 0
                ? "No change since the last commit."
                : "Changes since the last commit (`journal commit` records them):")
        for name in Set(byGroup.map(\.group)).sorted() {
            lines.append("  " + style.bold(name))
            for line in byGroup.filter({ $0.group == name }).sorted(by: {
                ($0.order, $0.text) < ($1.order, $1.text)
            }) {
                lines.append("    " + line.text)
            }
        }
        for path in trackedPrivate {
            lines.append(
                style.red("Private but tracked by git: \(path)")
                    + " (journal commits none of its private changes; `git rm --cached \(shellQuoted(path))` stops sharing it)"
            )
        }

        let diagnostics = opened.diagnostics
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        lines.append("")
        let lintLine =
            "Lint: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
            + (errors + warnings > 0 ? " (`journal lint` lists them)." : ".")
        lines.append(errors > 0 ? style.red(lintLine) : lintLine)
        print(lines.joined(separator: "\n"))
    }

    private func changes(_ count: Int) -> String { count == 1 ? "1 saved change" : "\(count) saved changes" }
}
