import CGit2

/// The libgit2 version this build links against, as `major.minor.patch`.
public enum GitLibrary {
    /// The linked libgit2 version.
    public static var version: String {
        var major: Int32 = 0
        var minor: Int32 = 0
        var revision: Int32 = 0
        git_libgit2_version(&major, &minor, &revision)
        return "\(major).\(minor).\(revision)"
    }
}
