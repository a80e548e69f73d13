import Foundation
import Testing

/// The parse cache seen from the command line: the same output with or without it, edits
/// always seen, nothing written where the user said no.
@Suite struct CacheTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/ada-grace")

    /// A copy of the bundled example whose files have settled (changed over two seconds ago),
    /// so that the cache keeps them.
    static func settledCopy() throws -> URL {
        let folder = try temporaryFolder().appendingPathComponent("ada-grace")
        try FileManager.default.copyItem(at: example, to: folder)
        Thread.sleep(forTimeInterval: 2.2)
        return folder
    }

    @Test func outputIsTheSameWithAndWithoutTheCacheAndEditsAreSeen() throws {
        let root = try Self.settledCopy()
        let cache = try temporaryFolder()
        let environment = ["JOURNAL_CACHE_DIR": cache.path]
        let arguments = ["--today", "2026-11-25"]
        let plain = try journal(arguments + ["--no-cache", "lint", "--format", "json"], in: root)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).isEmpty)
        let filling = try journal(
            arguments + ["lint", "--format", "json"], in: root, environment: environment)
        let filled = try journal(
            arguments + ["lint", "--format", "json"], in: root, environment: environment)
        #expect(filling.stdout == plain.stdout && filled.stdout == plain.stdout)
        #expect(filling.status == plain.status && filled.status == plain.status)
        let stored = try FileManager.default.contentsOfDirectory(atPath: cache.path)
        #expect(stored.count == 1 && stored.allSatisfy { $0.hasSuffix(".cache") })
        let mode =
            try FileManager.default.attributesOfItem(
                atPath: cache.appendingPathComponent(stored.first ?? "").path)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let report = try journal(
            arguments + ["report", "--format", "json"], in: root, environment: environment)
        let plainReport = try journal(arguments + ["--no-cache", "report", "--format", "json"], in: root)
        #expect(report.stdout == plainReport.stdout && !report.stdout.isEmpty)

        // An edit right after a cached run: the cache must not hide it.
        let session = root.appendingPathComponent("sessions/2026-09-15.md")
        let text = try String(contentsOf: session, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "date: 2026-09-15", with: "date: 2026-09-31").utf8).write(
            to: session)
        let edited = try journal(arguments + ["lint"], in: root, environment: environment)
        #expect(edited.status == 1)
        #expect(edited.stdout.contains("sessions/2026-09-15.md:2:7: error:"))
    }

    @Test func anEmptyCacheFolderSettingMeansNoCache() throws {
        let root = try Self.settledCopy()
        let home = try temporaryFolder()
        let run = try journal(
            ["lint"], in: root,
            environment: ["JOURNAL_CACHE_DIR": "", "HOME": home.path, "XDG_CACHE_HOME": home.path])
        #expect(run.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.path).isEmpty)
    }
}
