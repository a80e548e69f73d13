import ArgumentParser
import Foundation
import JournalGit
import JournalKit
import JournalWorkspace

/// `journal merge-driver`: the entry-aware merge, for git (`*.md merge=journal`).
struct MergeDriverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-driver",
        abstract: "Merge two versions of an entry as journal sync does (git runs this as a merge driver).",
        discussion: """
            Merges OURS and THEIRS, both changed from BASE, and writes the result into OURS: front \
            matter key by key, the body section by section and action item by item. A file that \
            is not an entry, or a version that does not read, is merged line by line as git does. \
            `journal init`, `journal hooks install` and the first `journal sync` of a clone tell git \
            to run it: .gitattributes holds `*.md merge=journal`, and .git/config the driver, \
            `journal merge-driver %O %A %B %P`.
            Exit codes: 0 merged, 1 conflicts left between markers in OURS, 2 bad usage or a \
            version that cannot be read (OURS is then left as it was).
            """)

    @Argument(help: "The common ancestor's version (git's %O; empty when both sides added the file).")
    var base: String

    @Argument(help: "Our version (git's %A); the merged file is written here.")
    var ours: String

    @Argument(help: "Their version (git's %B).")
    var theirs: String

    @Argument(help: "The file's path in the repository (git's %P), which decides how it merges.")
    var path: String

    func run() throws {
        func read(_ file: String, _ what: String) throws -> [UInt8] {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw Failure(
                    message: "cannot read \(what) (\(file)); \(ours) is left as it was", status: .usage)
            }
            return [UInt8](data)
        }
        let baseBytes = try read(base, "the common version")
        let oursBytes = try read(ours, "our version")
        let theirsBytes = try read(theirs, "their version")
        let directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let labels =
            (try? GitRepository.discover(at: directory))??.mergeLabels()
            ?? MergeLabels(ours: "this computer", theirs: "the other side")
        let merged = MergeDriver.merge(
            base: baseBytes.isEmpty ? nil : baseBytes, ours: oursBytes, theirs: theirsBytes, path: path,
            labels: labels)
        do {
            try AtomicFile.write(
                merged.bytes, to: ours, mode: AtomicFile.mode(of: ours) ?? 0o644, replacing: true)
        } catch {
            throw Failure(message: "cannot write the merged \(path) to \(ours): \(error)", status: .failure)
        }
        if !merged.clean { throw ExitCode(ExitStatus.failure.rawValue) }
    }
}
