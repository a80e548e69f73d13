import ArgumentParser
import Foundation
import JournalKit
import JournalWorkspace

/// `journal edit`: opens an existing entry in the editor, then lints it.
struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Open an existing entry in your editor (the newest one by default), then lint it.",
        discussion: """
            WHICH is `last` (the newest entry, the default), a kind (goal, session, reflection, \
            evaluation, agreement: the newest of that kind), a goal id, or an entry's path. The \
            editor is found as git finds it: GIT_EDITOR, git's core.editor, VISUAL, EDITOR, then \
            `editor` or `vi`. When standard input is not a terminal, the path is printed and \
            nothing is opened.
            Exit codes: 0 opened (or printed), 1 failure, 2 bad usage (no such entry).
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "last, a kind, a goal id or a path.", completion: .file(extensions: ["md"]))
    var which: String?

    @Option(
        name: .customLong("mentorship"), help: "Only this mentorship.",
        completion: .custom(Completions.mentorships))
    var mentorships: [String] = []

    func run() throws {
        let directory = try global.workingDirectory()
        let opened = try OpenedJournal(
            workingDirectory: directory, path: nil, mentorships: mentorships, cache: global.cache,
            today: global.resolvedToday)
        let entry = try opened.entryToEdit(which)
        print(entry.path)
        guard isatty(STDIN_FILENO) == 1 else { return }
        try Editor.open(
            opened.journal.root.appendingPathComponent(entry.path), path: entry.path, global: global)
    }
}
