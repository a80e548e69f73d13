import Foundation
import Testing

/// The project's root, from this file.
let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
/// The Python `make test` installs the test tools into (pytest-lsp, check-jsonschema).
let testPython = projectRoot.appendingPathComponent(".build/test-venv/bin/python")
let hasTestPython = FileManager.default.isExecutableFile(atPath: testPython.path)

/// `journal lsp` driven by a real client, and `journal schema` checked by real validators.
@Suite(.serialized) struct EditorIntegrationTests {
    @Test(.enabled(if: hasTestPython, "make test installs pytest-lsp"))
    func theLanguageServerSuiteRunsThroughPytestLsp() throws {
        let box = try GitSandbox()
        let run = try box.run(
            testPython.path,
            ["-m", "pytest", "-q", "-p", "no:cacheprovider", projectRoot.path + "/Tests/LanguageServer"],
            in: projectRoot.appendingPathComponent("Tests/LanguageServer"),
            extra: ["JOURNAL_BINARY": try journalBinary().path], timeout: 300)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("passed"))
    }

    /// Every key of every kind, with a value lint accepts and one it refuses: the schema
    /// agrees each time, and a required key left out fails both.
    @Test(.enabled(if: hasTestPython, "make test installs jsonschema"))
    func theSchemaAndLintAgreeOnEveryKey() throws {
        let box = try GitSandbox()
        let schemas = box.url("schemas")
        try FileManager.default.createDirectory(at: schemas, withIntermediateDirectories: true)
        let kinds = ["agreement", "goal", "session", "reflection", "evaluation"]
        for kind in kinds {
            let run = try box.journal(["schema", kind], in: box.root)
            #expect(run.status == 0)
            try run.stdout.write(
                to: schemas.appendingPathComponent("\(kind).json"), atomically: true, encoding: .utf8)
        }
        let all = try box.journal(["schema"], in: box.root)
        let defs = try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [String: Any]
        #expect(Set(((defs?["$defs"] as? [String: Any]) ?? [:]).keys) == Set(kinds))

        // The keys each kind takes, a value lint accepts and one it refuses, by kind of value.
        let required: [String: [String: String]] = [
            "agreement": [
                "mentor": "Grace Hopper <grace@example.org>", "mentee": "Ada Lovelace <ada@example.org>",
                "started": "2026-09-01", "cadence": "biweekly",
            ],
            "goal": ["title": "Write a compiler"], "session": ["date": "2026-11-20"],
            "reflection": ["date": "2026-11-20"], "evaluation": ["author": "mentor", "date": "2026-11-20"],
        ]
        let samples: [String: (good: String, bad: String)] = [
            "id": ("ada-grace", "{a: 1}"), "mentor": ("Grace Hopper <grace@example.org>", "[1, 2]"),
            "mentee": ("{name: Ada, email: ada@example.org}", "\"<broken\""),
            "started": ("2026-09-01", "next week"),
            "status": ("STATUS", "maybe"), "cadence": ("every 3 weeks", "sometimes"),
            "duration": ("1h30m", "a while"),
            "channel": ("video call", "{a: 1}"), "review": ("2027-01-10", "2027-13-45x"),
            "ends": ("2027-06-01", "[1]"),
            "learning_style": ("by doing", "[a, b]"), "confidential": ("true", "perhaps"),
            "type": ("KIND", "other"),
            "title": ("A title", "{a: 1}"), "created": ("2026-09-01", "yesterday"),
            "target": ("2027-03-01", "soon"),
            "measure": ("leads a review", "[x]"),
            "milestones": ("[{title: First step, due: 2026-12-01, done: false}]", "soon"),
            "date": ("2026-11-20", "Friday"), "goals": ("[toy-compiler]", "{a: 1}"),
            "agenda": ("[Case review, Feedback]", "{a: 1}"),
            "next": ("2026-12-04", "later"), "private": ("false", "maybe"), "author": ("mentee", "[a]"),
            "confidence": ("3", "9"), "time": ("\"17:00\"", "5pm"), "timezone": ("Europe/Berlin", "CET+1"),
        ]
        let statuses = ["agreement": "active", "goal": "active", "session": "held"]
        var cases: [[String: String]] = []
        var expected: [String: Bool] = [:]
        var files: [String: String] = [:]
        var number = 0
        func add(_ kind: String, _ fields: [String: String], valid: Bool, _ what: String) {
            number += 1
            let name = "\(kind)-\(number)-\(what)"
            let yaml = fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)\n" }.joined()
            cases.append(["kind": kind, "name": name, "yaml": yaml])
            expected[name] = valid
            files[name] = "---\n" + yaml + "---\nSome words.\n"
        }
        for kind in kinds {
            let keys = try box.journal(["schema", kind], in: box.root)
            let object = try JSONSerialization.jsonObject(with: Data(keys.stdout.utf8)) as? [String: Any]
            let names = ((object?["properties"] as? [String: Any]) ?? [:]).keys.sorted()
            #expect(!names.isEmpty)
            for key in names {
                guard let sample = samples[key] else {
                    Issue.record("no sample value for `\(key)`: add one")
                    continue
                }
                let good = sample.good.replacingOccurrences(of: "STATUS", with: statuses[kind] ?? "")
                    .replacingOccurrences(of: "KIND", with: kind)
                add(kind, (required[kind] ?? [:]).merging([key: good]) { $1 }, valid: true, "good-\(key)")
                add(
                    kind, (required[kind] ?? [:]).merging([key: sample.bad]) { $1 }, valid: false,
                    "bad-\(key)")
            }
            for key in (required[kind] ?? [:]).keys {
                add(kind, (required[kind] ?? [:]).filter { $0.key != key }, valid: false, "without-\(key)")
            }
            // A misspelt key: lint warns (`field/unknown`), the schema refuses it.
            let misspelt =
                ["agreement": "cadense", "goal": "titel", "session": "nxt", "reflection": "titel"][kind]
                ?? "dat"
            add(kind, (required[kind] ?? [:]).merging([misspelt: "x"]) { $1 }, valid: false, "misspelt")
        }
        // Lint: each case an entry of its own mentorship, beside a valid agreement and the goal.
        let journalFolder = box.url("journal")
        try box.write("", to: ".journal.yml", in: journalFolder)
        for (name, text) in files {
            let kind = String(name.split(separator: "-")[0])
            let folder = "m-\(name)"
            if kind != "agreement" {
                try box.write(goodAgreement, to: "\(folder)/agreement.md", in: journalFolder)
            }
            try box.write(
                "---\ntitle: Toy compiler\nmeasure: runs\ntarget: 2027-03-01\n---\n",
                to: "\(folder)/goals/toy-compiler.md",
                in: journalFolder)
            let path = kind == "agreement" ? "agreement.md" : "\(kind)s/2026-11-20.md"
            try box.write(text, to: "\(folder)/\(path)", in: journalFolder)
        }
        let lint = try box.journal(
            ["--today", "2026-11-25", "--no-cache", "lint", "--format", "json"], in: journalFolder)
        let report = try JSONSerialization.jsonObject(with: Data(lint.stdout.utf8)) as? [String: Any]
        let diagnostics = (report?["diagnostics"] as? [[String: Any]]) ?? []
        let reading = ["front-matter/", "field/", "type/"]
        var lintSays: [String: Bool] = [:]
        for name in files.keys {
            let kind = String(name.split(separator: "-")[0])
            let path = "m-\(name)/" + (kind == "agreement" ? "agreement.md" : "\(kind)s/2026-11-20.md")
            lintSays[name] = !diagnostics.contains { d in
                d["path"] as? String == path
                    && reading.contains { (d["rule"] as? String ?? "").hasPrefix($0) }
                    && ((d["severity"] as? String) == "error" || d["rule"] as? String == "field/unknown")
            }
        }
        // The schema, through jsonschema (what check-jsonschema runs).
        let casesFile = box.url("cases.json")
        try JSONSerialization.data(withJSONObject: cases).write(to: casesFile)
        let validated = try box.run(
            testPython.path,
            [projectRoot.path + "/Tests/Schema/validate.py", "cases", schemas.path, casesFile.path])
        #expect(validated.status == 0, "\(validated.stderr)")
        let schemaSays =
            (try JSONSerialization.jsonObject(with: Data(validated.stdout.utf8)) as? [String: Bool]) ?? [:]
        for name in expected.keys.sorted() {
            #expect(lintSays[name] == expected[name], "lint on \(name): \(files[name] ?? "")")
            #expect(schemaSays[name] == expected[name], "schema on \(name): \(files[name] ?? "")")
        }
    }

    /// The bundled example's front matter passes `check-jsonschema` with the kinds' schemas.
    @Test(.enabled(if: hasTestPython, "make test installs check-jsonschema"))
    func theExamplePassesCheckJsonschema() throws {
        let box = try GitSandbox()
        let example = projectRoot.appendingPathComponent("examples/ada-grace")
        for (kind, folder) in [
            ("agreement", ""), ("goal", "goals"), ("session", "sessions"), ("reflection", "reflections"),
        ] {
            let schema = box.url("\(kind).json")
            try box.journal(["schema", kind], in: box.root).stdout.write(
                to: schema, atomically: true, encoding: .utf8)
            let files =
                folder.isEmpty
                ? ["agreement.md"]
                : try FileManager.default.contentsOfDirectory(
                    atPath: example.appendingPathComponent(folder).path
                )
                .filter { $0.hasSuffix(".md") }.map { "\(folder)/\($0)" }
            #expect(!files.isEmpty)
            var instances: [String] = []
            for file in files {
                let out = box.url("\(kind)-\(instances.count).json")
                let converted = try box.run(
                    testPython.path,
                    [
                        projectRoot.path + "/Tests/Schema/validate.py", "json",
                        example.appendingPathComponent(file).path, out.path,
                    ])
                #expect(converted.status == 0, "\(converted.stderr)")
                instances.append(out.path)
            }
            let checker = testPython.deletingLastPathComponent().appendingPathComponent("check-jsonschema")
            let run = try box.run(checker.path, ["--schemafile", schema.path] + instances)
            #expect(run.status == 0, "\(kind): \(run.stdout)\(run.stderr)")
        }
    }

    /// Neovim's built-in client on `journal lsp`: a scripted edit in the editor produces the
    /// diagnostics `journal lint` gives, and `@` completes the pair.
    @Test(
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/nvim"), ".ci/run installs neovim")
    )
    func neovimShowsTheDiagnosticsAndCompletions() throws {
        let box = try GitSandbox()
        let journal = box.url("ada-grace")
        try box.run("/bin/cp", ["-a", projectRoot.path + "/examples/ada-grace", journal.path])
        let file = journal.appendingPathComponent("sessions/2026-11-03-first-pr.md")
        let out = box.url("seen.json")
        let run = try box.run(
            "/usr/bin/nvim",
            [
                "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c",
                "luafile \(projectRoot.path)/Tests/LanguageServer/neovim.lua",
            ],
            in: journal,
            extra: [
                "JOURNAL": try journalBinary().path, "FILE": file.path, "OUT": out.path,
                "JOURNAL_TODAY": "2026-11-25",
            ], timeout: 120)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let seen = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any] ?? [:]
        let before = (seen["diagnostics_before"] as? [[String: Any]] ?? []).compactMap {
            $0["code"] as? String
        }
        let after = (seen["diagnostics_after"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        let lint = try box.journal(
            ["--today", "2026-11-25", "lint", "--format", "json", file.path], in: journal)
        let expected =
            ((try JSONSerialization.jsonObject(with: Data(lint.stdout.utf8)) as? [String: Any])?[
                "diagnostics"]
            as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(before.sorted() == expected.sorted(), "neovim saw \(before), lint says \(expected)")
        #expect(after.contains("goal/unknown"), "\(after)")
        #expect(
            Set(seen["completion"] as? [String] ?? []).isSuperset(of: [
                "@mentor", "@mentee", "@ada", "@grace",
            ]))
        // The edit stayed in the editor: nothing was written to the file.
        #expect(try String(contentsOf: file, encoding: .utf8).contains("goals: [first-patch, toy-compiler]"))
    }

    @Test func listEditAndSchemaFromTheCommandLine() throws {
        let box = try GitSandbox()
        let journal = box.url("ada-grace")
        try box.run("/bin/cp", ["-a", projectRoot.path + "/examples/ada-grace", journal.path])
        var run = try box.journal(["--today", "2026-11-25", "list", "sessions"], in: journal)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines.first?.hasPrefix("2026-11-03  session") == true, "newest first: \(run.stdout)")
        run = try box.journal(
            ["--today", "2026-11-25", "list", "--goal", "toy-compiler", "--format", "json"], in: journal)
        let entries =
            (try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])?["entries"]
            as? [[String: Any]] ?? []
        #expect(!entries.isEmpty)
        #expect(entries.allSatisfy { ($0["goals"] as? [String] ?? []).contains("toy-compiler") })
        #expect(entries.contains { $0["path"] as? String == "goals/toy-compiler.md" })
        run = try box.journal(["--today", "2026-11-25", "list", "actions", "--format", "json"], in: journal)
        let actions =
            (try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])?["actions"]
            as? [[String: Any]] ?? []
        #expect(actions.contains { $0["overdue"] as? Bool == true })
        let dues = actions.compactMap { $0["due"] as? String }
        #expect(dues == dues.sorted(), "soonest due first")
        #expect(actions.allSatisfy { ["open", "in-progress"].contains($0["state"] as? String ?? "") })
        // An item started (`[/]`) says so in the list.
        try box.write(
            "---\ndate: 2026-11-24\n---\n- [/] @mentee draft the talk (due 2026-11-30)\n",
            to: "sessions/2026-11-24.md", in: journal)
        run = try box.journal(["--today", "2026-11-25", "list", "actions"], in: journal)
        #expect(
            run.stdout.split(separator: "\n").contains {
                $0.hasPrefix("in progress, due 2026-11-30") && $0.contains("draft the talk")
            }, "\(run.stdout)")
        run = try box.journal(["--today", "2026-11-25", "list", "actions", "--format", "json"], in: journal)
        #expect(run.stdout.contains("\"state\": \"in-progress\""), "\(run.stdout)")
        try FileManager.default.removeItem(at: journal.appendingPathComponent("sessions/2026-11-24.md"))
        run = try box.journal(["list", "meetings"], in: journal)
        #expect(run.status == 2)

        // `edit` without a terminal prints what it would open.
        #expect(
            try box.journal(["edit", "session"], in: journal).stdout == "sessions/2026-11-03-first-pr.md\n")
        #expect(try box.journal(["edit", "toy-compiler"], in: journal).stdout == "goals/toy-compiler.md\n")
        #expect(
            try box.journal(["edit"], in: journal).stdout
                == "reflections/2026-11-23-thinking-about-the-job.md\n")
        run = try box.journal(["edit", "no-such-thing"], in: journal)
        #expect(run.status == 2)
        #expect(run.stderr.contains("toy-compiler"), "names the goals there are")

        // The editor as git finds it: GIT_EDITOR first, then core.editor, VISUAL, EDITOR.
        try box.git(["init", "-q", "-b", "main"], in: journal)
        try box.git(["config", "core.editor", "false-editor-from-config"], in: journal)
        let script = box.url("editor.sh")
        try "#!/bin/sh\necho \"opened $1\" >> \(box.url("opened.txt").path)\n".write(
            to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        run = try box.run(
            "/usr/bin/script", ["-qec", "\(try journalBinary().path) edit toy-compiler", "/dev/null"],
            in: journal,
            extra: ["GIT_EDITOR": script.path, "EDITOR": "false"])
        #expect(
            box.read("opened.txt", in: box.root)?.contains("goals/toy-compiler.md") == true, "\(run.stdout)")
    }
}
