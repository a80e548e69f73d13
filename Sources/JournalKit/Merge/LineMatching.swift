import Foundation

/// Which elements two or three versions of a text share, in order: the comparison every
/// structural merge stands on. Elements are keys (a line's text, an action item's identity,
/// a front-matter key), never positions.
enum LineMatching {
    /// Above this many element pairs left to compare once the common start and end are set
    /// aside, the comparison is not made: the merge leaves the file to git's line merge.
    static let budget = 4_000_000

    /// A comparison `budget` does not allow: the whole merge is left to git's line merge.
    struct TooCostly: Error {}

    /// How many elements the two sequences share at their start, and then at their end.
    static func commonEnds<Element: Equatable>(_ a: [Element], _ b: [Element]) -> (prefix: Int, suffix: Int) {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix,
            a[a.count - 1 - suffix] == b[b.count - 1 - suffix]
        {
            suffix += 1
        }
        return (prefix, suffix)
    }

    /// The pairs (index in `a`, index in `b`) of elements both keep, in order: a longest common
    /// subsequence. Throws when comparing would cost more than `budget`.
    static func matches<Key: Hashable>(_ a: [Key], _ b: [Key]) throws(TooCostly) -> [(Int, Int)] {
        let (prefix, suffix) = commonEnds(a, b)
        var pairs = (0..<prefix).map { ($0, $0) }
        let middleA = Array(a[prefix..<(a.count - suffix)])
        let middleB = Array(b[prefix..<(b.count - suffix)])
        if !middleA.isEmpty, !middleB.isEmpty {
            guard middleA.count * middleB.count <= budget else { throw TooCostly() }
            var removed = Set<Int>()
            var inserted = Set<Int>()
            for change in middleB.difference(from: middleA) {
                switch change {
                case .remove(let offset, _, _): removed.insert(offset)
                case .insert(let offset, _, _): inserted.insert(offset)
                }
            }
            var i = 0
            var j = 0
            while i < middleA.count, j < middleB.count {
                if removed.contains(i) {
                    i += 1
                } else if inserted.contains(j) {
                    j += 1
                } else {
                    pairs.append((prefix + i, prefix + j))
                    i += 1
                    j += 1
                }
            }
        }
        for k in 0..<suffix { pairs.append((a.count - suffix + k, b.count - suffix + k)) }
        return pairs
    }

    /// Both sequences as one, each shared element once and in place; where they differ, `a`'s
    /// elements come first, then `b`'s. Each result names the index in `a`, in `b`, or both.
    static func union<Key: Hashable>(_ a: [Key], _ b: [Key]) throws(TooCostly) -> [(a: Int?, b: Int?)] {
        let pairs = try matches(a, b)
        var result: [(a: Int?, b: Int?)] = []
        var i = 0
        var j = 0
        for (x, y) in pairs + [(a.count, b.count)] {
            while i < x {
                result.append((i, nil))
                i += 1
            }
            while j < y {
                result.append((nil, j))
                j += 1
            }
            if x < a.count { result.append((x, y)) }
            i = x + 1
            j = y + 1
        }
        return result
    }

    /// A stretch of a three-way comparison.
    enum Chunk: Equatable {
        /// The three versions agree here.
        case stable(base: Range<Int>, ours: Range<Int>, theirs: Range<Int>)
        /// At least one side changed this stretch of the base.
        case changed(base: Range<Int>, ours: Range<Int>, theirs: Range<Int>)
    }

    /// The three-way comparison diff3 makes: stretches where all three agree, between
    /// stretches where one side or both changed the base.
    static func diff3<Key: Hashable>(base: [Key], ours: [Key], theirs: [Key]) throws(TooCostly) -> [Chunk] {
        let toOurs = try matches(base, ours)
        let toTheirs = try matches(base, theirs)
        var inOurs = [Int?](repeating: nil, count: base.count)
        var inTheirs = [Int?](repeating: nil, count: base.count)
        for (b, o) in toOurs { inOurs[b] = o }
        for (b, t) in toTheirs { inTheirs[b] = t }
        var chunks: [Chunk] = []
        var b = 0
        var o = 0
        var t = 0
        while true {
            var run = 0
            while b + run < base.count, inOurs[b + run] == o + run, inTheirs[b + run] == t + run { run += 1 }
            if run > 0 {
                chunks.append(.stable(base: b..<(b + run), ours: o..<(o + run), theirs: t..<(t + run)))
                b += run
                o += run
                t += run
            }
            var next = b
            while next < base.count, inOurs[next] == nil || inTheirs[next] == nil { next += 1 }
            guard next < base.count, let nextOurs = inOurs[next], let nextTheirs = inTheirs[next] else {
                if b < base.count || o < ours.count || t < theirs.count {
                    chunks.append(
                        .changed(base: b..<base.count, ours: o..<ours.count, theirs: t..<theirs.count))
                }
                return chunks
            }
            if next > b || nextOurs > o || nextTheirs > t {
                chunks.append(.changed(base: b..<next, ours: o..<nextOurs, theirs: t..<nextTheirs))
            }
            b = next
            o = nextOurs
            t = nextTheirs
        }
    }
}
