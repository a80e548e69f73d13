import Foundation

/// Writing a file so that it is either whole or not there: the bytes go to a temporary file
/// beside it, are flushed to disk, and only then take the file's name. A full disk or a crash
/// leaves the old file (or no file), never an empty or half-written one.
public enum AtomicFile {
    /// Why a file was not written.
    public enum Failure: Error, Equatable {
        /// A file of that name exists and `replacing` was false.
        case exists
        /// The system refused; the reason in words.
        case system(String)
    }

    /// Whether `path` names one of the temporary files `write` makes (`.NAME.journal-XXXXXX`):
    /// never an entry and never to be committed, even when a process cut short left one.
    public static func isTemporary(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard name.hasPrefix("."), let marker = name.range(of: ".journal-", options: .backwards) else {
            return false
        }
        return name.distance(from: marker.upperBound, to: name.endIndex) == 6
    }

    /// Writes `bytes` to `path` with the permission bits `mode`. With `replacing` false the
    /// file must not exist yet (checked when the name is taken, so two writers never both win).
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t, replacing: Bool) throws(Failure)
    {
        _ = try write(bytes, to: path, mode: mode, replacing: replacing, unless: { false })
    }

    /// As `write`, but `changed` is asked once the new bytes are on disk, just before they take
    /// the name: when it answers true, nothing is replaced and false is returned. The moment
    /// between the question and the replacement is as short as it can be.
    public static func write(
        _ bytes: [UInt8], to path: String, mode: mode_t, replacing: Bool, unless changed: () -> Bool
    ) throws(Failure) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        // A dot name ending as a journal temporary: never an entry, and an editor's copy of the
        // entry to `Privacy`, so a private entry's words are never shared even mid-write.
        var template = Array(((folder.isEmpty ? "." : folder) + "/." + name + ".journal-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard descriptor >= 0 else { throw .system(String(cString: strerror(errno))) }
        let temporary = String(
            decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        func fail(_ code: Int32) -> Failure {
            close(descriptor)
            unlink(temporary)
            return .system(String(cString: strerror(code)))
        }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Foundation.write(descriptor, base + written, buffer.count - written)
            }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { throw fail(count < 0 ? errno : ENOSPC) }
            written += count
        }
        guard fchmod(descriptor, mode) == 0 else { throw fail(errno) }
        guard fsync(descriptor) == 0 else { throw fail(errno) }
        close(descriptor)
        if changed() {
            unlink(temporary)
            return false
        }
        if replacing {
            guard rename(temporary, path) == 0 else {
                let code = errno
                unlink(temporary)
                throw .system(String(cString: strerror(code)))
            }
        } else {
            // link() takes the name only if nobody has it: the no-replace rename of any system.
            let linked = link(temporary, path)
            let code = errno
            unlink(temporary)
            if linked != 0 { throw code == EEXIST ? .exists : .system(String(cString: strerror(code))) }
        }
        return true
    }

    /// The permission bits of an existing file, or nil when it cannot be read.
    public static func mode(of path: String) -> mode_t? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return status.st_mode & 0o7777
    }
}
