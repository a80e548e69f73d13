import Foundation

/// A part of a merged text: lines all agree on, or the two sides' lines where they disagree.
enum MergePiece: Equatable {
    /// Lines to keep as they are.
    case text([String])
    /// Lines the two sides changed differently: both kept, between conflict markers.
    case conflict(ours: [String], theirs: [String])

    /// Whether this is a conflict.
    var isConflict: Bool {
        if case .conflict = self { return true }
        return false
    }
}

/// The words on the marker lines of a conflict: whose version follows or precedes each.
public struct MergeLabels: Sendable, Equatable {
    /// After `<<<<<<<`: the version of the person merging.
    public var ours: String
    /// After `>>>>>>>`: the version merged in.
    public var theirs: String

    /// Labels; line breaks and control characters in them are made spaces.
    public init(ours: String, theirs: String) {
        func clean(_ text: String) -> String {
            String(
                String.UnicodeScalarView(
                    text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
        }
        self.ours = clean(ours)
        self.theirs = clean(theirs)
    }
}

extension [MergePiece] {
    /// Neighbouring lines to keep as one piece, and no empty piece.
    var coalesced: [MergePiece] {
        var pieces: [MergePiece] = []
        var run: [String] = []
        for piece in self {
            switch piece {
            case .text(let lines):
                run.append(contentsOf: lines)
            case .conflict:
                if !run.isEmpty { pieces.append(.text(run)) }
                run = []
                pieces.append(piece)
            }
        }
        if !run.isEmpty { pieces.append(.text(run)) }
        return pieces
    }

    /// The merged text and how many conflicts it holds. Neighbouring conflicts become one, and
    /// a line that lost its line break to a join gets one back.
    func rendered(_ labels: MergeLabels) -> (text: String, conflicts: Int) {
        var pieces: [MergePiece] = []
        var ours: [String] = []
        var theirs: [String] = []
        var inConflict = false
        for piece in coalesced {
            switch piece {
            case .text:
                if inConflict { pieces.append(.conflict(ours: ours, theirs: theirs)) }
                inConflict = false
                ours = []
                theirs = []
                pieces.append(piece)
            case .conflict(let moreOurs, let moreTheirs):
                inConflict = true
                ours.append(contentsOf: moreOurs)
                theirs.append(contentsOf: moreTheirs)
            }
        }
        if inConflict { pieces.append(.conflict(ours: ours, theirs: theirs)) }
        var lines: [String] = []
        func add(_ line: String) {
            if let last = lines.last, last.utf8.last != 0x0A { lines[lines.count - 1] = last + "\n" }
            lines.append(line)
        }
        var conflicts = 0
        for piece in pieces {
            switch piece {
            case .text(let text):
                text.forEach(add)
            case .conflict(let ours, let theirs):
                conflicts += 1
                add("<<<<<<< \(labels.ours)\n")
                ours.forEach(add)
                add("=======\n")
                theirs.forEach(add)
                add(">>>>>>> \(labels.theirs)\n")
            }
        }
        return (lines.joined(), conflicts)
    }
}
