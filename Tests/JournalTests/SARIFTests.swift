import Foundation
import Testing

/// SARIF for code scanning and workflow annotations: names from the repository's top, valid
/// against the official schema, findings that keep their fingerprint when lines move.
@Suite(.serialized) struct SARIFTests {
    @Test(.enabled(if: hasTestPython, "make test installs jsonschema and rfc3986-validator"))
    func sarifIsValidAndNamesFilesFromTheRepositorysTop() throws {
        let box = try GitSandbox()
        let repository = try box.person("repo", name: "Mara Quinn", email: "mara@example.org", remote: nil)
        let journal = repository.appendingPathComponent("mentoring")
        try box.write(agreementText, to: "agreement.md", in: journal)
        let name = "sessions/2026-11-20 first, ü#1.md"
        let session = "---\ndate: 2026-11-20\n---\n## Action items\n\n- [ ] book the room\n"
        try box.write(session, to: name, in: journal)
        let sarif = box.url("out.sarif")
        func lint(in folder: URL, _ arguments: [String] = []) throws -> [String: Any] {
            let run = try box.journal(
                ["--today", "2026-11-25", "lint", "--format", "sarif"] + arguments, in: folder)
            try run.stdout.write(to: sarif, atomically: true, encoding: .utf8)
            let check = try box.run(
                testPython.path, [projectRoot.path + "/Tests/Schema/sarif.py", sarif.path])
            #expect(check.status == 0, "not valid SARIF 2.1.0: \(check.stdout)\(check.stderr)")
            return (try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]) ?? [:]
        }
        func results(_ document: [String: Any]) -> [[String: Any]] {
            ((document["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        }
        func uri(_ result: [String: Any]) -> String? {
            let location =
                (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            return (location?["artifactLocation"] as? [String: Any])?["uri"] as? String
        }
        let expected = "mentoring/sessions/2026-11-20%20first%2C%20%C3%BC%231.md"
        for folder in [journal, journal.appendingPathComponent("sessions")] {
            let document = try lint(in: folder)
            let found = results(document).filter { uri($0) == expected }
            #expect(!found.isEmpty, "\(results(document).compactMap(uri))")
            let run = (document["runs"] as? [[String: Any]])?.first ?? [:]
            let base = (run["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: Any]
            #expect((base?["uri"] as? String)?.hasSuffix("/repo/") == true)
        }
        let whole = try lint(in: journal)
        let tool = (whole["runs"] as? [[String: Any]])?.first?["tool"] as? [String: Any]
        let rules = (tool?["driver"] as? [String: Any])?["rules"] as? [[String: Any]] ?? []
        #expect(rules.allSatisfy { ($0["helpUri"] as? String)?.contains("rules.md#") == true })

        // A finding keeps its fingerprint when lines above it come and go.
        func fingerprints() throws -> [String: Int] {
            var found: [String: Int] = [:]
            for result in results(try lint(in: journal)) where uri(result) == expected {
                let print = (result["partialFingerprints"] as? [String: String])?["journalFinding/v1"] ?? ""
                let location =
                    (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
                found[print] = (location?["region"] as? [String: Any])?["startLine"] as? Int
            }
            return found
        }
        let before = try fingerprints()
        try box.write(
            session.replacingOccurrences(of: "## Action items\n", with: "Some notes.\n\n## Action items\n"),
            to: name, in: journal)
        let after = try fingerprints()
        #expect(Set(before.keys) == Set(after.keys) && !before.isEmpty)
        #expect(before.keys.allSatisfy { (after[$0] ?? 0) == (before[$0] ?? 0) + 2 })

        // Workflow annotations name the file from the repository's top too.
        let github = try box.journal(["--today", "2026-11-25", "lint", "--format", "github"], in: journal)
        #expect(
            github.stdout.contains("file=mentoring/sessions/2026-11-20 first%2C ü#1.md,line="),
            "\(github.stdout)")
    }
}
