import Foundation

/// Where this computer keeps the certificate authorities it trusts. libgit2 reads the place of
/// the system it was built on (Debian's `/etc/ssl/certs/ca-certificates.crt`) when it starts;
/// the self-contained download runs on systems that keep them elsewhere, so when that file is
/// missing the first of the others found is used instead.
public enum SystemCertificates {
    /// The bundle libgit2 loads by itself when it exists.
    public static let builtIn = "/etc/ssl/certs/ca-certificates.crt"

    /// One file holding every trusted certificate, by the distributions that keep it there.
    public static let bundles = [
        builtIn,  // Debian, Ubuntu, Arch, Gentoo
        "/etc/pki/tls/certs/ca-bundle.crt",  // Fedora, RHEL, CentOS
        "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",  // Fedora, RHEL (the source of the above)
        "/etc/ssl/ca-bundle.pem",  // openSUSE, SLES
        "/var/lib/ca-certificates/ca-bundle.pem",  // openSUSE (the source of the above)
        "/etc/ssl/cert.pem",  // Alpine, Void, the BSDs
        "/etc/pki/tls/cacert.pem",  // older RHEL derivatives
    ]

    /// Folders of one certificate a file (hashed names), where no bundle exists.
    public static let folders = ["/etc/ssl/certs", "/etc/pki/tls/certs"]

    /// The certificates to hand libgit2, or nil when libgit2 has already read the built-in
    /// bundle (or the system keeps none anywhere known). `exists` answers whether a regular
    /// file (`folder` false) or a folder (`folder` true) is at a path.
    public static func locate(
        exists: (_ path: String, _ folder: Bool) -> Bool = { SystemCertificates.exists($0, folder: $1) }
    ) -> (file: String?, path: String?)? {
        if exists(builtIn, false) { return nil }
        if let bundle = bundles.first(where: { exists($0, false) }) { return (bundle, nil) }
        if let folder = folders.first(where: { exists($0, true) }) { return (nil, folder) }
        return nil
    }

    public static func exists(_ path: String, folder: Bool) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            && isFolder.boolValue == folder
    }
}
