import Foundation
import JournalGit
import JournalKit

/// What makes plain `git merge` and `git pull` merge entries as `journal sync` does: the
/// `.gitattributes` line that names the driver (shared with the journal), and the driver's
/// definition in the repository's own configuration (git never shares it).
public enum MergeSetup {
    /// Adds `*.md merge=journal` to `folder/.gitattributes`, creating it when missing. True when
    /// the file changed; a file that already names the driver is left as it is.
    @discardableResult
    public static func writeAttributes(in folder: URL) throws -> Bool {
        let file = folder.appendingPathComponent(".gitattributes")
        let existing = FileManager.default.contents(atPath: file.path).map {
            String(decoding: $0, as: UTF8.self)
        }
        if let existing,
            existing.split(whereSeparator: \.isNewline).contains(where: {
                $0.trimmingCharacters(in: .whitespaces) == MergeDriver.attributesLine
            })
        {
            return false
        }
        var text = existing ?? ""
        if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
        text +=
            "# Entries merge by field, section and action item (`journal merge-driver`).\n"
            + MergeDriver.attributesLine + "\n"
        do {
            try AtomicFile.write(
                Array(text.utf8), to: file.path, mode: AtomicFile.mode(of: file.path) ?? 0o644,
                replacing: true)
        } catch {
            throw Failure(message: "cannot write \(file.path): \(error)", status: .failure)
        }
        return true
    }

    /// Defines the driver in the repository's configuration when it is not yet (the first
    /// sync of a clone); true when it was added.
    @discardableResult
    public static func defineDriverIfMissing(in repository: GitRepository, binary: String) -> Bool {
        guard !repository.hasMergeDriver else { return false }
        return (try? repository.installMergeDriver(binary: binary)) != nil
    }
}
