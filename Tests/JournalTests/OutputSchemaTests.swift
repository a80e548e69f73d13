import Foundation
import Testing

/// `journal schema report|list|lint|programme`: each output of `--format json`, from real runs,
/// passes `check-jsonschema` against its schema, and an output missing a key the contract names
/// fails it.
@Suite struct OutputSchemaTests {
    /// Checks `instance` against `journal schema name` with check-jsonschema; true when valid.
    static func valid(_ box: GitSandbox, _ name: String, _ instance: String, tag: String) throws -> (
        Bool, String
    ) {
        let schema = box.url("schema-\(name).json")
        let written = try box.journal(["schema", name], in: box.root)
        #expect(written.status == 0, "\(written.stderr)")
        try written.stdout.write(to: schema, atomically: true, encoding: .utf8)
        let file = box.url("\(name)-\(tag).json")
        try instance.write(to: file, atomically: true, encoding: .utf8)
        let checker = testPython.deletingLastPathComponent().appendingPathComponent("check-jsonschema")
        let run = try box.run(checker.path, ["--schemafile", schema.path, file.path])
        return (run.status == 0, run.stdout + run.stderr)
    }

    @Test(.enabled(if: hasTestPython, "make test installs check-jsonschema"))
    func everyJSONOutputMatchesItsSchema() throws {
        let box = try GitSandbox()
        let journal = box.url("ada-grace")
        try box.run("/bin/cp", ["-a", projectRoot.path + "/examples/ada-grace", journal.path])
        // An entry journal cannot read, so that `unreadable_files` holds one.
        try box.write(
            "---\ndate: 2026-11-24\nnext: a\nnext: b\n---\n", to: "sessions/2026-11-24.md", in: journal)
        let today = ["--today", "2026-11-25"]
        let outputs: [(String, [String])] = [
            ("report", today + ["report", "--format", "json"]),
            ("report", today + ["report", "--format", "json", "--include-private"]),
            ("list", today + ["list", "--format", "json"]),
            ("list", today + ["list", "actions", "--format", "json"]),
            ("lint", today + ["lint", "--format", "json"]),
        ]
        for (index, (name, arguments)) in outputs.enumerated() {
            let run = try box.journal(arguments, in: journal)
            #expect(!run.stdout.isEmpty, "\(arguments): \(run.stderr)")
            let (ok, said) = try Self.valid(box, name, run.stdout, tag: "\(index)")
            #expect(ok, "\(arguments.joined(separator: " ")): \(said)")
        }
        // A report without a key the contract names fails its schema.
        let report = try box.journal(today + ["report", "--format", "json"], in: journal).stdout
        var object = try #require(try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any])
        var mentorships = object["mentorships"] as? [[String: Any]] ?? []
        mentorships[0].removeValue(forKey: "unreadable_files")
        object["mentorships"] = mentorships
        let broken = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        #expect(try Self.valid(box, "report", broken, tag: "broken").0 == false)
        // An unknown name is bad usage.
        #expect(try box.journal(["schema", "calendar"], in: box.root).status == 2)
    }
}
