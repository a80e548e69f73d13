import Foundation
import Testing

/// Journal and git text that tries to drive the reader's terminal: escape sequences, a bell,
/// an operating-system command that retitles the window, a line break in a key. Nothing of it
/// reaches the terminal as a control character, and every diagnostic stays one line.
@Suite struct TerminalSafetyTests {
    /// ESC ] 0 ; … BEL retitles a terminal; ESC [ 2 J clears it; ESC [ 31 m colours it.
    static let retitle = "\u{1B}]0;PWNED\u{07}"
    static let clear = "\u{1B}[2J"
    static let colour = "\u{1B}[31m"

    /// Whether any byte of `text` is a control character other than a line feed.
    static func controls(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { scalar in
            scalar != "\n" && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
        }
    }

    /// A YAML double-quoted string holding the escapes (YAML's `\e` is ESC, `\a` is BEL).
    static let yaml = "\"Evil \\e]0;PWNED\\a name \\e[2J\\x9b\""

    func hostileJournal(_ box: GitSandbox) throws -> URL {
        let folder = try box.person("pair", name: "Mara Quinn", email: "mara@example.org", remote: nil)
        try box.write(
            """
            ---
            mentor:
              name: \(Self.yaml)
              handle: mara
            mentee: Theo Park <theo@example.org>
            started: 2026-11-01
            cadence: weekly
            ---
            """, to: "agreement.md", in: folder)
        try box.write(
            """
            ---
            title: \(Self.yaml)
            milestones:
              - title: \(Self.yaml)
                due: 2026-11-10
            ---
            """, to: "goals/speaking.md", in: folder)
        try box.write(
            """
            ---
            date: 2026-11-18
            author: \(Self.yaml)
            title: \(Self.yaml)
            "titl\\ne": 1
            ---
            ## Questions
            - What \(Self.colour)is\(Self.clear) this\(Self.retitle)?

            ## Action items
            - [ ] @theo call \(Self.retitle) them (due 2026-11-20)
            """, to: "reflections/2026-11-18.md", in: folder)
        try box.write(
            "---\ndate: 2026-11-19\n---\n# \(Self.clear)\n", to: "sessions/2026-11-19-\(Self.retitle).md",
            in: folder)
        return folder
    }

    func shellQuote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    @Test func noCommandPrintsAControlCharacterFromTheJournal() throws {
        let box = try GitSandbox()
        let folder = try hostileJournal(box)
        var runs: [(String, Run)] = []
        for format in ["text", "markdown"] {
            runs.append(
                (
                    "report \(format)",
                    try box.journal(["--today", "2026-11-25", "report", "--format", format], in: folder)
                ))
        }
        runs.append(("lint", try box.journal(["lint"], in: folder)))
        runs.append(("lint github", try box.journal(["lint", "--format", "github"], in: folder)))
        runs.append(("status", try box.journal(["status"], in: folder)))
        runs.append(("commit", try box.journal(["commit"], in: folder)))
        // An author whose git name holds the escapes.
        try box.write("---\ndate: 2026-11-21\n---\n# S\n", to: "sessions/2026-11-21.md", in: folder)
        try box.git(["add", "-A"], in: folder)
        let named = try box.run(
            "/usr/bin/git", ["commit", "-q", "-m", "x\(Self.retitle)"], in: folder,
            extra: ["GIT_AUTHOR_NAME": "Theo\(Self.retitle)\(Self.clear)"])
        #expect(named.status == 0, "\(named.stderr)")
        runs.append(("log", try box.journal(["log"], in: folder)))
        runs.append(
            (
                "report activity",
                try box.journal(["--today", "2026-11-25", "report", "--since", "2026-11-01"], in: folder)
            ))
        // Colour on, at a terminal (util-linux `script` gives one): the style's own sequences
        // are the only ones.
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/script") {
            let command = "\(shellQuote(try journalBinary().path)) --today 2026-11-25 report"
            var coloured = try box.run(
                "/usr/bin/script", ["-q", "-e", "-c", command, "/dev/null"], in: folder)
            #expect(coloured.stdout.contains("\u{1B}[1m"), "no colour at a terminal: \(coloured.stdout)")
            coloured.stdout = coloured.stdout.replacingOccurrences(of: "\r\n", with: "\n")
            runs.append(("report coloured", coloured))
        }
        for (name, run) in runs {
            let allowed = Set([
                "\u{1B}[0m", "\u{1B}[1m", "\u{1B}[2m", "\u{1B}[31m", "\u{1B}[32m", "\u{1B}[33m",
            ])
            var stdout = run.stdout
            if name == "report coloured" {
                for code in allowed { stdout = stdout.replacingOccurrences(of: code, with: "") }
            }
            #expect(Self.controls(stdout).isEmpty, "\(name) printed \(Self.controls(stdout)): \(stdout)")
            #expect(
                Self.controls(run.stderr).isEmpty, "\(name) printed \(Self.controls(run.stderr)) on stderr")
        }
        // Shown, not obeyed: the reader sees that something odd is there.
        let report = runs[0].1.stdout
        #expect(report.contains("␛]0;PWNED␇"), "\(report)")
        // One diagnostic, one line: every line is `path:line:col: severity: message [rule]` but the summary.
        let lint = runs[2].1.stdout.split(separator: "\n").dropLast()
        #expect(!lint.isEmpty)
        let pattern = try Regex<Substring>(
            #"^[^:]+:\d+:\d+: (?:error|warning|info): .* \[[a-z-]+/[a-z-]+\]$"#)
        for line in lint { #expect(line.wholeMatch(of: pattern) != nil, "not one diagnostic: \(line)") }
        #expect(runs[2].1.stdout.contains("titl␊e"), "\(runs[2].1.stdout)")
        let github = runs[3].1.stdout.split(separator: "\n")
        for line in github { #expect(line.hasPrefix("::"), "not one workflow command: \(line)") }
        #expect(runs.first { $0.0 == "log" }?.1.stdout.contains("Theo␛]0;PWNED␇") == true)
    }
}

/// An author's name from git and a title from a file, holding colour sequences: `journal log` and
/// `journal list` show them, at a terminal with colour on as much as through a pipe.
@Suite struct LogAndListTerminalTests {
    @Test func colourFromAFileOrFromGitIsShownNotObeyed() throws {
        let box = try GitSandbox()
        let folder = try box.person("pair", name: "Mara Quinn", email: "mara@example.org", remote: nil)
        try box.write(agreementText, to: "agreement.md", in: folder)
        try box.write(
            "---\ntitle: \"Plain \\e[31mRED\\e[0m title\"\ndate: 2026-11-18\n---\nText.\n",
            to: "reflections/2026-11-18.md", in: folder)
        try box.git(["add", "-A"], in: folder)
        try box.git(
            ["-c", "user.name=Evil \u{1B}[31mRED\u{1B}[0m Name", "commit", "-qm", "Hostile"], in: folder)
        var runs: [(String, String)] = []
        for arguments in [["log"], ["list", "reflections"]] {
            runs.append((arguments.joined(separator: " "), try box.journal(arguments, in: folder).stdout))
            if FileManager.default.isExecutableFile(atPath: "/usr/bin/script") {
                let command = ([try journalBinary().path] + arguments).map(TerminalSafetyTests().shellQuote)
                    .joined(separator: " ")
                let coloured = try box.run(
                    "/usr/bin/script", ["-q", "-e", "-c", command, "/dev/null"], in: folder)
                runs.append((arguments.joined(separator: " ") + " at a terminal", coloured.stdout))
            }
        }
        for (name, output) in runs {
            #expect(output.contains("␛[31mRED"), "\(name): \(output)")
            #expect(!output.contains("\u{1B}[31mRED"), "\(name) let a colour through: \(output)")
        }
        // At a terminal the command's own colour is still there.
        if let coloured = runs.first(where: { $0.0 == "log at a terminal" }) {
            #expect(coloured.1.contains("\u{1B}[1m"), "\(coloured.1)")
        }
    }
}
