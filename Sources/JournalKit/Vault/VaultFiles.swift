/// Where the private backup's files live in a journal: the one answer every part asks
/// (format.md, "Encrypted backup of private entries").
public enum VaultFiles {
    /// The folder of encrypted entries, relative to the journal root.
    public static let vault = ".journal/vault"
    /// The folder of recipients and passphrase-encrypted identities.
    public static let keys = ".journal/keys"

    /// Whether a repository path is an encrypted entry of a vault (at any journal's root).
    public static func holds(_ path: String) -> Bool {
        (path.hasPrefix(vault + "/") || path.contains("/" + vault + "/")) && path.hasSuffix(".age")
    }
}
