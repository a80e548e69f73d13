import ArgumentParser

/// The command a person was running, as they would type it for its help: `journal`, `journal
/// report`, `journal programme add`.
enum UsageHint {
    static func command(in arguments: [String]) -> String {
        var words = ["journal"]
        var command: ParsableCommand.Type = JournalCommand.self
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if GlobalOptions.valued.contains(argument) {
                index += 2
                continue
            }
            if argument.hasPrefix("-") {
                index += 1
                continue
            }
            guard
                let inner = command.configuration.subcommands.first(where: {
                    $0._commandName == argument || $0.configuration.aliases.contains(argument)
                })
            else { break }
            words.append(argument)
            command = inner
            index += 1
        }
        return words.joined(separator: " ")
    }
}
