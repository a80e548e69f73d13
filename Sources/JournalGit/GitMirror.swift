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
        try fetch(remote, upstream, session: session, refspec: "+refs/heads/*:refs/heads/*")
        // The default branch's commit, whatever the branch is called.
        try? fetch(remote, upstream, session: session, refspec: "+HEAD:\(Self.mirroredHead)")
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
