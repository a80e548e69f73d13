import CGit2
import Foundation

/// State shared with libgit2's transport callbacks for one fetch or push: the credential
/// attempts made so far and the refs the server refused.
final class TransportSession {
    /// libgit2 asks again after every refusal; after this many offers we stop.
    static let maxCredentialAttempts = 2

    let environment: [String: String]
    /// Whether fetches and pushes go through the installed git (`sync.transport: git`).
    var viaGitCommand = false
    /// The repository's configuration, for git's credential helpers.
    let config: GitConfig?
    var attempts = 0
    /// The user names and passwords to offer in this operation, in order, asked for on first need.
    private var offers: [(username: String, password: String, helper: CredentialHelpers.Answer?)]?
    private var helpers: CredentialHelpers?
    /// The last user name and password offered, to approve or reject once the server answered.
    private var offered: (username: String, password: String, helper: CredentialHelpers.Answer?)?
    /// Why we stopped offering credentials, when we did.
    private(set) var refusal: String?
    /// Refs the server refused in the last push, with its reason.
    var rejections: [(ref: String, reason: String)] = []
    /// Whether the server's certificate is accepted unchecked (`http.sslVerify false`).
    private(set) var unverified = false
    /// What the person should be told about this transport.
    private(set) var warnings: [String] = []

    /// The certificate authorities trusted for this connection (what libgit2 was given).
    private(set) var trusted: (file: String?, path: String?) = (nil, nil)

    /// Whether `certificate`, which libgit2 refused for `host`, is good for `host` after all: when
    /// the host is an IP address, libgit2's TLS library never compares it with the certificate's
    /// IP names, so journal checks the certificate itself (`journal_certificate_names_address`:
    /// every check but the name, then the address among its names). Any other host: false.
    func acceptsAddress(_ certificate: UnsafePointer<git_cert>, host: String) -> Bool {
        let literal = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        var address = [UInt8](repeating: 0, count: 16)
        let length: Int
        if inet_pton(AF_INET, literal, &address) == 1 {
            length = 4
        } else if inet_pton(AF_INET6, literal, &address) == 1 {
            length = 16
        } else {
            return false
        }
        let x509 = UnsafeRawPointer(certificate).assumingMemoryBound(to: git_cert_x509.self).pointee
        guard let data = x509.data, x509.len > 0 else { return false }
        return journal_certificate_names_address(
            data.assumingMemoryBound(to: UInt8.self), x509.len, trusted.file, trusted.path, address, length)
            == 1
    }

    /// The repository's own folder, where an interrupted fetch leaves temporary pack files.
    var gitDirectory: URL?
    /// The top of the work tree, from which a shared copy named by a relative folder is found.
    var workTree: URL?

    init(
        environment: [String: String], config: GitConfig? = nil, gitDirectory: URL? = nil,
        workTree: URL? = nil
    ) {
        _ = GitLibrary.initialised
        self.environment = environment
        self.config = config
        self.gitDirectory = gitDirectory
        self.workTree = workTree
    }

    /// Removes the temporary pack files libgit2 writes while it receives objects
    /// (`objects/pack/pack_git2_*`) changed since `date`: what an operation cut short left.
    func removeTemporaryPacks(since date: Date) {
        guard let pack = gitDirectory?.appendingPathComponent("objects/pack"),
            let names = try? FileManager.default.contentsOfDirectory(atPath: pack.path)
        else { return }
        for name in names where name.hasPrefix("pack_git2_") {
            let file = pack.appendingPathComponent(name)
            let changed =
                (try? FileManager.default.attributesOfItem(atPath: file.path))?[.modificationDate] as? Date
            if let changed, changed >= date { try? FileManager.default.removeItem(at: file) }
        }
    }

    /// Before each fetch or push: its connections ask for credentials afresh.
    func reset() {
        attempts = 0
        refusal = nil
        revoked = nil
        rejections = []
        offers = nil
        offered = nil
    }

    /// After a fetch or push: tells the credential helpers whether what they gave worked, and
    /// keeps a login typed at the terminal that worked, when the person said to.
    func finish(succeeded: Bool) {
        if let answer = offered?.helper { helpers?.tell(succeeded ? "approve" : "reject", answer) }
        if succeeded, let typed, typed.login.remember {
            CredentialHelpers(config: config, url: typed.url, environment: environment).keep(
                url: typed.url, username: typed.login.username, password: typed.login.password)
        }
        typed = nil
        offered = nil
    }

    /// The login typed at the terminal in this operation, with the URL it was for.
    private var typed: (url: String, login: LoginAnswer)?
    /// Whether the person was asked already in this operation (they are asked once).
    private var asked = false

    private var home: URL? {
        if let home = environment["HOME"], !home.isEmpty { return URL(fileURLWithPath: home) }
        return nil
    }

    /// What `~/.ssh/config` says about the host of the current ssh remote.
    private var sshHost = SSHConfig.Host()
    /// Keys left out because a passphrase protects them and no agent holds them.
    private var lockedKeys: [String] = []

    /// The ways to prove who we are over ssh, in the order they are offered: the agent (unless
    /// `IdentitiesOnly`), then the `IdentityFile`s of `~/.ssh/config`, else ssh's default keys.
    private var sshCandidates: [(agent: Bool, key: URL?)] {
        var candidates: [(Bool, URL?)] = []
        let agent = environment["SSH_AUTH_SOCK"].map { !$0.isEmpty } ?? false
        if agent && !(sshHost.identitiesOnly && !sshHost.identityFiles.isEmpty) {
            candidates.append((true, nil))
        }
        let names =
            sshHost.identityFiles.isEmpty
            ? ["id_rsa", "id_ecdsa", "id_ecdsa_sk", "id_ed25519", "id_ed25519_sk", "id_dsa"].map {
                "~/.ssh/" + $0
            }
            : sshHost.identityFiles
        var locked: [String] = []
        for name in names {
            let key = URL(fileURLWithPath: expandHome(name))
            guard FileManager.default.fileExists(atPath: key.path) else { continue }
            // libssh2 cannot ask for a passphrase: such a key works through the agent only.
            if Self.isLocked(key) {
                if !agent { locked.append(name) }
                continue
            }
            candidates.append((false, key))
        }
        lockedKeys = locked
        return candidates
    }

    /// Whether a private key file is protected by a passphrase (PEM `ENCRYPTED`, or an OpenSSH
    /// key whose cipher is not `none`).
    static func isLocked(_ key: URL) -> Bool {
        guard let text = try? String(contentsOf: key, encoding: .utf8) else { return false }
        if text.contains("ENCRYPTED") { return true }
        let body = text.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        guard let data = Data(base64Encoded: body), data.count > 19 else { return false }
        // "openssh-key-v1\0", then the cipher's name as a length-prefixed string.
        let bytes = [UInt8](data)
        let magic = Array("openssh-key-v1".utf8) + [0]
        guard Array(bytes.prefix(magic.count)) == magic, bytes.count >= magic.count + 4 else { return false }
        let length = bytes[magic.count..<(magic.count + 4)].reduce(0) { $0 << 8 | Int($1) }
        let start = magic.count + 4
        guard length < 64, bytes.count >= start + length else { return false }
        return String(decoding: bytes[start..<(start + length)], as: UTF8.self) != "none"
    }

    func credential(
        _ out: UnsafeMutablePointer<OpaquePointer?>, url: String, userFromURL: String?,
        allowed: UInt32
    ) -> Int32 {
        let sshUser = userFromURL ?? sshHost.user ?? environment["USER"] ?? "git"
        if allowed & GIT_CREDENTIAL_USERNAME.rawValue != 0 && allowed & GIT_CREDENTIAL_SSH_KEY.rawValue == 0 {
            return git_credential_username_new(out, sshUser)
        }
        attempts += 1
        if allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0 {
            let candidates = sshCandidates
            guard attempts <= candidates.count else {
                let locked = lockedKeys.joined(separator: ", ")
                let unlock =
                    lockedKeys.isEmpty
                    ? ""
                    : "; \(locked) \(lockedKeys.count == 1 ? "is" : "are") protected by a passphrase, which "
                        + "journal cannot ask for: add \(lockedKeys.count == 1 ? "it" : "them") to your ssh-agent "
                        + "with `ssh-add \(lockedKeys.first ?? "")` (once per login), then run journal sync again"
                let unsupported =
                    sshHost.unsupported.isEmpty
                    ? ""
                    : "; your ~/.ssh/config uses \(sshHost.unsupported.joined(separator: ", ")) for this host, "
                        + "which journal's ssh cannot follow"
                refusal =
                    (candidates.isEmpty
                        ? "no ssh key to offer (no ssh-agent, no key in ~/.ssh, no IdentityFile in ~/.ssh/config)"
                        : "the server refused the ssh key\(candidates.count == 1 ? "" : "s") offered")
                    + unlock + unsupported
                return GIT_EUSER.rawValue
            }
            let candidate = candidates[attempts - 1]
            if candidate.agent { return git_credential_ssh_key_from_agent(out, sshUser) }
            guard let key = candidate.key else { return GIT_EUSER.rawValue }
            let publicKey = key.appendingPathExtension("pub").path
            return git_credential_ssh_key_new(
                out, sshUser, FileManager.default.fileExists(atPath: publicKey) ? publicKey : nil, key.path,
                nil)
        }
        if allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0 {
            // Git's credential helpers first, as `git push` asks them; then JOURNAL_GIT_TOKEN.
            if offers == nil {
                var list: [(String, String, CredentialHelpers.Answer?)] = []
                let helpers = CredentialHelpers(config: config, url: url, environment: environment)
                self.helpers = helpers
                if let answer = helpers.fill(url: url, username: userFromURL) {
                    list.append((answer.username, answer.password, answer))
                }
                if let token = environment["JOURNAL_GIT_TOKEN"], !token.isEmpty {
                    let user =
                        environment["JOURNAL_GIT_USERNAME"].flatMap { $0.isEmpty ? nil : $0 } ?? userFromURL
                        ?? "git"
                    list.append((user, token, nil))
                }
                offers = list
            }
            let list = offers ?? []
            // Asked again: the last offer was refused, and repeating it will not help.
            if attempts > 1, let previous = offered, let answer = previous.helper {
                helpers?.tell("reject", answer)
            }
            if attempts == list.count + 1, !asked, let ask = GitLibrary.askForLogin {
                asked = true
                if let login = ask(sharedCopyName(url), userFromURL) {
                    typed = (url, login)
                    offered = (login.username, login.password, nil)
                    return git_credential_userpass_plaintext_new(out, login.username, login.password)
                }
            }
            guard attempts <= list.count else {
                let tried = list.map { $0.helper == nil ? "JOURNAL_GIT_TOKEN" : "git's credential helper" }
                refusal =
                    list.isEmpty
                    ? "the server asks for a user name and password (or token), and none is set up here: run "
                        + "the same journal command once in a terminal, where journal asks for them and can "
                        + "remember them; or set JOURNAL_GIT_TOKEN (and JOURNAL_GIT_USERNAME) for scripts; or "
                        + "set them up as for `git push` (a credential helper)"
                    : "the server refused the user name and password from "
                        + tried.joined(separator: " and from ")
                        + "; check them with `git fetch`, and renew the token if it has expired"
                offered = nil
                return GIT_EUSER.rawValue
            }
            let offer = list[attempts - 1]
            offered = offer
            return git_credential_userpass_plaintext_new(out, offer.username, offer.password)
        }
        refusal = "the server asks for a kind of credential journal does not offer"
        return GIT_EUSER.rawValue
    }

    /// `http.<key>`, or `http.<url>.<key>` for a URL that matches `url`, as git reads them: the
    /// last one that applies wins.
    func httpSetting(_ key: String, for url: String) -> String? {
        var value: String?
        for (name, found) in config?.entries(matching: "^http\\.") ?? [] {
            guard name.lowercased().hasSuffix("." + key.lowercased()) else { continue }
            let pattern = String(name.dropFirst("http.".count).dropLast(key.count + 1))
            if pattern.isEmpty || CredentialHelpers.matches(pattern: pattern, url: url) { value = found }
        }
        return value
    }

    /// Before a fetch or push to `url`: git's TLS settings for it. The certificates to trust are
    /// `GIT_SSL_CAINFO`/`GIT_SSL_CAPATH`, else `http.sslCAInfo`/`http.sslCAPath` (or those of
    /// `http.<url>.*`), else `SSL_CERT_FILE`/`SSL_CERT_DIR`, else wherever this system keeps them
    /// (`SystemCertificates`); `http.sslVerify false` or
    /// `GIT_SSL_NO_VERIFY` accepts any certificate, with a warning.
    func prepare(url: String) -> String? {
        func setting(_ key: String) -> String? { httpSetting(key, for: url) }
        func variable(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let file = variable("GIT_SSL_CAINFO") ?? setting("sslCAInfo") ?? variable("SSL_CERT_FILE")
        let path = variable("GIT_SSL_CAPATH") ?? setting("sslCAPath") ?? variable("SSL_CERT_DIR")
        if Self.usesTLS(url) {
            if file != nil || path != nil {
                trusted = (file.map(expandHome), path.map(expandHome))
                CertificateLocations.use(file: trusted.file, path: trusted.path)
            } else if let system = SystemCertificates.locate() {
                trusted = system
                CertificateLocations.use(file: system.file, path: system.path)
            } else {
                trusted = (SystemCertificates.builtIn, nil)
            }
        }
        let verify = setting("sslVerify")?.lowercased()
        let off = ["false", "no", "off", "0"].contains(verify ?? "")
        unverified = environment["GIT_SSL_NO_VERIFY"] != nil || off
        return sshAddress(for: url)
    }

    /// Whether a connection to `url` can need certificates: https, or http that may redirect
    /// there. git://, ssh and local paths never do.
    static func usesTLS(_ url: String) -> Bool {
        let lowered = url.prefix(8).lowercased()
        return lowered.hasPrefix("https://") || lowered.hasPrefix("http://")
    }

    /// The proxy git would use for `url` (http and https only): `remote.<name>.proxy`, else
    /// `http.<url>.proxy` or `http.proxy`, else `https_proxy`/`http_proxy` (either case) or
    /// `all_proxy`, unless `no_proxy` names the host. An empty setting means none.
    func proxy(for url: String, remote name: String) -> String? {
        guard let parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = parts.host?.lowercased()
        else { return nil }
        if let setting = config?.string("remote.\(name).proxy") ?? httpSetting("proxy", for: url) {
            return setting.isEmpty ? nil : setting
        }
        func variable(_ names: [String]) -> String? {
            names.lazy.compactMap { self.environment[$0] }.first { !$0.isEmpty }
        }
        let bypass = (variable(["no_proxy", "NO_PROXY"]) ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        if bypass.contains(where: { entry in
            entry == "*" || host == entry
                || (entry.hasPrefix(".") ? host.hasSuffix(entry) : host.hasSuffix("." + entry))
        }) {
            return nil
        }
        return scheme == "https"
            ? variable(["https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"])
            : variable(["http_proxy", "all_proxy", "ALL_PROXY"])
    }

    /// An ssh address with its `~/.ssh/config` Host entry applied (HostName, Port, User), when
    /// that changes it; the entry's keys are remembered for the credentials.
    private func sshAddress(for url: String) -> String? {
        guard var address = SSHAddress(url) else { return nil }
        sshHost = sshConfig.host(address.host)
        defer { sshPort = address.port }
        let original = address
        if let name = sshHost.hostName {
            address.host = name.replacingOccurrences(of: "%h", with: original.host)
        }
        if address.port == nil { address.port = sshHost.port }
        if address.user == nil { address.user = sshHost.user }
        return address == original ? nil : address.url
    }

    /// `~/` and ssh's `%d` (home) in a file name.
    private func expandHome(_ path: String) -> String {
        guard let home else { return path }
        if path.hasPrefix("~/") { return home.appendingPathComponent(String(path.dropFirst(2))).path }
        return path.replacingOccurrences(of: "%d", with: home.path)
    }

    private let activity = NSLock()
    private var lastActivity = Date()

    /// Notes that the remote answered (a callback of libgit2's was called).
    func touch() {
        activity.lock()
        lastActivity = Date()
        activity.unlock()
    }

    /// Runs a fetch or push, ending journal through `onStall` when the remote sends nothing for
    /// `JOURNAL_GIT_TIMEOUT` seconds (120 unless set): libgit2 1.5 would wait for ever.
    func watchingForStalls<T>(_ what: String, remote: String, _ body: () throws -> T) rethrows -> T {
        guard let onStall = GitLibrary.onStall else { return try body() }
        let limit = environment["JOURNAL_GIT_TIMEOUT"].flatMap(Double.init).map { max($0, 1) } ?? 120
        let started = Date().addingTimeInterval(-1)
        touch()
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global())
        timer.schedule(deadline: .now() + 1, repeating: 1)
        timer.setEventHandler { [self] in
            activity.lock()
            let idle = Date().timeIntervalSince(lastActivity)
            activity.unlock()
            if idle > limit {
                timer.cancel()
                // Nothing half-received stays behind in the repository.
                removeTemporaryPacks(since: started)
                onStall(
                    "remote `\(remote)` stopped answering during the \(what) (nothing for \(Int(limit)) seconds): the "
                        + "connection may have dropped. Nothing is lost: your files are as you left them; "
                        + "run `journal sync` again once the remote is back")
            }
        }
        timer.resume()
        defer { timer.cancel() }
        return try body()
    }

    /// Whether known_hosts marks this host key `@revoked`.
    func isRevoked(_ key: Data) -> Bool { knownHosts.isRevoked(key) }

    /// `~/.ssh/config`, read once per session however many operations ask.
    private lazy var sshConfig = SSHConfig(home: home)

    /// The host keys ssh trusts, read on first need.
    private lazy var knownHosts = KnownHosts(
        files: [home.map { $0.appendingPathComponent(".ssh/known_hosts").path }, "/etc/ssh/ssh_known_hosts"]
            .compactMap { $0 })

    /// When known_hosts has marker lines libssh2 cannot read: whether it trusts `key` for `host`;
    /// nil when libgit2 can check it itself.
    func knownHostsVerdict(_ key: Data, host: String) -> Bool? {
        guard knownHosts.hasMarkers else { return nil }
        if knownHosts.trusts(key, for: KnownHosts.name(host: host, port: sshPort)) { return true }
        revoked =
            "\(host) is not listed in ~/.ssh/known_hosts with the key it presented; connect once with `ssh` to "
            + "check its fingerprint and add it"
        return false
    }

    /// The port of the ssh address being reached, when it is not ssh's own.
    private(set) var sshPort: Int?

    /// Why the server's key was refused, when it is revoked.
    private(set) var revoked: String?

    func refuseRevoked(host: String) {
        revoked =
            "the key \(host) presented is marked @revoked in known_hosts: it must not be trusted. Ask whoever "
            + "runs the server for its new key"
    }

    /// Fills libgit2's callbacks with ours; `self` must outlive the call they are used in.
    func install(_ callbacks: inout git_remote_callbacks) {
        callbacks.payload = Unmanaged.passUnretained(self).toOpaque()
        callbacks.sideband_progress = { _, _, payload in
            if let payload { Unmanaged<TransportSession>.fromOpaque(payload).takeUnretainedValue().touch() }
            return 0
        }
        callbacks.transfer_progress = { _, payload in
            if let payload { Unmanaged<TransportSession>.fromOpaque(payload).takeUnretainedValue().touch() }
            return 0
        }
        callbacks.push_transfer_progress = { _, _, _, payload in
            if let payload { Unmanaged<TransportSession>.fromOpaque(payload).takeUnretainedValue().touch() }
            return 0
        }
        callbacks.pack_progress = { _, _, _, payload in
            if let payload { Unmanaged<TransportSession>.fromOpaque(payload).takeUnretainedValue().touch() }
            return 0
        }
        callbacks.credentials = { out, url, userFromURL, allowed, payload in
            guard let out, let payload else { return GIT_EUSER.rawValue }
            let session = Unmanaged<TransportSession>.fromOpaque(payload).takeUnretainedValue()
            return session.credential(
                out, url: url.map { String(cString: $0) } ?? "",
                userFromURL: userFromURL.map { String(cString: $0) },
                allowed: allowed)
        }
        callbacks.certificate_check = { certificate, valid, host, payload in
            // Called once per connection, before authentication: libgit2 may open several
            // connections in one fetch, and each may offer credentials anew. Passing through
            // keeps libgit2's own verdict (known_hosts, the certificates trusted).
            guard let payload else { return GIT_PASSTHROUGH.rawValue }
            let session = Unmanaged<TransportSession>.fromOpaque(payload).takeUnretainedValue()
            session.attempts = 0
            if let certificate, certificate.pointee.cert_type == GIT_CERT_HOSTKEY_LIBSSH2 {
                let hostkey = UnsafeRawPointer(certificate).assumingMemoryBound(to: git_cert_hostkey.self)
                    .pointee
                if hostkey.type.rawValue & GIT_CERT_SSH_RAW.rawValue != 0, let raw = hostkey.hostkey {
                    let key = Data(bytes: raw, count: hostkey.hostkey_len)
                    let name = host.map { String(cString: $0) } ?? "the server"
                    if session.isRevoked(key) {
                        session.refuseRevoked(host: name)
                        return GIT_ECERTIFICATE.rawValue
                    }
                    // libssh2 cannot read a known_hosts with @revoked or @cert-authority lines (libgit2
                    // then fails on the whole file): journal reads it itself.
                    if let known = session.knownHostsVerdict(key, host: name) {
                        return known ? 0 : GIT_ECERTIFICATE.rawValue
                    }
                }
            }
            let isTLS = certificate?.pointee.cert_type == GIT_CERT_X509
            if isTLS, valid == 0, let certificate, let host,
                session.acceptsAddress(certificate, host: String(cString: host))
            {
                return 0
            }
            if isTLS, valid == 0, session.unverified {
                let name = host.map { String(cString: $0) } ?? "the server"
                let warning =
                    "warning: the certificate of \(name) was not checked (http.sslVerify is false): anyone "
                    + "between you and it could read the journal; trust its certificate authority with "
                    + "`git config http.sslCAInfo FILE` instead"
                if !session.warnings.contains(warning) { session.warnings.append(warning) }
                return 0
            }
            return GIT_PASSTHROUGH.rawValue
        }
        callbacks.push_update_reference = { ref, status, payload in
            // A non-NULL status is the server's refusal of this ref: not a success.
            guard let status, let payload else { return 0 }
            let session = Unmanaged<TransportSession>.fromOpaque(payload).takeUnretainedValue()
            session.rejections.append((ref.map { String(cString: $0) } ?? "?", String(cString: status)))
            return 0
        }
    }

    /// A transport failure as the person should read it: unreachable or refused, which remote,
    /// and never a credential.
    func classify(_ error: GitError, remote: String, url: String) -> GitError {
        var result = error
        // A damaged object here is not the shared copy's fault: said as it is (exit 1).
        if error.kind == .damaged { return error }
        let where_ =
            remote == "origin"
            ? "the shared copy (\(sharedCopyName(url)))"
            : "the shared copy `\(remote)` (\(sharedCopyName(url)))"
        if let revoked {
            result.kind = .unreachable
            result.message = "cannot reach \(where_) safely: \(revoked)"
        } else if let refusal {
            result.kind = .authentication
            result.message = "authentication refused by \(where_): \(refusal)"
        } else if error.code == GIT_EAUTH.rawValue || Self.soundsLikeAuthentication(error.message) {
            result.kind = .authentication
            result.message = "authentication refused by \(where_): \(redact(error.message))"
        } else if error.code == GIT_ECERTIFICATE.rawValue || error.message.lowercased().contains("hostkey") {
            result.kind = .unreachable
            result.message =
                "cannot reach \(where_) safely: the server's identity could not be verified "
                + "(for ssh, connect once with `ssh` to add it to ~/.ssh/known_hosts): \(redact(error.message))"
        } else if let folder = Self.localFolder(url, from: workTree),
            !FileManager.default.fileExists(atPath: folder)
        {
            // libgit2 says "unsupported URL protocol" for a path that is not there.
            result.kind = .unreachable
            result.message =
                "cannot reach \(where_): the folder \(folder) does not exist on this computer. "
                + "Check the address; to keep the shared copy in a new folder there, "
                + "`git init --bare \(folder)` makes an empty one"
        } else {
            result.kind = .unreachable
            result.message = "cannot reach \(where_): \(redact(error.message))"
        }
        return result
    }

    /// The folder a remote URL names when it is a local path (`/srv/journal.git`, `../shared`,
    /// `file:///srv/journal.git`), as git reads it; nil for a network URL or `host:path`.
    /// A folder named relative to `base` (git's top of the work tree) is given by its full path.
    static func localFolder(_ url: String, from base: URL? = nil) -> String? {
        if url.hasPrefix("file://") { return String(url.dropFirst("file://".count)).removingPercentEncoding }
        if url.contains("://") { return nil }
        // git's scp-like syntax (`host:path`) has a colon before any slash.
        if let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/") { return nil }
        guard let base, !url.hasPrefix("/") else { return url }
        return URL(fileURLWithPath: url, relativeTo: base).standardizedFileURL.path
    }
}

extension TransportSession {
    /// Whether libgit2's message says the server refused us. Quoted paths and URLs are left out
    /// first: a temporary folder named `…-0C403F…` is not an HTTP 403.
    static func soundsLikeAuthentication(_ message: String) -> Bool {
        var words = ""
        var quote: Character?
        for character in message.lowercased() {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else {
                words.append(character)
            }
        }
        let wordsOnly = words.split(separator: " ").filter { !$0.contains("/") }.joined(separator: " ")
        let phrases = [
            "authentication", "permission denied", "publickey", "unauthorized", "credentials",
            "status code: 401", "status code: 403", "forbidden",
        ]
        return phrases.contains(where: wordsOnly.contains)
    }
}

/// `text` with any password or token written into a URL (`https://user:secret@host`) masked.
public func redact(_ text: String) -> String {
    var result = ""
    var rest = Substring(text)
    while let scheme = rest.range(of: "://") {
        result += rest[..<scheme.upperBound]
        rest = rest[scheme.upperBound...]
        let authorityEnd =
            rest.firstIndex { $0 == "/" || $0 == " " || $0 == "'" || $0 == "\"" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            if let colon = userInfo.firstIndex(of: ":") {
                result += userInfo[..<colon] + ":***"
            } else {
                result += userInfo
            }
            result += "@"
            rest = rest[rest.index(after: at)...]
        }
    }
    return result + rest
}

extension TransportSession {
    /// What every connection to `remote` starts with: the session's callbacks, the address it
    /// resolved (an ssh Host alias), and the proxy git would use. Returns the proxy's text for
    /// the caller to free once the connection is done.
    func prepareConnection(
        _ remote: GitRemote, name: String, callbacks: inout git_remote_callbacks,
        proxy settings: inout git_proxy_options
    ) -> UnsafeMutablePointer<CChar>? {
        reset()
        install(&callbacks)
        if let address = prepare(url: remote.url) { remote.useAddress(address) }
        let proxy = self.proxy(for: remote.url, remote: name).flatMap { strdup($0) }
        if let proxy {
            settings.type = GIT_PROXY_SPECIFIED
            settings.url = UnsafePointer(proxy)
        }
        return proxy
    }

    /// Ends an operation on `remote` with libgit2's `code`: a failure is thrown in plain words
    /// (and credentials that were refused are not remembered as good).
    func conclude(_ code: Int32, remote: GitRemote, name: String) throws {
        if code < 0 {
            let error = classify(GitError(code: code, context: ""), remote: name, url: remote.url)
            finish(succeeded: error.kind != .authentication)
            throw error
        }
        finish(succeeded: true)
    }
}

/// The certificates libgit2 trusts are set for the whole process, and setting them parses every
/// file of the folder named: done once per process for the same locations, not per connection
/// (a programme fetch makes hundreds).
enum CertificateLocations {
    nonisolated(unsafe) private static var current: (file: String?, path: String?)?
    private static let lock = NSLock()

    static func use(file: String?, path: String?) {
        lock.lock()
        defer { lock.unlock() }
        if let current, current.file == file, current.path == path { return }
        if journal_git_set_ssl_cert_locations(file, path) == 0 { current = (file, path) }
    }
}

/// How a person is told where the shared copy of the journal lives: host and path as their
/// git host shows them (`github.com/ada/mentoring`), a folder as its path; never a password.
public func sharedCopyName(_ url: String) -> String {
    var text = url
    if let components = URLComponents(string: url), let scheme = components.scheme,
        let host = components.host, !host.isEmpty
    {
        let port = components.port.map { ":\($0)" } ?? ""
        text = host + port + components.path
        if scheme == "file" { text = components.path }
    } else if TransportSession.localFolder(url) == nil, let colon = url.firstIndex(of: ":") {
        // git@host:owner/name.git
        let host = url[..<colon].split(separator: "@").last.map(String.init) ?? ""
        text = host + "/" + url[url.index(after: colon)...].trimmingCharacters(in: ["/"])
    } else if url.hasPrefix("file://") {
        text = String(url.dropFirst("file://".count))
    }
    if text.hasSuffix(".git"), !text.hasSuffix("/.git"), TransportSession.localFolder(url) == nil {
        text.removeLast(4)
    }
    return redact(text)
}

/// The address of a shared copy as it is kept in a repository's settings: a folder named
/// relative to `base` (`../shared.git`) by its full path, as `git clone` keeps it, so that it
/// names the same folder from inside the copy; any other address as it is.
public func absoluteAddress(_ url: String, from base: URL) -> String {
    guard !url.hasPrefix("file://"), let folder = TransportSession.localFolder(url),
        !folder.hasPrefix("/"), !folder.hasPrefix("~")
    else { return url }
    return URL(fileURLWithPath: folder, relativeTo: base).standardizedFileURL.path
}
