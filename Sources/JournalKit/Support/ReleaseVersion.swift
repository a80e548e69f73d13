/// The release this build belongs to: what `journal --version` prints, what the language server
/// tells an editor, and what names the files of a download (`make dist`). A release is published
/// from the commit tagged `v` + this version, and CHANGELOG.md says what it brings.
public enum ReleaseVersion {
    public static let current = "0.1.0"
}
