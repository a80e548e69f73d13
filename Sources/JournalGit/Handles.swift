import CGit2
import Foundation

// Each class below owns one libgit2 handle and frees it exactly once; none is Sendable, so a
// handle never crosses threads (libgit2 objects are not thread-safe).

/// An owned `git_index`.
final class GitIndex {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_index_free(pointer) }
}

/// An owned `git_reference`.
final class GitReference {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_reference_free(pointer) }

    /// The full name, `refs/heads/main`.
    var name: String { String(cString: git_reference_name(pointer)) }

    /// The object the reference points to, when it is direct.
    var target: git_oid? { git_reference_target(pointer)?.pointee }
}

/// An owned `git_commit`.
final class GitCommit {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_commit_free(pointer) }

    var id: git_oid { git_commit_id(pointer).pointee }
    var parentCount: Int { Int(git_commit_parentcount(pointer)) }

    func tree() throws -> GitTree {
        var tree: OpaquePointer?
        try check(git_commit_tree(&tree, pointer), "cannot read a commit's files")
        guard let tree else { throw GitError(.other, "a commit without files") }
        return GitTree(tree)
    }

    func parent(_ index: Int) throws -> GitCommit {
        var parent: OpaquePointer?
        try check(git_commit_parent(&parent, pointer, UInt32(index)), "cannot read a commit's parent")
        guard let parent else { throw GitError(.other, "a missing parent commit") }
        return GitCommit(parent)
    }
}

/// An owned `git_tree`.
final class GitTree {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_tree_free(pointer) }

    var id: git_oid { git_tree_id(pointer).pointee }
}

/// An owned `git_signature`.
final class GitSignature {
    let pointer: UnsafeMutablePointer<git_signature>
    init(_ pointer: UnsafeMutablePointer<git_signature>) { self.pointer = pointer }
    deinit { git_signature_free(pointer) }

    var name: String { String(cString: pointer.pointee.name) }
    var email: String { String(cString: pointer.pointee.email) }
}

/// An owned `git_remote`.
final class GitRemote {
    let pointer: OpaquePointer
    /// The URL as configured (may hold a user name, never a password we add), also once
    /// `useAddress` gave libgit2 another one to connect to.
    let url: String

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
        url = git_remote_url(pointer).map { String(cString: $0) } ?? ""
    }
    deinit { git_remote_free(pointer) }

    /// Connects to `address` instead of the configured URL (an ssh Host alias resolved), for
    /// this handle only: the configuration is left as it is.
    func useAddress(_ address: String) {
        git_remote_set_instance_url(pointer, address)
        git_remote_set_instance_pushurl(pointer, address)
    }
}

/// An owned `git_status_list`.
final class GitStatusList {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_status_list_free(pointer) }
}

/// An owned `git_diff`.
final class GitDiff {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_diff_free(pointer) }
}

/// An owned `git_revwalk`.
final class GitRevwalk {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_revwalk_free(pointer) }
}

/// An owned `git_config`.
final class GitConfig {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_config_free(pointer) }

    func string(_ name: String) -> String? {
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        guard git_config_get_string_buf(&buffer, pointer, name) == 0, let text = buffer.ptr else {
            return nil
        }
        return String(cString: text)
    }

    func set(_ name: String, _ value: String) throws {
        try check(git_config_set_string(pointer, name, value), "cannot set \(name)")
    }
}

/// C strings for a `git_strarray`, freed when this goes away.
final class GitStringArray {
    private var strings: [UnsafeMutablePointer<CChar>?]
    init(_ values: [String]) { strings = values.map { strdup($0) } }
    deinit { strings.forEach { free($0) } }

    /// Calls `body` with a `git_strarray` valid for the duration of the call.
    func withArray<T>(_ body: (UnsafeMutablePointer<git_strarray>) throws -> T) rethrows -> T {
        try strings.withUnsafeMutableBufferPointer { buffer in
            var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
            return try body(&array)
        }
    }
}

extension git_oid {
    /// The 40-digit hexadecimal id.
    var hex: String {
        var copy = self
        var text = [CChar](repeating: 0, count: 41)
        git_oid_fmt(&text, &copy)
        return String(decoding: text.prefix(40).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func == (lhs: git_oid, rhs: git_oid) -> Bool {
        var left = lhs
        var right = rhs
        return git_oid_equal(&left, &right) != 0
    }
}
