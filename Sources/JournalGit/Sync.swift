import CGit2
import Foundation
import JournalKit

/// What `journal sync` is asked to do.
public struct SyncPlan: Sendable {
    /// What to commit first.
    public var rule: StagingRule
    /// The remote's name; nil for the branch's upstream remote, else `origin`.
    public var remote: String?
    /// The message of the commit of pending changes, from what it stages.
    public var message: @Sendable ([GitChange]) -> String
    /// How many times a push refused because the remote moved is tried.
    public var maxPushAttempts: Int
    /// The variables credentials come from (`HOME`, `SSH_AUTH_SOCK`, `JOURNAL_GIT_TOKEN`, ...).
    public var environment: [String: String]
    /// Whether the fetch and the push go through the installed `git` (the opt-in for ssh
    /// set-ups libssh2 cannot follow); commits, merges and checkouts stay journal's.
    public var useGitCommand = false

    /// Creates a plan.
    public init(
        rule: StagingRule, remote: String? = nil, maxPushAttempts: Int = 5,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        message: @escaping @Sendable ([GitChange]) -> String
    ) {
        self.rule = rule
        self.remote = remote
        self.maxPushAttempts = maxPushAttempts
        self.environment = environment
        self.message = message
    }
}

/// How a sync ended.
public struct SyncOutcome: Sendable, Equatable {
    /// What happened with the remote's history.
    public enum Integration: String, Sendable, Equatable {
        /// Nothing new on the remote.
        case upToDate
        /// The remote's new commits were taken as they are.
        case fastForwarded
        /// Both sides had new commits; a merge commit joins them.
        case merged
        /// Both sides changed the same lines: the files hold both versions to choose from.
        case conflicts
    }

    /// The remote's name.
    public var remote: String
    /// The local branch.
    public var branch: String
    /// The commit of pending changes (or the finished merge) made first, if any.
    public var committed: GitCommitInfo?
    /// What happened with the remote's history.
    public var integration: Integration
    /// Commits brought in from the remote.
    public var incomingCommits: Int
    /// Who wrote them.
    public var incomingAuthors: [String]
    /// Whether commits were pushed.
    public var pushed: Bool
    /// Whether this sync made the remote branch the upstream (a first push).
    public var upstreamSet: Bool
    /// How many pushes were refused because the remote moved meanwhile.
    public var retries: Int
    /// Files left to resolve (when `integration` is `.conflicts`).
    public var conflicts: [String]
    /// How each of `conflicts` conflicts, as the merge found it (git's index after an earlier sync).
    public var conflictKinds: [String: ConflictKind] = [:]
    /// Whether the conflicts are from an earlier sync, still unresolved.
    public var conflictsFromEarlierSync: Bool
    /// Changed or new paths the commit of step 2 kept local (private entries).
    public var keptLocal: [String] = []
    /// What the person should know about how the remote was reached (a certificate not checked).
    public var warnings: [String] = []
}

/// The local branch, the remote and the remote branch a sync works with.
struct Upstream {
    var branch: String
    var remote: String
    var remoteBranch: String
    var configured: Bool

    var trackingRef: String { "refs/remotes/\(remote)/\(remoteBranch)" }
    var fetchRefspec: String { "+refs/heads/\(remoteBranch):\(trackingRef)" }
    var pushRefspec: String { "refs/heads/\(branch):refs/heads/\(remoteBranch)" }
}

extension GitRepository {
    /// `journal sync`: the six steps of cli.md. Never forces, never resets, never discards a
    /// change: a checkout that would overwrite a file fails before touching anything.
    public func sync(_ plan: SyncPlan) throws -> SyncOutcome {
        try beginSync()
        do {
            let outcome = try syncSteps(plan)
            endWrites()
            return outcome
        } catch var error as GitError where error.kind == .other {
            if !isWriting() { endWrites() }
            // A shared copy in a folder that went away while the sync ran (an unplugged disk, a
            // network share that dropped) is unreachable, whichever step noticed it first.
            if let name = try? upstream(remoteOverride: plan.remote).remote,
                let url = remoteURL(name), let folder = localRemoteFolder(url),
                !FileManager.default.fileExists(atPath: folder)
            {
                error.kind = .unreachable
                error.message =
                    "cannot reach the shared copy (\(sharedCopyName(url))): the folder \(folder) is not there "
                    + "any more (a disk or network folder that went away?)"
            }
            throw error
        } catch {
            // Stopped without being cut short: what it wrote, if anything, is put back next time.
            if !isWriting() { endWrites() }
            throw error
        }
    }

    private func syncSteps(_ plan: SyncPlan) throws -> SyncOutcome {
        try ensureReadyToCommit()
        try ensureFullHistory()
        let upstream = try upstream(remoteOverride: plan.remote)
        var outcome = SyncOutcome(
            remote: upstream.remote, branch: upstream.branch, committed: nil, integration: .upToDate,
            incomingCommits: 0, incomingAuthors: [], pushed: false, upstreamSet: false, retries: 0,
            conflicts: [],
            conflictsFromEarlierSync: false)

        // 1. An unfinished merge whose files still hold markers: nothing more to do.
        if isMerging {
            let unresolved = try unresolvedConflicts()
            if !unresolved.isEmpty {
                outcome.integration = .conflicts
                outcome.conflicts = unresolved
                outcome.conflictKinds = try conflictKinds()
                outcome.conflictsFromEarlierSync = true
                return outcome
            }
        }
        let remote = try lookupRemote(upstream.remote)
        let session = TransportSession(
            environment: plan.environment, config: try? config(), gitDirectory: commonDirectory,
            workTree: workdir)
        session.viaGitCommand = plan.useGitCommand

        if let adopted = try startFromRemote(upstream, remote: remote, session: session) {
            outcome.integration = .fastForwarded
            outcome.incomingCommits = adopted.commits
            outcome.incomingAuthors = adopted.authors
        }
        let upstreamNow = try self.upstream(remoteOverride: plan.remote)

        // 2. Commit pending changes (this also finishes a resolved merge).
        var keptLocal: [String] = []
        var filtered: [(path: String, filter: String)] = []
        outcome.committed = try commitPending(
            plan, upstream: upstreamNow, keptLocal: &keptLocal, filtered: &filtered)
        outcome.keptLocal = keptLocal
        outcome.branch = upstreamNow.branch

        // 3 to 6: fetch, integrate, push; again when the remote moved meanwhile.
        var lastRefusal: (tip: git_oid?, reason: String)?
        for _ in 1...max(1, plan.maxPushAttempts) {
            session.reset()
            try fetch(remote, upstreamNow, session: session)
            outcome.warnings = filtered.map(StagingResult.filterWarning) + session.warnings
            let theirs = try reference(upstreamNow.trackingRef)?.target
            if let lastRefusal, Self.same(lastRefusal.tip, theirs),
                !lastRefusal.reason.lowercased().contains("lock")
            {
                // The remote did not move, so the refusal was not a race: say what it said.
                throw GitError(
                    .other, "the shared copy refused what was sent: \(lastRefusal.reason)")
            }
            let integration = try integrate(upstreamNow, theirs: theirs)
            outcome.incomingCommits += integration.incomingCommits
            for author in integration.incoming where !outcome.incomingAuthors.contains(author) {
                outcome.incomingAuthors.append(author)
            }
            if integration.kind != .upToDate { outcome.integration = integration.kind }
            if integration.kind == .conflicts {
                outcome.integration = .conflicts
                outcome.conflicts = integration.conflicts.map(\.path)
                outcome.conflictKinds = Dictionary(
                    integration.conflicts.map { ($0.path, $0.kind) }, uniquingKeysWith: { first, _ in first })
                return outcome
            }
            guard let local = try headCommit()?.id else { return outcome }
            if let theirs, local == theirs {
                if !upstreamNow.configured { try setUpstream(upstreamNow) }
                outcome.upstreamSet = !upstreamNow.configured
                return outcome
            }
            let pushed =
                try localRemoteFolder(remote.url).map { path in
                    try pushToLocalRemote(at: path, remote, upstreamNow, expected: theirs, session: session)
                } ?? push(remote, upstreamNow, session: session)
            if pushed {
                try check(
                    git_reference_create_with_local_tip(pointer, upstreamNow.trackingRef, local),
                    "cannot record what was pushed")
                if !upstreamNow.configured {
                    try setUpstream(upstreamNow)
                    outcome.upstreamSet = true
                }
                outcome.pushed = true
                return outcome
            }
            outcome.retries += 1
            lastRefusal = (theirs, session.lastRejection ?? "refused")
            // Another push holding the remote's ref lock finishes within moments; give it one.
            if lastRefusal?.reason.lowercased().contains("lock") == true { usleep(200_000) }
        }
        throw GitError(
            .other,
            "your partner kept sending changes while journal sent yours (\(plan.maxPushAttempts) attempts); "
                + "your commits are safe here: run `journal sync` again")
    }

    /// A shallow clone (`git clone --depth N`, what CI checkouts make) lacks the commits a merge
    /// needs to find what both sides share: say what brings them in, before anything is done.
    public func ensureFullHistory() throws {
        guard git_repository_is_shallow(pointer) == 1 else { return }
        throw GitError(
            .other,
            "this clone holds only the latest part of the shared history (a shallow clone, made with "
                + "--depth), and a sync needs it all to merge safely: run `git fetch --unshallow` once, then "
                + "`journal sync` again. Your files are as they were.")
    }

    private static func same(_ a: git_oid?, _ b: git_oid?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let a?, let b?): return a == b
        default: return false
        }
    }

    /// Before the first local commit (a fresh clone, or a clone of a remote whose HEAD names no
    /// branch): starts the local branch from the remote's, so that the first local commit
    /// builds on the shared history. Returns what was brought in, or nil when there was
    /// nothing to do. Callers that decide what to stage from the files should look again
    /// afterwards: the shared files are now on disk.
    public func startFromRemote(
        remote name: String? = nil, environment: [String: String], useGitCommand: Bool = false
    ) throws -> (commits: Int, authors: [String])? {
        let upstream = try upstream(remoteOverride: name)
        guard try headCommit() == nil else { return nil }
        let remote = try lookupRemote(upstream.remote)
        let session = TransportSession(
            environment: environment, config: try? config(), gitDirectory: commonDirectory, workTree: workdir)
        session.viaGitCommand = useGitCommand
        return try startFromRemote(upstream, remote: remote, session: session)
    }

    private func startFromRemote(_ upstream: Upstream, remote: GitRemote, session: TransportSession) throws
        -> (commits: Int, authors: [String])?
    {
        guard try headCommit() == nil else { return nil }
        try fetch(remote, upstream, session: session)
        guard let adopted = try adoptRemoteBranch(upstream, remote: remote, session: session) else {
            return nil
        }
        let (commits, names) = try authors(from: adopted, hiding: nil)
        return (commits, names)
    }

    private func commitPending(
        _ plan: SyncPlan, upstream: Upstream, keptLocal: inout [String],
        filtered: inout [(path: String, filter: String)]
    ) throws -> GitCommitInfo? {
        let merging = isMerging
        let resolved = merging ? try conflictedPaths() : []
        let staged = try stageReporting(plan.rule)
        keptLocal = staged.keptLocal
        filtered = staged.filtered
        let changes = staged.changes
        guard merging || !changes.isEmpty else { return nil }
        var message: String
        if merging {
            message = "Merge changes from \(upstream.remote)/\(upstream.remoteBranch)"
            if !resolved.isEmpty { message += "; resolve \(resolved.joined(separator: ", "))" }
        } else {
            message = plan.message(changes)
        }
        return try commitIndex(message: message)
    }

    // MARK: - Remote, branch and upstream

    func upstream(remoteOverride: String?) throws -> Upstream {
        let branchRef = try headBranch()
        guard branchRef.hasPrefix("refs/heads/") else {
            throw GitError(
                .other,
                "this folder shows an earlier version of the journal, not the current one (git is not on a "
                    + "branch), so there is nothing to sync: `git switch main` brings back the current version"
            )
        }
        let branch = String(branchRef.dropFirst("refs/heads/".count))
        let config = try config()
        let configuredRemote = config.string("branch.\(branch).remote")
        let configuredMerge = config.string("branch.\(branch).merge")
        let remote = remoteOverride ?? configuredRemote ?? "origin"
        var remoteBranch = branch
        var configured = false
        if configuredRemote == remote, let merge = configuredMerge, merge.hasPrefix("refs/heads/") {
            remoteBranch = String(merge.dropFirst("refs/heads/".count))
            configured = true
        }
        return Upstream(branch: branch, remote: remote, remoteBranch: remoteBranch, configured: configured)
    }

    func lookupRemote(_ name: String) throws -> GitRemote {
        var remote: OpaquePointer?
        let code = git_remote_lookup(&remote, pointer, name)
        if code == GIT_ENOTFOUND.rawValue || code == GIT_EINVALIDSPEC.rawValue {
            throw GitError(
                .noRemote,
                name == "origin"
                    ? "this journal is not shared yet: tell journal where the shared copy is with "
                        + "`journal sync --remote URL` (the address your git host shows)"
                    : "this journal has no shared copy named `\(name)`: name the shared copy's address "
                        + "with `journal sync --remote URL`")
        }
        try check(code, "cannot read remote `\(name)`")
        guard let remote else { throw GitError(.noRemote, "no remote named `\(name)`") }
        let handle = GitRemote(remote)
        // A folder named relative to the work tree, as git finds it, whatever folder journal
        // was started in (for this handle only: the settings keep what the person wrote).
        if let folder = localRemoteFolder(handle.url), !handle.url.hasPrefix("/"),
            !handle.url.hasPrefix("file://")
        {
            git_remote_set_instance_url(remote, folder)
        }
        if let push = git_remote_pushurl(remote).map({ String(cString: $0) }),
            let folder = localRemoteFolder(push), !push.hasPrefix("/"), !push.hasPrefix("file://")
        {
            git_remote_set_instance_pushurl(remote, folder)
        }
        return handle
    }

    /// The folder of a shared copy given as a path or `file://` URL, by its full path (a relative
    /// one from the top of the work tree, as git reads it); nil for a network address.
    func localRemoteFolder(_ url: String) -> String? {
        TransportSession.localFolder(url, from: workdir)
    }

    private func setUpstream(_ upstream: Upstream) throws {
        let config = try config()
        try config.set("branch.\(upstream.branch).remote", upstream.remote)
        try config.set("branch.\(upstream.branch).merge", "refs/heads/\(upstream.remoteBranch)")
    }

    // MARK: - Fetch and push

    func fetch(_ remote: GitRemote, _ upstream: Upstream, session: TransportSession, refspec: String? = nil)
        throws
    {
        if session.viaGitCommand {
            _ = try gitCommand(
                ["fetch", "--no-tags", upstream.remote, refspec ?? upstream.fetchRefspec], upstream, session)
            return
        }
        var (options, proxy) = try fetchOptions(remote, upstream, session: session)
        defer { free(proxy) }
        let refspecs = GitStringArray([refspec ?? upstream.fetchRefspec])
        let code = withExtendedLifetime(session) {
            session.watchingForStalls("fetch", remote: upstream.remote) {
                refspecs.withArray { array in
                    git_remote_fetch(remote.pointer, array, &options, "journal sync: fetch")
                }
            }
        }
        try session.conclude(code, remote: remote, name: upstream.remote)
    }

    /// Fetch options as every fetch here sets them: the session's connection, no tags. The
    /// proxy's text is the caller's to free once the fetch is done.
    func fetchOptions(_ remote: GitRemote, _ upstream: Upstream, session: TransportSession) throws -> (
        git_fetch_options, UnsafeMutablePointer<CChar>?
    ) {
        var options = git_fetch_options()
        try check(git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)), "cannot fetch")
        let proxy = session.prepareConnection(
            remote, name: upstream.remote, callbacks: &options.callbacks, proxy: &options.proxy_opts)
        options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
        return (options, proxy)
    }

    /// Pushes the branch without force. False when the remote refused it because it moved.
    private func push(
        _ remote: GitRemote, _ upstream: Upstream, session: TransportSession, refspec: String? = nil
    ) throws -> Bool {
        if session.viaGitCommand {
            return try gitCommand(
                ["push", "--porcelain", upstream.remote, refspec ?? upstream.pushRefspec], upstream, session)
        }
        var options = git_push_options()
        try check(git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION)), "cannot push")
        // The push opens connections of its own, which ask for credentials afresh.
        let proxy = session.prepareConnection(
            remote, name: upstream.remote, callbacks: &options.callbacks, proxy: &options.proxy_opts)
        defer { free(proxy) }
        let refspecs = GitStringArray([refspec ?? upstream.pushRefspec])
        let code = withExtendedLifetime(session) {
            session.watchingForStalls("push", remote: upstream.remote) {
                refspecs.withArray { array in git_remote_push(remote.pointer, array, &options) }
            }
        }
        if code == GIT_ENONFASTFORWARD.rawValue || code == GIT_ELOCKED.rawValue {
            session.rejections.append(
                (upstream.pushRefspec, "the remote moved (\(GitError(code: code, context: "")))"))
            return false
        }
        if code == GIT_EBAREREPO.rawValue {
            throw GitError(
                .other,
                "cannot send to the shared copy: it is someone's working folder, and "
                    + "sending there could overwrite what they are writing. A shared copy in a folder is made "
                    + "with `git init --bare FOLDER` (an empty shared journal, with no working files)")
        }
        if code < 0 {
            let error = GitError(code: code, context: "")
            if error.message.lowercased().contains("non-fast")
                || error.message.lowercased().contains("fetch first")
            {
                session.rejections.append((upstream.pushRefspec, error.message))
                return false
            }
            let classified = session.classify(error, remote: upstream.remote, url: remote.url)
            session.finish(succeeded: classified.kind != .authentication)
            throw classified
        }
        session.finish(succeeded: true)
        // git_remote_push returns 0 even when the server refused the ref: its callback tells.
        // Any refusal is first taken for a race; the caller fetches again and gives up with the
        // server's reason when the remote had not moved.
        return session.rejections.isEmpty
    }

    /// Runs `git fetch` or `git push` (never forced) for the opt-in transport. True when it
    /// went through; false for a push the remote refused because it moved (fetched again and
    /// retried by the caller); any other failure is classified as journal's own would be.
    private func gitCommand(_ arguments: [String], _ upstream: Upstream, _ session: TransportSession) throws
        -> Bool
    {
        let variables = session.environment.merging(["GIT_TERMINAL_PROMPT": "0"]) { _, new in new }
        guard
            let result = ExternalProgram.run(
                URL(fileURLWithPath: "/usr/bin/env"), ["git", "-C", workdir.path] + arguments, input: Data(),
                environment: variables)
        else { throw GitError(.other, "cannot run git for sync.transport git: is git installed?") }
        if result.status == 0 { return true }
        let said = (String(decoding: result.output, as: UTF8.self) + result.errors)
        let lowered = said.lowercased()
        // An empty shared repository has no branch yet: nothing to fetch, as libgit2 sees it.
        if arguments.first == "fetch", lowered.contains("couldn't find remote ref") { return true }
        if arguments.first == "push",
            lowered.contains("non-fast-forward") || lowered.contains("fetch first")
                || lowered.contains("[rejected]")
        {
            session.rejections.append((upstream.pushRefspec, "the remote moved"))
            return false
        }
        let reason = said.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("To ") && !$0.hasPrefix("Done") }.joined(separator: "; ")
        let where_ = "the shared copy"
        if TransportSession.soundsLikeAuthentication(said) || lowered.contains("could not read username") {
            throw GitError(
                .authentication, "authentication refused by \(where_) (through git): \(redact(reason))")
        }
        if lowered.contains("could not resolve") || lowered.contains("connection refused")
            || lowered.contains("unable to access") || lowered.contains("could not read from remote")
            || lowered.contains("timed out")
        {
            throw GitError(.unreachable, "cannot reach \(where_) (through git): \(redact(reason))")
        }
        throw GitError(.other, "git \(arguments.first ?? "") failed for \(where_): \(redact(reason))")
    }

    /// A push to a remote on this machine. libgit2's local transport replaces the remote
    /// branch without checking that it still holds what we fetched, so two pushes at the same
    /// moment could lose one of them. Here libgit2 sends the objects under a ref of their own,
    /// and the branch is then moved only if it still points where we merged from
    /// (compare-and-swap under git's ref lock). False when the remote moved meanwhile.
    private func pushToLocalRemote(
        at path: String, _ remote: GitRemote, _ upstream: Upstream, expected: git_oid?,
        session: TransportSession
    ) throws -> Bool {
        guard var local = try headCommit()?.id else { return true }
        var remoteRepository: OpaquePointer?
        try check(git_repository_open(&remoteRepository, path), "cannot open the shared copy")
        guard let remoteRepository else { throw GitError(.other, "cannot open the shared copy") }
        defer { git_repository_free(remoteRepository) }
        // What an earlier sync left when it was stopped between its two steps goes first.
        Self.removeStagingLeftovers(remoteRepository)
        let staging = "refs/journal-sync/\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        guard
            try push(remote, upstream, session: session, refspec: "refs/heads/\(upstream.branch):\(staging)")
        else {
            return false
        }
        defer { _ = git_reference_remove(remoteRepository, staging) }
        let branch = "refs/heads/\(upstream.remoteBranch)"
        // The remote's own rules, as `git push` would have it run them (pre-receive, update).
        let hooks = RemoteHooks(repository: remoteRepository, environment: session.environment)
        let old = expected.map(\.hex) ?? String(repeating: "0", count: 40)
        if let refusal = hooks.allow(ref: branch, old: old, new: local.hex) {
            throw GitError(.other, "the shared copy refused what was sent: \(refusal)")
        }
        var updated: OpaquePointer?
        var code: Int32
        if var old = expected {
            code = git_reference_create_matching(
                &updated, remoteRepository, branch, &local, 1, &old, "journal sync: push")
        } else {
            code = git_reference_create(&updated, remoteRepository, branch, &local, 0, "journal sync: push")
        }
        if let updated { git_reference_free(updated) }
        if code == GIT_EMODIFIED.rawValue || code == GIT_EEXISTS.rawValue || code == GIT_ELOCKED.rawValue {
            session.rejections.append((branch, "the remote moved (lock or new commits)"))
            return false
        }
        try check(code, "cannot update the shared copy (\(branch))")
        hooks.received(ref: branch, old: old, new: local.hex)
        return true
    }

    /// Removes `refs/journal-sync/*` refs whose sync is no longer running on this computer.
    static func removeStagingLeftovers(_ repository: OpaquePointer) {
        for name in referenceNames(repository, matching: "refs/journal-sync/*") {
            let owner = name.split(separator: "/").last?.split(separator: "-").first.flatMap { Int32($0) }
            // A process that is gone (or a name not ours) leaves nothing worth keeping.
            if let owner, owner > 0, kill(owner, 0) == 0 || errno == EPERM { continue }
            _ = git_reference_remove(repository, name)
        }
    }

    // MARK: - Integrating the remote's history

    private struct Integration {
        var kind: SyncOutcome.Integration
        var incoming: [String] = []
        var incomingCommits = 0
        var conflicts: [(path: String, kind: ConflictKind)] = []
    }

    /// Brings the remote's commits in: nothing, a fast-forward, or a three-way merge.
    private func integrate(_ upstream: Upstream, theirs: git_oid?) throws -> Integration {
        guard let theirs, let head = try headCommit() else { return Integration(kind: .upToDate) }
        if head.id == theirs { return Integration(kind: .upToDate) }
        var mergeBase = git_oid()
        var headID = head.id
        var theirID = theirs
        let baseCode = git_merge_base(&mergeBase, pointer, &headID, &theirID)
        let hasBase = baseCode == 0
        if baseCode != GIT_ENOTFOUND.rawValue { try check(baseCode, "cannot compare histories") }
        if hasBase && mergeBase == theirs { return Integration(kind: .upToDate) }  // only ahead
        guard hasBase else {
            // As git refuses "unrelated histories": the shared copy holds another history than
            // this journal's (replaced by another project, or a second journal started apart).
            throw GitError(
                .unrelatedHistories,
                "the shared copy (\(remoteURL(upstream.remote).map(sharedCopyName) ?? upstream.remote)) holds a history that has nothing "
                    + "in common with this journal's, so journal will not combine them: it may have been "
                    + "replaced by another project, or you and your partner each started a journal of your "
                    + "own. Nothing was changed here and nothing was sent. Check the address of the shared "
                    + "copy; to keep one journal, one of you gets the other's with `journal join URL`")
        }
        let (incomingCommits, incoming) = try authors(from: theirs, hiding: headID)

        if hasBase && mergeBase == headID {
            // Behind only: take their commits as they are.
            let target = try commit(theirs)
            try beginWrites(try pathsDiffering(from: theirs), target: theirs, merging: false)
            try checkoutSafely(target.tree(), what: "take the remote's changes")
            let branchRef = "refs/heads/\(upstream.branch)"
            guard let branch = try reference(branchRef) else {
                throw GitError(.other, "the branch \(upstream.branch) disappeared")
            }
            var newTarget: OpaquePointer?
            try check(
                git_reference_set_target(&newTarget, branch.pointer, &theirID, "journal sync: fast-forward"),
                "cannot move \(upstream.branch) forward")
            if let newTarget { git_reference_free(newTarget) }
            finishWrites()
            return Integration(kind: .fastForwarded, incoming: incoming, incomingCommits: incomingCommits)
        }

        // Diverged: a three-way merge, computed in memory and then written file by file.
        var mergeOptions = git_merge_options()
        try check(git_merge_options_init(&mergeOptions, UInt32(GIT_MERGE_OPTIONS_VERSION)), "cannot merge")
        // Entries merge as journal merges them (`MergeDriver`), also where `.gitattributes`
        // does not say so; other files as git merges them. The labels are the driver's.
        let driverName = strdup(MergeDriver.name)
        defer { free(driverName) }
        if MergeDriver.registered { mergeOptions.default_driver = UnsafePointer(driverName) }
        let labels = mergeLabels(
            sharedCopy: remoteURL(upstream.remote).map(sharedCopyName)
                ?? "\(upstream.remote)/\(upstream.remoteBranch)")
        let message =
            "Merge changes from \(remoteURL(upstream.remote).map(sharedCopyName) ?? upstream.remote)"
            + (incoming.isEmpty ? "" : " by \(incoming.joined(separator: ", "))")
        let conflicts = try mergeInMemory(
            head: head, theirs: theirs, options: &mergeOptions, labels: labels, message: message)
        return Integration(
            kind: conflicts.isEmpty ? .merged : .conflicts, incoming: incoming,
            incomingCommits: incomingCommits,
            conflicts: conflicts)
    }

    /// Checks out `tree` without overwriting any local change or ignored (private) file; fails
    /// before writing anything when it would.
    private func checkoutSafely(_ tree: GitTree, what: String) throws {
        var options = git_checkout_options()
        try check(git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)), "cannot \(what)")
        options.checkout_strategy = GIT_CHECKOUT_SAFE.rawValue | GIT_CHECKOUT_DONT_OVERWRITE_IGNORED.rawValue
        let code = git_checkout_tree(pointer, tree.pointer, &options)
        if code == GIT_ECONFLICT.rawValue {
            var error = GitError(code: code, context: "")
            error.kind = .wouldOverwrite
            error.message =
                "cannot \(what) without overwriting a file changed here (\(error.message)); nothing was "
                + "changed: commit or move that file and run `journal sync` again"
            throw error
        }
        try check(code, "cannot \(what)")
    }

    /// Before the first local commit: start the local branch from the remote's. When the
    /// remote has no branch of the local name (a remote whose HEAD says `master` while the
    /// journal lives on `main`), take `main`, else the remote's only branch.
    private func adoptRemoteBranch(_ upstream: Upstream, remote: GitRemote, session: TransportSession) throws
        -> git_oid?
    {
        var chosen = upstream
        if try reference(upstream.trackingRef) == nil {
            session.reset()
            try fetch(
                remote, upstream, session: session, refspec: "+refs/heads/*:refs/remotes/\(upstream.remote)/*"
            )
            let branches = try remoteBranches(upstream.remote)
            guard let name = branches.contains("main") ? "main" : (branches.count == 1 ? branches.first : nil)
            else { return nil }
            chosen.branch = name
            chosen.remoteBranch = name
        }
        guard let theirs = try reference(chosen.trackingRef)?.target else { return nil }
        try checkoutSafely(try commit(theirs).tree(), what: "bring in the shared journal")
        var id = theirs
        var created: OpaquePointer?
        try check(
            git_reference_create(
                &created, pointer, "refs/heads/\(chosen.branch)", &id, 0, "journal sync: start from remote"),
            "cannot create branch \(chosen.branch)")
        if let created { git_reference_free(created) }
        try check(
            git_repository_set_head(pointer, "refs/heads/\(chosen.branch)"),
            "cannot switch to \(chosen.branch)")
        chosen.configured = false
        try setUpstream(chosen)
        return theirs
    }

    private func remoteBranches(_ remote: String) throws -> [String] {
        var names = git_strarray()
        try check(git_reference_list(&names, pointer), "cannot list branches")
        defer { git_strarray_dispose(&names) }
        let prefix = "refs/remotes/\(remote)/"
        var branches: [String] = []
        for position in 0..<names.count {
            guard let name = names.strings[position].map({ String(cString: $0) }), name.hasPrefix(prefix)
            else {
                continue
            }
            let branch = String(name.dropFirst(prefix.count))
            if branch != "HEAD" { branches.append(branch) }
        }
        return branches
    }

    /// How many commits are reachable from `tip` and not from `hidden`, and their distinct
    /// authors, oldest first.
    func authors(from tip: git_oid, hiding hidden: git_oid?) throws -> (commits: Int, names: [String]) {
        var walk: OpaquePointer?
        try check(git_revwalk_new(&walk, pointer), "cannot walk history")
        guard let walk else { return (0, []) }
        let walker = GitRevwalk(walk)
        try check(
            git_revwalk_sorting(walker.pointer, GIT_SORT_TIME.rawValue | GIT_SORT_REVERSE.rawValue),
            "cannot walk history")
        var tipID = tip
        try check(git_revwalk_push(walker.pointer, &tipID), "cannot walk history")
        if var hiddenID = hidden {
            try check(git_revwalk_hide(walker.pointer, &hiddenID), "cannot walk history")
        }
        var names: [String] = []
        var commits = 0
        var id = git_oid()
        while git_revwalk_next(&id, walker.pointer) == 0 {
            commits += 1
            let commit = try commit(id)
            if let author = git_commit_author(commit.pointer)?.pointee.name {
                let name = String(cString: author)
                if !names.contains(name) { names.append(name) }
            }
        }
        return (commits, names)
    }
}

extension TransportSession {
    /// The server's last refusal, as `ref: reason`.
    var lastRejection: String? { rejections.last.map { "\($0.ref): \($0.reason)" } }
}

/// The names of the refs of `repository` that match `glob` (`refs/heads/*`).
func referenceNames(_ repository: OpaquePointer, matching glob: String) -> [String] {
    var iterator: OpaquePointer?
    guard git_reference_iterator_glob_new(&iterator, repository, glob) == 0, let iterator else { return [] }
    defer { git_reference_iterator_free(iterator) }
    var names: [String] = []
    var name: UnsafePointer<CChar>?
    while git_reference_next_name(&name, iterator) == 0, let name { names.append(String(cString: name)) }
    return names
}

/// Points a remote-tracking ref at what was just pushed. Moving a ref of our own that mirrors
/// the remote is not a force push: the remote itself only ever receives fast-forwards.
func git_reference_create_with_local_tip(_ repository: OpaquePointer, _ name: String, _ id: git_oid) -> Int32
{
    var id = id
    var created: OpaquePointer?
    let code = git_reference_create(&created, repository, name, &id, 1, "journal sync: push")
    if let created { git_reference_free(created) }
    return code
}
