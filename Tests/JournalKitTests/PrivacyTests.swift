import Foundation
import Testing

@testable import JournalKit

/// The one decision about privacy, on bytes: what it keeps here, and why.
@Suite struct PrivacyTests {
    func privacy(_ text: String) -> Privacy { Privacy.of(bytes: Array(text.utf8)) }

    @Test func plainAnswers() {
        #expect(privacy("---\ndate: 2026-11-24\nprivate: true\n---\n") == .declared)
        #expect(privacy("---\ndate: 2026-11-24\nprivate: false\n---\n") == .shared)
        #expect(privacy("---\ndate: 2026-11-24\n---\nprivate practice\n") == .shared)
        #expect(privacy("") == .shared)
        #expect(privacy("No front matter, nothing to hide.\n") == .shared)
    }

    @Test func unclearValuesStayHereWithTheirReason() {
        let yes = privacy("---\nprivate: yes\n---\n")
        #expect(yes.keepsLocal)
        #expect(yes.reason?.contains("its `private` value is `yes`, not true or false (line 2)") == true)
        let broken = privacy("---\ndate: [2026\nprivate: true\n---\n")
        #expect(broken.reason?.contains("its front matter cannot be read") == true)
        #expect(privacy("---\nprivate: true\nno closing fence\n").reason?.contains("never closed") == true)
        #expect(
            privacy("\n---\nprivate: true\n---\n").reason?.contains("does not start on the first line")
                == true)
        #expect(privacy("  ---\nprivate: true\n---\n").keepsLocal)
        // A file with no front matter at all is shared, whatever it says about privacy.
        #expect(privacy("# Reflections\n\nWith `--private` the file stays here.\n") == .shared)
        #expect(privacy("---\n- private\n- true\n---\n").reason?.contains("not `key: value` lines") == true)
        #expect(Privacy.of(bytes: Array("---\nprivate: true\n---\n\u{FF}".utf8) + [0xFF]).keepsLocal)
        // The entry parser records the same answer.
        let entry = EntryParser.parse(
            path: "reflections/2026-11-24.md", kind: .reflection, bytes: Array("---\nprivate: on\n---\n".utf8)
        )
        #expect(entry.privacy == privacy("---\nprivate: on\n---\n") && entry.isPrivate)
    }

    @Test(arguments: [
        ("reflections/.2026-11-24.md.swp", "reflections/2026-11-24.md"),
        ("reflections/2026-11-24.md~", "reflections/2026-11-24.md"),
        ("reflections/#2026-11-24.md#", "reflections/2026-11-24.md"),
        ("reflections/.#2026-11-24.md", "reflections/2026-11-24.md"),
        ("reflections/2026-11-24.md.orig", "reflections/2026-11-24.md"),
        ("2026-11-24.md.bak", "2026-11-24.md"),
        ("reflections/.2026-11-24.md.journal-Ab12Cd", "reflections/2026-11-24.md"),
    ])
    func editorsCopiesNameTheirEntry(_ copy: String, _ entry: String) {
        #expect(Privacy.entryCopied(by: copy) == entry)
    }

    @Test func entriesAndOtherFilesAreNoCopies() {
        #expect(Privacy.entryCopied(by: "reflections/2026-11-24.md") == nil)
        #expect(Privacy.entryCopied(by: "reflections/notes.txt") == nil)
        #expect(Privacy.entryCopied(by: "templates/report.html.mustache") == nil)
    }
}

/// Text from a journal on a terminal: shown, never obeyed.
@Suite struct TerminalTextTests {
    @Test func controlsBecomeVisible() {
        #expect(TerminalText.line("a\u{1B}]0;x\u{07}b") == "a␛]0;x␇b")
        #expect(TerminalText.line("one\ntwo\r") == "one␊two␍")
        #expect(TerminalText.line("\u{9B}31m\u{7F}") == "<U+009B>31m␡")
        #expect(TerminalText.line("abc\u{202E}cba") == "abc<U+202E>cba")
        #expect(TerminalText.line("Überblick 🎉") == "Überblick 🎉")
    }

    @Test func linesKeepTheirBreaksAndOnlyTheStylesOwnColours() {
        let style = TerminalStyle(colour: true)
        let text = style.red("late") + "\n" + "x\u{1B}[2Jy" + "\u{1B}[31m"
        // Only the style's own marks become colour: an escape sequence in the text, even one of the
        // codes the style writes, is shown.
        #expect(TerminalText.lines(text, keepingStyles: true) == "\u{1B}[31mlate\u{1B}[0m\nx␛[2Jy␛[31m")
        // A style's mark inside journal text cannot pass for one once the text went through `line`.
        let mark = { (value: UInt32) in String(Unicode.Scalar(value) ?? " ") }
        let forged = TerminalText.line(mark(0xFDD0) + "31" + mark(0xFDD1) + "red")
        #expect(forged.contains("<U+FDD0>"))
        #expect(TerminalText.lines(forged, keepingStyles: true) == forged)
        #expect(TerminalText.lines(text) == "late\nx␛[2Jy␛[31m")
    }
}

/// The policy every HTML report carries, whatever its template.
@Suite struct HTMLPolicyTests {
    @Test func thePolicyComesBeforeAnythingThatCouldRun() {
        let page = HTMLPolicy.enforce(
            "<!DOCTYPE html>\n<html lang=\"en\"><head>\n<title>x</title><script>1</script>")
        #expect(
            page.hasPrefix(
                "<!DOCTYPE html>\n<html lang=\"en\"><head>\n" + HTMLPolicy.preamble + "\n<title>"))
        let bare = HTMLPolicy.enforce("<script>1</script><p>x</p>")
        #expect(bare.hasPrefix(HTMLPolicy.preamble + "\n<script>"))
        let commented = HTMLPolicy.enforce("<!-- <head> --><img src=x onerror=y>")
        #expect(commented.hasPrefix("<!-- <head> -->\n" + HTMLPolicy.metaElement))
    }

    @Test func elementsThatGetAroundItAreTakenOut() {
        let page = HTMLPolicy.enforce(
            "<head><META HTTP-EQUIV='refresh' content='0;url=http://x'><meta charset=\"utf-8\">"
                + "<link rel=prefetch href=\"http://x\"><LINK/></head><body><iframe src=\"a>b\"></iframe>"
                + "<frame src=x><p title=\"<link>\">ok</p><metadata>kept</metadata></body>")
        #expect(!page.lowercased().contains("refresh"))
        #expect(!page.lowercased().contains("<link"))
        #expect(!page.contains("<iframe") && !page.contains("<frame "))
        #expect(page.contains("<meta charset=\"utf-8\">"))
        #expect(page.contains("<metadata>kept</metadata>"))
        #expect(page.contains("</iframe>"))
    }
}

/// The sources the reader takes files from give the same journal as the folder does.
@Suite struct JournalSourceTests {
    static let agreement = RuleExample.agreement + "\n"

    @Test func memoryAndOverlaySourcesReadAsTheFolderDoes() throws {
        let files = [
            "agreement.md": Self.agreement,
            "sessions/2026-11-20.md": "---\ndate: 2026-11-20\n---\n- [ ] @mentee write it (due 2026-11-21)\n",
        ]
        let root = try temporaryJournal(files)
        let fromFolder = JournalLoader.load(root: root)
        let memory = MemorySource(files: files.mapValues { Array($0.utf8) })
        let resolved = URL(fileURLWithPath: JournalLoader.resolve(root.path))
        #expect(JournalLoader.load(source: memory, root: resolved) == fromFolder)
        // An unsaved buffer over the folder: its text is what is read, the rest from disk.
        let unsaved = "---\ndate: 2026-11-20\nduration: [\n---\n"
        let overlay = OverlaySource(
            base: FolderSource(root: resolved),
            overlay: [
                "sessions/2026-11-20.md": Array(unsaved.utf8),
                "sessions/2026-11-22.md": Array("---\ndate: 2026-11-22\n---\n".utf8),
            ])
        let edited = JournalLoader.load(source: overlay, root: resolved)
        let entries = edited.mentorships.flatMap(\.entries).map(\.path)
        #expect(entries == ["agreement.md", "sessions/2026-11-20.md", "sessions/2026-11-22.md"])
        #expect(
            edited.allDiagnostics.contains {
                $0.path == "sessions/2026-11-20.md" && $0.rule == FrontMatterYAMLRule.id
            })
        // Nothing was written.
        #expect(
            try String(contentsOf: root.appendingPathComponent("sessions/2026-11-20.md"), encoding: .utf8)
                == files["sessions/2026-11-20.md"])
    }
}
