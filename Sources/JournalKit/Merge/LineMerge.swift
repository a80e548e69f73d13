import Foundation

/// Lines merged three-way as diff3 does, with two differences that keep words safe and spare
/// conflicts: an action item is known by its identity (owner and text), so a tick on one side
/// and a new due date on the other both apply; and lines both sides added at the same place
/// are both kept, ours first, rather than set against each other.
enum LineMerge {
    /// A line and what it is known by.
    struct Line {
        var text: String
        var key: String
        var item: TaskLine?

        init(_ text: String) {
            self.text = text
            item = TaskLine(text)
            // The blank line a last section is given stands for the blank line that parts it
            // from a section added after it.
            key = item.map { "\u{2}" + $0.identity } ?? (text == BodyMerge.separator ? "\n" : text)
        }
    }

    /// `base`, `ours` and `theirs` merged.
    static func lines(base: [String], ours: [String], theirs: [String]) throws -> [MergePiece] {
        let b = base.map(Line.init)
        let o = ours.map(Line.init)
        let t = theirs.map(Line.init)
        let chunks = try LineMatching.diff3(base: b.map(\.key), ours: o.map(\.key), theirs: t.map(\.key))
        var pieces: [MergePiece] = []
        for chunk in chunks {
            switch chunk {
            case .stable(let bs, let os, let ts):
                for offset in 0..<bs.count {
                    pieces.append(
                        merged(
                            b[bs.lowerBound + offset], o[os.lowerBound + offset], t[ts.lowerBound + offset]))
                }
            case .changed(let bs, let os, let ts):
                let (bc, oc, tc) = (Array(b[bs]), Array(o[os]), Array(t[ts]))
                if oc.map(\.key) == bc.map(\.key) {
                    pieces += oneSided(base: bc, unchanged: oc, changed: tc, changedIsOurs: false)
                } else if tc.map(\.key) == bc.map(\.key) {
                    pieces += oneSided(base: bc, unchanged: tc, changed: oc, changedIsOurs: true)
                } else if oc.map(\.key) == tc.map(\.key) {
                    pieces += zip(oc, tc).map { together($0, $1) }
                } else if bc.isEmpty {
                    let order = try LineMatching.union(oc.map(\.key), tc.map(\.key))
                    // Both added lines here: both kept, ours first, shared ones once.
                    for slot in order {
                        switch (slot.a, slot.b) {
                        case (let i?, let j?): pieces.append(together(oc[i], tc[j]))
                        case (let i?, nil): pieces.append(.text([oc[i].text]))
                        case (nil, let j?): pieces.append(.text([tc[j].text]))
                        case (nil, nil): break
                        }
                    }
                } else {
                    pieces +=
                        try apart(base: bc, ours: oc, theirs: tc)
                        ?? [.conflict(ours: oc.map(\.text), theirs: tc.map(\.text))]
                }
            }
        }
        return pieces
    }

    /// A stretch both sides changed, looked at line by line: when no base line is changed by
    /// both (a line edited on one side, a line added next to it on the other; neighbouring
    /// lines edited apart), both changes apply; lines added at the same place are both kept,
    /// ours first. Nil when the changes overlap.
    private static func apart(base: [Line], ours: [Line], theirs: [Line]) throws -> [MergePiece]? {
        struct Hunk {
            var base: Range<Int>
            var lines: [Line]
        }
        func hunks(_ side: [Line]) throws -> (hunks: [Hunk], kept: [Int: Int]) {
            let pairs = try LineMatching.matches(base.map(\.key), side.map(\.key))
            var result: [Hunk] = []
            var kept: [Int: Int] = [:]
            var b = 0
            var s = 0
            for (nextB, nextS) in pairs + [(base.count, side.count)] {
                if nextB - b == nextS - s {
                    // As many lines replaced as replace them: each line apart.
                    for offset in 0..<(nextB - b) {
                        result.append(Hunk(base: (b + offset)..<(b + offset + 1), lines: [side[s + offset]]))
                    }
                } else if nextB > b || nextS > s {
                    result.append(Hunk(base: b..<nextB, lines: Array(side[s..<nextS])))
                }
                if nextB < base.count { kept[nextB] = nextS }
                b = nextB + 1
                s = nextS + 1
            }
            return (result, kept)
        }
        let (oursHunks, oursKept) = try hunks(ours)
        let (changedByTheirs, theirsKept) = try hunks(theirs)
        var theirsHunks = changedByTheirs
        // A change both sides made is made once.
        theirsHunks.removeAll { hunk in
            oursHunks.contains { $0.base == hunk.base && $0.lines.map(\.text) == hunk.lines.map(\.text) }
        }
        // A base line changed (or an item on it edited) on both sides, or an addition inside a
        // stretch the other side replaced: they overlap.
        func touches(_ hunk: Hunk, _ otherHunks: [Hunk], _ otherKept: [Int: Int], _ other: [Line]) -> Bool {
            for line in hunk.base {
                if let kept = otherKept[line], other[kept].text != base[line].text { return true }
            }
            return otherHunks.contains { that in
                if hunk.base.isEmpty, that.base.isEmpty { return false }
                if hunk.base.isEmpty {
                    return that.base.lowerBound < hunk.base.lowerBound
                        && hunk.base.lowerBound < that.base.upperBound
                }
                if that.base.isEmpty {
                    return hunk.base.lowerBound < that.base.lowerBound
                        && that.base.lowerBound < hunk.base.upperBound
                }
                return hunk.base.overlaps(that.base)
            }
        }
        if oursHunks.contains(where: { touches($0, theirsHunks, theirsKept, theirs) })
            || theirsHunks.contains(where: { touches($0, oursHunks, oursKept, ours) })
        {
            return nil
        }
        func added(_ hunks: [Hunk]) -> [Int: [Line]] {
            Dictionary(
                hunks.filter(\.base.isEmpty).map { ($0.base.lowerBound, $0.lines) }, uniquingKeysWith: +)
        }
        let oursAddedAt = added(oursHunks)
        let theirsAddedAt = added(theirsHunks)
        let replacedAt = Dictionary(
            (oursHunks + theirsHunks).filter { !$0.base.isEmpty }.map { ($0.base.lowerBound, $0) },
            uniquingKeysWith: { first, _ in first })
        var pieces: [MergePiece] = []
        var position = 0
        while position <= base.count {
            let oursAdded = oursAddedAt[position] ?? []
            let theirsAdded = theirsAddedAt[position] ?? []
            for slot in try LineMatching.union(oursAdded.map(\.key), theirsAdded.map(\.key)) {
                switch (slot.a, slot.b) {
                case (let i?, let j?): pieces.append(together(oursAdded[i], theirsAdded[j]))
                case (let i?, nil): pieces.append(.text([oursAdded[i].text]))
                case (nil, let j?): pieces.append(.text([theirsAdded[j].text]))
                case (nil, nil): break
                }
            }
            guard position < base.count else { break }
            if let hunk = replacedAt[position] {
                pieces.append(.text(hunk.lines.map(\.text)))
                position = hunk.base.upperBound
                continue
            }
            guard let o = oursKept[position], let t = theirsKept[position] else { return nil }
            pieces.append(merged(base[position], ours[o], theirs[t]))
            position += 1
        }
        return pieces
    }

    /// A stretch only one side changed (by keys). The other side may still have edited items
    /// in it (a tick): kept where the changed side kept the item, a conflict where it removed it.
    private static func oneSided(base: [Line], unchanged: [Line], changed: [Line], changedIsOurs: Bool)
        -> [MergePiece]
    {
        let edited = Set(base.indices.filter { base[$0].text != unchanged[$0].text })
        if edited.isEmpty { return [.text(changed.map(\.text))] }
        var unused: [String: [Int]] = [:]
        for index in base.indices.reversed() { unused[base[index].key, default: []].append(index) }
        var kept = Set<Int>()
        var pieces: [MergePiece] = []
        for line in changed {
            guard line.item != nil, let index = unused[line.key]?.popLast() else {
                pieces.append(.text([line.text]))
                continue
            }
            kept.insert(index)
            pieces.append(
                changedIsOurs
                    ? merged(base[index], line, unchanged[index])
                    : merged(base[index], unchanged[index], line))
        }
        guard edited.isSubset(of: kept) else {
            let (ours, theirs) = changedIsOurs ? (changed, unchanged) : (unchanged, changed)
            return [.conflict(ours: ours.map(\.text), theirs: theirs.map(\.text))]
        }
        return pieces
    }

    /// One line in all three versions (same key): an item merges mark and rest apart.
    private static func merged(_ b: Line, _ o: Line, _ t: Line) -> MergePiece {
        if let text = pick(b.text, o.text, t.text) { return .text([text]) }
        guard let bi = b.item, let oi = o.item, let ti = t.item,
            let prefix = pick(bi.prefix, oi.prefix, ti.prefix), let mark = pick(bi.mark, oi.mark, ti.mark),
            let rest = pick(bi.rest, oi.rest, ti.rest)
        else { return .conflict(ours: [o.text], theirs: [t.text]) }
        return .text([prefix + String(mark) + "]" + rest])
    }

    /// The same line added on both sides (same key, no base).
    private static func together(_ o: Line, _ t: Line) -> MergePiece {
        o.text == t.text ? .text([o.text]) : .conflict(ours: [o.text], theirs: [t.text])
    }

    /// The three-way choice: the side that changed, or the change both made; nil when they
    /// changed it differently.
    static func pick<Value: Equatable>(_ base: Value, _ ours: Value, _ theirs: Value) -> Value? {
        if ours == theirs || base == theirs { return ours }
        if base == ours { return theirs }
        return nil
    }
}
