import Testing

@testable import JournalKit

@Suite struct ColourChoiceTests {
    @Test func asNoColorAndForceColorSayIt() {
        let auto = ColourChoice.auto
        #expect(auto.decide(environment: [:], isTerminal: true))
        #expect(!auto.decide(environment: [:], isTerminal: false))
        #expect(!auto.decide(environment: ["NO_COLOR": "1"], isTerminal: true))
        #expect(
            auto.decide(environment: ["NO_COLOR": ""], isTerminal: true), "an empty NO_COLOR does not disable"
        )
        #expect(!auto.decide(environment: ["TERM": "dumb"], isTerminal: true))
        #expect(auto.decide(environment: ["FORCE_COLOR": "1"], isTerminal: false))
        #expect(!auto.decide(environment: ["FORCE_COLOR": "0"], isTerminal: false))
        #expect(
            auto.decide(
                environment: ["FORCE_COLOR": "1", "NO_COLOR": "1", "TERM": "dumb"], isTerminal: false))
        #expect(!ColourChoice.never.decide(environment: ["FORCE_COLOR": "1"], isTerminal: true))
        #expect(ColourChoice.always.decide(environment: ["NO_COLOR": "1"], isTerminal: false))
    }

    @Test func aPersonsSettingsAreReadAndTheirMistakesNamed() {
        let settings = UserSettings(
            text: "color: never\neditor: nano -w\nformat: JSON\nfromat: html\n", path: "/h/config.yml")
        #expect(settings.colour == .never)
        #expect(settings.editor == "nano -w")
        #expect(settings.format == "json")
        #expect(settings.problems.count == 1)
        #expect(settings.problems.first?.hasPrefix("/h/config.yml:4:1:") == true)
        #expect(settings.problems.first?.contains("did you mean `format`?") == true)
        #expect(
            UserSettings(text: "color: sometimes\n", path: nil).problems.first?.contains(
                "always, never or auto") == true)
    }

    @Test func aMisspeltSectionOfTheJournalsConfigurationIsAWarning() {
        let configuration = JournalSettings.parse(
            "lnit:\n  rules:\n    goal/no-target: off\nsync:\n  transprot: git\n")
        let messages = configuration.diagnostics.map(\.message)
        #expect(configuration.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(messages.contains { $0.contains("`lnit`") && $0.contains("did you mean `lint`?") })
        #expect(messages.contains { $0.contains("`transprot`") && $0.contains("did you mean `transport`?") })
        #expect(configuration.diagnostics.first?.line == 1)
        #expect(JournalSettings.parse("report:\n  format: markdown\n").reportFormat == "markdown")
    }
}
