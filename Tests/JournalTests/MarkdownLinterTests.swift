import Foundation
import Testing

/// A Markdown linter from PyPI (pymarkdown, which reads the `.pymarkdown` file `journal init`
/// writes beside `.markdownlint.yaml`) finds nothing in what `init` and `new` write, nor in the
/// examples.
@Suite struct MarkdownLinterTests {
    @Test(.enabled(if: hasTestPython, "make test installs pymarkdown"))
    func whatJournalWritesPassesAMarkdownLinter() throws {
        let box = try GitSandbox()
        let pymarkdown = testPython.deletingLastPathComponent().appendingPathComponent("pymarkdown")
        let folder = box.url("pair")
        var run = try box.journal(
            [
                "init", folder.path, "--mentor", "Dana Reyes <dana@example.org>", "--mentee",
                "Theo Berg <theo@example.org>",
                "--no-prompt",
            ], in: box.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(box.read(".markdownlint.yaml", in: folder)?.contains("MD013: false") == true)
        for arguments in [
            ["new", "goal", "Speak at a conference"], ["new", "session"], ["new", "reflection"],
            ["new", "reflection", "Worries", "--private"], ["new", "evaluation"],
        ] {
            run = try box.journal(arguments, in: folder)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
        }
        run = try box.run(pymarkdown.path, ["scan", "-r", "."], in: folder)
        #expect(run.status == 0, "init and new: \(run.stdout)\(run.stderr)")
        // Without journal's settings the same linter does speak (the check can fail).
        try FileManager.default.removeItem(at: folder.appendingPathComponent(".pymarkdown"))
        run = try box.run(pymarkdown.path, ["scan", "-r", "."], in: folder)
        #expect(run.status != 0)

        for example in try FileManager.default.contentsOfDirectory(atPath: projectRoot.path + "/examples") {
            let copy = box.url("example-\(example)")
            try box.run("/bin/cp", ["-a", projectRoot.path + "/examples/" + example, copy.path])
            run = try box.run(pymarkdown.path, ["scan", "-r", "."], in: copy)
            #expect(run.status == 0, "examples/\(example): \(run.stdout)\(run.stderr)")
        }
    }
}
