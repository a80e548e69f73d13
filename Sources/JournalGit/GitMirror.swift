import CGit2
import Foundation
import JournalKit

extension GitRepository {
    /// The ref holding the remote's default branch (what its HEAD named) after `updateMirror`.
    static let mirroredHead = "refs/journal/remote-head"

    /// Brings this mirror up to date with `url`: every branch as the remote has it, and the
    /// commit its HEAD names, through the same transport as `journal sync` (credentials, TLS,
    /// proxy, ssh, `JOURNAL_GIT_TRANSPORT`).
    public func updateMirror(url: String, environment: [String: String]) throws {
        var existing: OpaquePointer?
        if git_remote_lookup(&existing, pointer, "origin") == 0, let existing {
            let current = git_remote_url(existing).map { String(cString: $0) }
            git_remote_free(existing)
            if current != url {
                try check(git_remote_set_url(pointer, "origin", url), "cannot point the mirror at \(url)")
            }
        } else {
            var created: OpaquePointer?
            try check(git_remote_create(&created, pointer, "origin", url), "cannot make a mirror of \(url)")
            if let created { git_remote_free(created) }
        }
        let remote = try lookupRemote("origin")
        let session = TransportSession(
            environment: environment, config: try? config(), gitDirectory: commonDirectory)
        session.viaGitCommand = environment["JOURNAL_GIT_TRANSPORT"] == "git"
        let upstream = Upstream(branch: "main", remote: "origin", remoteBranch: "main", configured: false)
        if session.viaGitCommand {
            try fetch(remote, upstream, session: session, refspec: "+refs/heads/*:refs/heads/*")
            try? fetch(remote, upstream, session: session, refspec: "+HEAD:\(Self.mirroredHead)")
            return
        }
        try fetchOverOneConnection(remote, upstream, session: session)
    }

    /// One connection per mirror: the remote's refs are listed, and when every branch and HEAD
    /// are where the mirror has them (the usual case), nothing more is asked of the host; else
    /// the branches are downloaded over the same connection. HEAD's commit is kept under
    /// `mirroredHead`.
    private func fetchOverOneConnection(_ remote: GitRemote, _ upstream: Upstream, session: TransportSession)
        throws
    {
        var (options, proxy) = try fetchOptions(remote, upstream, session: session)
        defer { free(proxy) }
        options.update_fetchhead = 0
        let refspecs = GitStringArray(["+refs/heads/*:refs/heads/*"])
        var head: git_oid?
        var branches: Set<String> = []
        let code: Int32 = withExtendedLifetime(session) {
            session.watchingForStalls("fetch", remote: upstream.remote) {
                var code = git_remote_connect(
                    remote.pointer, GIT_DIRECTION_FETCH, &options.callbacks, &options.proxy_opts, nil)
                guard code == 0 else { return code }
                defer { git_remote_disconnect(remote.pointer) }
                var heads: UnsafeMutablePointer<UnsafePointer<git_remote_head>?>?
                var count = 0
                code = git_remote_ls(&heads, &count, remote.pointer)
                guard code == 0 else { return code }
                var current = true
                for index in 0..<count {
                    guard let advertised = heads?[index]?.pointee, let name = advertised.name else {
                        continue
                    }
                    let refName = String(cString: name)
                    if refName == "HEAD" {
                        head = advertised.oid
                        if !refers(Self.mirroredHead, to: advertised.oid) { current = false }
                    } else if refName.hasPrefix("refs/heads/") {
                        branches.insert(refName)
                        if !refers(refName, to: advertised.oid) { current = false }
                    }
                }
                if current { return 0 }
                code = refspecs.withArray { array in git_remote_download(remote.pointer, array, &options) }
                guard code == 0 else { return code }
                return git_remote_update_tips(
                    remote.pointer, &options.callbacks, 0, GIT_REMOTE_DOWNLOAD_TAGS_NONE,
                    "journal programme: fetch")
            }
        }
        try session.conclude(code, remote: remote, name: upstream.remote)
        // A branch deleted on the remote goes from the mirror too, so that a pair reading it is
        // told the branch is gone rather than shown its last commit as if it were current.
        for name in referenceNames(pointer, matching: "refs/heads/*") where !branches.contains(name) {
            _ = git_reference_remove(pointer, name)
        }
        guard let head else {
            _ = git_reference_remove(pointer, Self.mirroredHead)
            return
        }
        if hasObject(head) {
            if !refers(Self.mirroredHead, to: head) {
                try check(
                    git_reference_create_with_local_tip(pointer, Self.mirroredHead, head),
                    "cannot record the remote's default branch")
            }
        } else {
            // HEAD names a commit on no branch: fetch it by name.
            try? fetch(remote, upstream, session: session, refspec: "+HEAD:\(Self.mirroredHead)")
        }
    }

    /// Whether the ref `name` exists here and points at `id`.
    private func refers(_ name: String, to id: git_oid) -> Bool {
        guard let reference = try? reference(name), let target = reference.target else { return false }
        return target == id
    }

    /// Whether the object `id` is in this repository's object store.
    private func hasObject(_ id: git_oid) -> Bool {
        var database: OpaquePointer?
        guard git_repository_odb(&database, pointer) == 0, let database else { return false }
        defer { git_odb_free(database) }
        var id = id
        return git_odb_exists(database, &id) != 0
    }

    /// The commit to read in a mirror: the tip of `branch` (else of the remote's default branch,
    /// else `main`, `master` or the only branch), or with `asOf`, the newest commit of that
    /// history made on or before that day (in the committer's own time zone). Nil when the
    /// repository is empty; an error when it has nothing that old.
    public func mirroredCommit(branch: String?, asOf: CalendarDate?) throws -> (
        id: String, day: CalendarDate
    )? {
        var tip: git_oid?
        if let branch {
            guard let found = try reference("refs/heads/\(branch)")?.target else {
                throw GitError(.other, "the repository has no branch `\(branch)`")
            }
            tip = found
        } else if let head = try reference(Self.mirroredHead)?.target {
            tip = head
        } else {
            for name in ["main", "master"] {
                if let found = try reference("refs/heads/\(name)")?.target {
                    tip = found
                    break
                }
            }
        }
        guard var start = tip else { return nil }
        var walk: OpaquePointer?
        try check(git_revwalk_new(&walk, pointer), "cannot walk history")
        guard let walk else { return nil }
        let walker = GitRevwalk(walk)
        try check(
            git_revwalk_sorting(walker.pointer, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue),
            "cannot walk history")
        try check(git_revwalk_push(walker.pointer, &start), "cannot walk history")
        var id = git_oid()
        while git_revwalk_next(&id, walker.pointer) == 0 {
            let commit = try commit(id)
            let seconds = git_commit_time(commit.pointer) + Int64(git_commit_time_offset(commit.pointer)) * 60
            let day = CalendarDate(dayNumber: Int((Double(seconds) / 86_400).rounded(.down)))
            guard let asOf else { return (id.hex, day) }
            if day <= asOf { return (id.hex, day) }
        }
        if let asOf {
            throw GitError(
                .other,
                "the repository has no commit from \(asOf.year)-\(String(format: "%02d-%02d", asOf.month, asOf.day)) or before"
            )
        }
        return nil
    }
}

/// Fetches of many mirrors by `journal programme fetch-mirror` processes, a batch each: a remote
/// that stops answering ends only its process, and the rest of its batch goes to another.
public enum MirrorFetch {
    /// Fetches `items` (URL and mirror folder), in as many processes as it takes; for each, nil
    /// when it went through, else why not, in the words the fetch gave.
    public static func run(binary: String, items: [(url: String, mirror: URL)], environment: [String: String])
        -> [String?]
    {
        var results = [String?](repeating: nil, count: items.count)
        var pending = Array(items.indices)
        while !pending.isEmpty {
            let arguments = pending.flatMap { [items[$0].url, items[$0].mirror.path] }
            guard
                let result = ExternalProgram.run(
                    URL(fileURLWithPath: binary), ["programme", "fetch-mirror"] + arguments, input: Data(),
                    environment: environment)
            else {
                for index in pending { results[index] = "cannot start \(binary) to fetch it" }
                return results
            }
            var done = Set<Int>()
            for line in String(decoding: result.output, as: UTF8.self).split(separator: "\n") {
                let fields = line.split(separator: "\t", maxSplits: 2).map(String.init)
                guard fields.count >= 2, let offset = Int(fields[1]), pending.indices.contains(offset) else {
                    continue
                }
                let index = pending[offset]
                done.insert(index)
                results[index] = fields[0] == "ok" ? nil : (fields.count > 2 ? fields[2] : "the fetch failed")
            }
            let left = pending.filter { !done.contains($0) }
            guard let stalled = left.first else { break }
            // The process ended before this one was done: it is the one that stalled (or broke).
            let said = result.errors.split(separator: "\n").map {
                $0.hasPrefix("journal: ") ? String($0.dropFirst("journal: ".count)) : String($0)
            }.joined(separator: " ")
            results[stalled] = said.isEmpty ? "the fetch failed (exit status \(result.status))" : said
            pending = Array(left.dropFirst())
        }
        return results
    }
}
