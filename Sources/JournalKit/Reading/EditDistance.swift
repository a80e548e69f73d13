/// Levenshtein distance, for "did you mean" suggestions.
enum EditDistance {
    /// The edit distance between two strings, in characters.
    public static func distance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs)
        let b = Array(rhs)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The candidate nearest to `word` within `limit` edits (ties go to the earlier candidate).
    public static func closest(to word: String, among candidates: [String], within limit: Int) -> String? {
        guard word.count <= 64 else { return nil }
        var best: (String, Int)?
        for candidate in candidates {
            let distance = distance(word.lowercased(), candidate)
            if distance <= limit, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        return best?.0
    }
}
