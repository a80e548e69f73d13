// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "journal",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "journal", targets: ["journal"]),
        .library(name: "JournalKit", targets: ["JournalKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CGit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev"])]),
        .systemLibrary(
            name: "CCmark", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        // Front matter is composed from the events of the libyaml that Yams builds (its CYaml
        // module), so the Yams package stays the one copy of libyaml in the program.
        .target(
            name: "JournalKit",
            dependencies: [
                "Yams", "CCmark", .product(name: "Mustache", package: "swift-mustache"),
                // The age format of the private backup: X25519, ChaCha20-Poly1305, HKDF, HMAC
                // and scrypt come from here; only the format's framing is journal's.
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]),
        // JournalKit for the rules git's files share with entries (conflict markers).
        .target(name: "JournalGit", dependencies: ["CGit2", "JournalKit"]),
        // Opens a journal from any source and runs the pipeline: read, lint, report, history,
        // staging. No argument parsing and no printing: the executable does those.
        .target(
            name: "JournalWorkspace",
            dependencies: ["JournalKit", "JournalGit", .product(name: "Crypto", package: "swift-crypto")]),
        .executableTarget(
            name: "journal",
            dependencies: [
                "JournalKit", "JournalGit", "JournalWorkspace",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Helpers the three test targets share: temporary folders, running programs.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "JournalKitTests",
            dependencies: ["JournalKit", "TestSupport", .product(name: "Crypto", package: "swift-crypto")],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "JournalTests", dependencies: ["journal", "JournalKit", "TestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(name: "JournalGitTests", dependencies: ["JournalGit", "JournalKit", "TestSupport"]),
        .testTarget(
            name: "JournalWorkspaceTests", dependencies: ["JournalWorkspace", "JournalKit", "TestSupport"]),
    ]
)
