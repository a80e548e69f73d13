import Foundation
import TestSupport
import Testing

/// The download, tried where nothing of the build is: `make dist`'s files installed in a
/// minimal Debian root made by debootstrap (no Swift, no git, no libgit2, no cmark-gfm, no
/// certificate bundle), with install.sh as a person and with dpkg, then the everyday commands,
/// a sync to a private HTTPS host with a login and a certificate authority of the test's own,
/// and a sync to an ssh host. The hosts run outside the root, on 127.0.0.1; what they received
/// is checked with the real git.
///
/// The download is built from a debug build (`DIST_CONFIGURATION=debug`): the packaging is
/// the same as the release's, in a fraction of the time.
@Suite(.serialized) struct DownloadTests {
    static let debootstrap = "/usr/sbin/debootstrap"
    static let chroot = "/usr/sbin/chroot"
    /// The home, inside the root, of the commands run there as its administrator.
    static let adminHome = "home/grace"
    static var available: Bool {
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: debootstrap)
            && FileManager.default.isExecutableFile(atPath: chroot) && PrivateHTTPHost.available
            && FileManager.default.isExecutableFile(atPath: GitRemoteTests.sshd)
    }
    static let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A Debian 12 minbase root, made once and kept as a tarball under .build.
    func minimalRoot(_ box: GitSandbox) throws -> URL {
        let cached = Self.project.appendingPathComponent(".build/debootstrap-bookworm-minbase.tar")
        let root = box.url("root")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: cached.path) {
            let made = try box.run(
                Self.debootstrap, ["--variant=minbase", "bookworm", box.url("made").path], timeout: 900)
            #expect(made.status == 0, "debootstrap: \(made.stdout.suffix(2000))\(made.stderr.suffix(2000))")
            let packed = try box.run(
                "/bin/tar", ["-C", box.url("made").path, "-cf", cached.path + ".part", "."])
            #expect(packed.status == 0, "\(packed.stderr)")
            try FileManager.default.moveItem(atPath: cached.path + ".part", toPath: cached.path)
        }
        let unpacked = try box.run("/bin/tar", ["-C", root.path, "-xf", cached.path])
        #expect(unpacked.status == 0, "\(unpacked.stderr)")
        try "127.0.0.1 localhost\n::1 localhost\n".write(
            to: root.appendingPathComponent("etc/hosts"), atomically: true, encoding: .utf8)
        return root
    }

    /// Runs `script` with /bin/sh inside `root`, as `user` (uid:gid) or root, with a clean
    /// environment.
    func inRoot(
        _ box: GitSandbox, _ root: URL, _ script: String, user: String? = nil,
        home: String = "/" + DownloadTests.adminHome,
        extra: [String] = []
    ) throws -> ProgramRun {
        var arguments: [String] = []
        if let user { arguments.append("--userspec=\(user)") }
        arguments +=
            [
                root.path, "/usr/bin/env", "-i", "HOME=\(home)",
                "PATH=\(home)/.local/bin:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin",
                "LANG=C.UTF-8", "SHELL=/bin/bash", "JOURNAL_TODAY=2026-12-01",
            ] + extra + ["/bin/sh", "-c", script]
        return try box.run(Self.chroot, arguments, timeout: 120)
    }

    @Test(.enabled(if: DownloadTests.available, "needs root, debootstrap, nginx and sshd"))
    func theDownloadRunsWhereNothingOfTheBuildIs() throws {
        let box = try GitSandbox()
        // make dist, into the test's own folder.
        let dist = box.url("dist")
        let built = try box.run(
            "/bin/sh", [Self.project.appendingPathComponent(".ci/release/dist.sh").path],
            extra: ["DIST_CONFIGURATION": "debug", "DIST_DIR": dist.path, "HOME": NSHomeDirectory()],
            timeout: 1200)
        #expect(built.status == 0, "make dist: \(built.stdout.suffix(3000))\(built.stderr.suffix(3000))")
        let names = try FileManager.default.contentsOfDirectory(atPath: dist.path).sorted()
        guard let tarball = names.first(where: { $0.hasSuffix(".tar.gz") }),
            let deb = names.first(where: { $0.hasSuffix(".deb") })
        else {
            Issue.record("make dist wrote \(names)")
            return
        }
        #expect(names.contains("install.sh") && names.contains("SHA256SUMS"))
        let sums = try box.run("/usr/bin/sha256sum", ["-c", "SHA256SUMS"], in: dist)
        #expect(sums.status == 0, "\(sums.stdout)\(sums.stderr)")

        // The binary needs glibc's libraries and the GCC runtime, nothing else.
        let unpacked = box.url("unpacked")
        try FileManager.default.createDirectory(at: unpacked, withIntermediateDirectories: true)
        _ = try box.run("/bin/tar", ["-C", unpacked.path, "-xzf", dist.appendingPathComponent(tarball).path])
        let folder = unpacked.appendingPathComponent(String(tarball.dropLast(".tar.gz".count)))
        let dynamic = try box.run("/usr/bin/readelf", ["-d", folder.appendingPathComponent("journal").path])
        let needed = dynamic.stdout.split(separator: "\n").filter { $0.contains("(NEEDED)") }.compactMap {
            $0.split(separator: "[").last?.split(separator: "]").first.map(String.init)
        }
        #expect(!needed.isEmpty)
        for library in needed {
            let allowed = [
                "libc.so", "libm.so", "libdl.so", "libpthread.so", "librt.so", "ld-linux", "libstdc++.so",
                "libgcc_s.so",
            ]
            #expect(allowed.contains { library.hasPrefix($0) }, "the binary needs \(library)")
        }
        for file in [
            "journal.1", "completions/journal.bash", "completions/_journal", "completions/journal.fish",
            "LICENSE", "README.md",
        ] {
            #expect(
                FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path),
                "\(file) missing")
        }
        #expect((box.read("LICENSE", in: folder) ?? "").contains("libgit2"))

        let root = try minimalRoot(box)
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent(Self.adminHome), withIntermediateDirectories: true)
        for absent in ["usr/bin/git", "usr/bin/swift", "etc/ssl/certs/ca-certificates.crt"] {
            #expect(
                !FileManager.default.fileExists(atPath: root.appendingPathComponent(absent).path),
                "\(absent) in the root")
        }
        // Every Linux system has /proc (the Swift runtime reads a program's arguments there); a
        // bare root does not until it is mounted.
        let mount = try box.run(
            "/bin/mount", ["-t", "proc", "proc", root.appendingPathComponent("proc").path])
        guard mount.status == 0 else {
            // A machine that lets root make a root folder but not mount in it (a container
            // without that right): the download was built and checked above; nothing can run
            // inside the root here, and the test says so.
            print(
                "DownloadTests: /proc cannot be mounted here (\(mount.stderr)); the steps in the root are skipped"
            )
            return
        }
        defer { _ = try? box.run("/bin/umount", ["-l", root.appendingPathComponent("proc").path]) }
        let downloads = root.appendingPathComponent("downloads")
        try FileManager.default.copyItem(at: dist, to: downloads)

        // A person installs from the tarball into ~/.local, twice, and can uninstall.
        let home = root.appendingPathComponent("home/ada")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        _ = try box.run("/bin/chown", ["-R", "1000:1000", home.path])
        var run = try inRoot(box, root, "sh /downloads/install.sh", user: "1000:1000", home: "/home/ada")
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("Installed journal"), "\(run.stdout)")
        run = try inRoot(
            box, root,
            "sh /downloads/install.sh && journal --version && test -f ~/.local/share/man/man1/journal.1",
            user: "1000:1000", home: "/home/ada")
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        run = try inRoot(
            box, root, "PATH=/usr/bin:/bin sh /downloads/install.sh", user: "1000:1000", home: "/home/ada")
        #expect(
            run.stdout.contains("export PATH=\"/home/ada/.local/bin:$PATH\"' >> ~/.bashrc"), "\(run.stdout)")
        run = try inRoot(
            box, root, "sh /downloads/install.sh --uninstall", user: "1000:1000", home: "/home/ada")
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(
            !FileManager.default.fileExists(atPath: home.appendingPathComponent(".local/bin/journal").path))

        // A damaged download is refused before anything is installed.
        let damaged = root.appendingPathComponent("damaged")
        try FileManager.default.copyItem(at: dist, to: damaged)
        let handle = try FileHandle(forUpdating: damaged.appendingPathComponent(tarball))
        try handle.seek(toOffset: 1000)
        try handle.write(contentsOf: Data([0x42, 0x42, 0x42]))
        try handle.close()
        run = try inRoot(box, root, "sh /damaged/install.sh", user: "1000:1000", home: "/home/ada")
        #expect(run.status != 0)
        #expect(run.stderr.contains("checksum does not match"), "\(run.stderr)")
        #expect(
            !FileManager.default.fileExists(atPath: home.appendingPathComponent(".local/bin/journal").path))

        // The .deb, with dpkg: /usr/bin, the man page and completions where Debian looks.
        run = try inRoot(box, root, "dpkg -i /downloads/\(deb) && journal --version")
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        for file in [
            "usr/bin/journal", "usr/share/man/man1/journal.1.gz",
            "usr/share/bash-completion/completions/journal",
            "usr/share/zsh/vendor-completions/_journal", "usr/share/fish/vendor_completions.d/journal.fish",
        ] {
            #expect(
                FileManager.default.fileExists(atPath: root.appendingPathComponent(file).path),
                "\(file) missing")
        }

        // Everyday use: a private HTTPS host with a login, its authority where Fedora keeps the
        // bundle (the root has no Debian bundle), and an ssh host.
        let host = try PrivateHTTPHost(box, user: "ada", password: "s3cret-dl", tls: true)
        defer { host.stop() }
        #expect(box.waitForListener(port: host.port))
        let url = try host.repository("pair.git")
        let bundle = root.appendingPathComponent("etc/pki/tls/certs")
        try FileManager.default.createDirectory(at: bundle, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: host.authority, to: bundle.appendingPathComponent("ca-bundle.crt"))
        try "[user]\n\tname = Ada Lovelace\n\temail = ada@example.org\n".write(
            to: root.appendingPathComponent(Self.adminHome + "/.gitconfig"), atomically: true, encoding: .utf8
        )
        run = try inRoot(
            box, root,
            """
            set -e
            journal init /srv/pair --mentor "Grace Hopper <grace@example.org>" \
              --mentee "Ada Lovelace <ada@example.org>" --remote \(url)
            cd /srv/pair
            journal new goal "Give a talk" --no-edit
            journal report --format html --output /srv/report.html
            journal lint
            journal commit
            journal sync
            """, extra: ["JOURNAL_GIT_TOKEN=s3cret-dl", "JOURNAL_GIT_USERNAME=ada"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect((box.read("srv/report.html", in: root) ?? "").contains("Give a talk"))
        let served = host.folder.appendingPathComponent("repos/pair.git")
        #expect(
            try box.git(["log", "--format=%s", "main"], in: served).stdout.contains("Start the mentorship"),
            "\(run.stdout)\(run.stderr)")
        #expect(
            try box.git(["ls-tree", "-r", "--name-only", "main"], in: served).stdout.contains(
                "goals/give-a-talk.md"))

        // ssh: a key and known_hosts inside the root, the host's sshd outside it.
        let remote = box.url("ssh-pair.git")
        try box.git(["init", "-q", "--bare", "-b", "main", remote.path])
        let ssh = root.appendingPathComponent(Self.adminHome + "/.ssh")
        try FileManager.default.createDirectory(at: ssh, withIntermediateDirectories: true)
        try box.run(
            "/usr/bin/ssh-keygen",
            ["-q", "-t", "ed25519", "-N", "", "-f", ssh.appendingPathComponent("id_ed25519").path])
        try FileManager.default.copyItem(
            at: ssh.appendingPathComponent("id_ed25519.pub"), to: box.url("authorized_keys"))
        let (server, port) = try GitRemoteTests().startSSHD(box)
        defer { box.stop(server) }
        try FileManager.default.copyItem(
            at: box.home.appendingPathComponent(".ssh/known_hosts"),
            to: ssh.appendingPathComponent("known_hosts"))
        run = try inRoot(
            box, root,
            """
            set -e
            journal init /srv/by-ssh --mentor "Grace Hopper" --mentee "Ada Lovelace" \
              --remote ssh://\(userName())@127.0.0.1:\(port)\(remote.path)
            cd /srv/by-ssh && journal sync
            """)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)\n\(box.read("sshd.log", in: box.root) ?? "")")
        #expect(
            try box.git(["log", "--format=%s", "main"], in: remote).stdout.contains("Start the mentorship"))
        try box.expectValid([served, remote])
    }
}
