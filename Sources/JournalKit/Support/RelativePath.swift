/// Paths with `/` between their parts, relative to a folder (a journal's root, a mentorship's
/// folder, the top of a repository's work tree, a file-system path): the one way journal moves a
/// path from one of them to another. "" and "." name the top itself.
public enum RelativePath {
    /// `path` relative to `folder` when it is inside it (or is it: ""), else nil.
    public static func inside(_ folder: String, _ path: String) -> String? {
        if folder.isEmpty || folder == "." { return path }
        if path == folder { return "" }
        guard path.hasPrefix(folder), path.dropFirst(folder.count).first == "/" else { return nil }
        return String(path.dropFirst(folder.count + 1))
    }

    /// `path` under `folder`.
    public static func join(_ folder: String, _ path: String) -> String {
        if path.isEmpty || path == "." { return folder == "." ? "" : folder }
        if folder.isEmpty || folder == "." { return path }
        return folder + "/" + path
    }
}
