import Foundation

/// A minimal unified diff: one hunk from the first changed line to the last.
enum UnifiedDiff {
    static func make(path: String, from old: String, to new: String) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let (prefix, suffix) = LineMatching.commonEnds(a, b)
        if prefix == a.count && prefix == b.count { return "" }
        let context = 3
        let start = max(0, prefix - context)
        let endA = min(a.count, a.count - suffix + context)
        let endB = min(b.count, b.count - suffix + context)
        var lines = ["--- a/\(path)", "+++ b/\(path)"]
        lines.append("@@ -\(start + 1),\(endA - start) +\(start + 1),\(endB - start) @@")
        for index in start..<prefix { lines.append(" " + a[index]) }
        for index in prefix..<(a.count - suffix) { lines.append("-" + a[index]) }
        for index in prefix..<(b.count - suffix) { lines.append("+" + b[index]) }
        for index in (a.count - suffix)..<endA { lines.append(" " + a[index]) }
        return lines.joined(separator: "\n") + "\n"
    }
}
