import Foundation
import JournalGit
import JournalKit
import JournalWorkspace

/// Values shell completion offers for arguments that name something in the journal.
enum Completions {
    /// The ids of the journal's mentorships.
    @Sendable static func mentorships(_ arguments: [String], _ index: Int, _ prefix: String) -> [String] {
        journal(arguments).mentorships.map(\.id).filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// The ids of the goals, of the mentorship `--mentorship` names when it is given.
    @Sendable static func goals(_ arguments: [String], _ index: Int, _ prefix: String) -> [String] {
        let chosen = value(of: "--mentorship", in: arguments)
        let journal = journal(arguments)
        let ids = journal.mentorships
            .filter { m in chosen.map { m.isNamed($0, root: journal.root) } ?? true }
            .flatMap(\.goals).compactMap(\.goal?.id)
        return Array(Set(ids)).filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// The remotes of the repository the journal is in (`sync --remote`).
    @Sendable static func remotes(_ arguments: [String], _ index: Int, _ prefix: String) -> [String] {
        let root = journal(arguments).root
        guard let repository = (try? GitRepository.discover(at: root)) ?? nil else { return [] }
        return repository.remoteNames().filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// The journal the command line being completed works on (`-C` respected).
    private static func journal(_ arguments: [String]) -> Journal {
        var folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        if let directory = value(of: "-C", in: arguments) {
            folder = URL(fileURLWithPath: directory, relativeTo: folder).standardizedFileURL
        }
        return readJournal(holding: folder, cache: GlobalOptions.defaultCache())
    }

    private static func value(of option: String, in arguments: [String]) -> String? {
        for (index, argument) in arguments.enumerated() {
            if argument == option, index + 1 < arguments.count { return arguments[index + 1] }
            if argument.hasPrefix(option + "=") { return String(argument.dropFirst(option.count + 1)) }
        }
        return nil
    }
}
