/// Entries whose front matter cannot be read (cli.md, `unreadable_files`): their facts are
/// missing, so the report names them at the top and `commit` and `sync` name them before
/// sending. Decided here for every command.
extension Entry {
    /// The rules that mean journal could not read the entry's front matter (or the file).
    public static let unreadableRules: Set<String> = [
        FrontMatterMissingRule.id, FrontMatterUnterminatedRule.id, FrontMatterYAMLRule.id,
        FrontMatterNotMappingRule.id, FileEncodingRule.id, FileUnreadableRule.id, FileTooLargeRule.id,
        FileOutsideLinkRule.id,
    ]

    /// Why the entry could not be read (the first such problem, with its line), or nil.
    public var unreadable: Diagnostic? {
        diagnostics.first { Self.unreadableRules.contains($0.rule) }
    }
}
