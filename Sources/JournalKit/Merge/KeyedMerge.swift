import Foundation

/// A run of lines that a merge treats as one thing, known by its key: a front-matter key with
/// its value, a list item, a milestone, a section of the body.
struct KeyedLines {
    /// What the thing is called in every version (unique within one version).
    var key: String
    /// Its lines, as written.
    var lines: [String]
    /// The 0-based line of `lines[0]` in the text it was cut from.
    var start: Int = 0
    /// Its YAML value, when it is one.
    var value: YAMLValue? = nil
}

/// The three-way merge of things known by key, shared by front-matter keys, list items,
/// milestones and body sections.
///
/// A thing changed on one side takes that side; changed the same way on both, once; removed
/// on one side and untouched on the other, removed; removed on one side and changed on the
/// other, kept between markers. Things changed differently on both sides go to `both`. The
/// order is ours, with theirs' new things in their place after ours' (never a conflict).
enum KeyedMerge {
    static func merge(
        base: [KeyedLines], ours: [KeyedLines], theirs: [KeyedLines],
        both: (_ base: KeyedLines?, _ ours: KeyedLines, _ theirs: KeyedLines) throws -> [MergePiece]
    ) throws -> [MergePiece] {
        let baseByKey = Dictionary(base.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let oursKeys = Set(ours.map(\.key))
        let theirsByKey = Dictionary(theirs.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let order = try LineMatching.union(ours.map(\.key), theirs.map(\.key))
        var pieces: [MergePiece] = []
        for slot in order {
            let o: KeyedLines?
            let t: KeyedLines?
            if let index = slot.a {
                o = ours[index]
                t = theirsByKey[ours[index].key]
            } else if let index = slot.b {
                // A thing both sides hold is placed where ours has it.
                if oursKeys.contains(theirs[index].key) { continue }
                o = nil
                t = theirs[index]
            } else {
                continue
            }
            let b = (o ?? t).flatMap { baseByKey[$0.key] }
            switch (o, t) {
            case (let o?, let t?):
                if o.lines == t.lines || b?.lines == t.lines {
                    pieces.append(.text(o.lines))
                } else if b?.lines == o.lines {
                    pieces.append(.text(t.lines))
                } else {
                    pieces += try both(b, o, t)
                }
            case (let o?, nil):
                guard let b else {
                    pieces.append(.text(o.lines))
                    continue
                }
                if b.lines != o.lines { pieces.append(.conflict(ours: o.lines, theirs: [])) }
            case (nil, let t?):
                guard let b else {
                    pieces.append(.text(t.lines))
                    continue
                }
                if b.lines != t.lines { pieces.append(.conflict(ours: [], theirs: t.lines)) }
            case (nil, nil):
                continue
            }
        }
        return pieces
    }

    /// Keys made unique within one version: a repeated name gets its occurrence number.
    static func numbered(_ names: [String]) -> [String] {
        var seen: [String: Int] = [:]
        return names.map { name in
            let count = seen[name, default: 0]
            seen[name] = count + 1
            return count == 0 ? name : "\(name)\u{1}\(count)"
        }
    }
}
