import Foundation
import TestSupport
import Testing

@testable import JournalKit

/// Generated entries and pairs of random edits, merged: edits of different things never
/// conflict and give what applying one after the other gives; edits of the same thing conflict
/// there and lose no line; a clean result always reads as an entry.
@Suite struct EntryMergePropertyTests {
    typealias Random = SeededRandom

    /// An entry as the edits see it; `text` writes it as a person would.
    struct Document: Equatable {
        var keys: [(name: String, value: String)]
        var agenda: [String]
        var milestones: [(title: String, fields: [(name: String, value: String)])]
        var sections: [(heading: String, lines: [String])]

        static func == (a: Document, b: Document) -> Bool { a.text == b.text }

        var text: String {
            var out = "---\n"
            for key in keys { out += "\(key.name): \(key.value)\n" }
            out += "# what we talk about next\n"
            out += agenda.isEmpty ? "agenda: []\n" : "agenda:\n" + agenda.map { "  - \($0)\n" }.joined()
            if !milestones.isEmpty {
                out += "milestones:\n"
                for milestone in milestones {
                    out += "  - title: \(milestone.title)\n"
                    for field in milestone.fields { out += "    \(field.name): \(field.value)\n" }
                }
            }
            out += "---\n"
            out += sections.map { section in
                "## \(section.heading)\n\n" + section.lines.map { $0 + "\n" }.joined()
            }.joined(separator: "\n")
            return out
        }

        static func make(_ random: inout Random) -> Document {
            var document = Document(
                keys: [("date", "2026-11-20"), ("status", "held"), ("mood", "steady")], agenda: [],
                milestones: [], sections: [])
            for index in 0..<(1 + random.below(4)) { document.agenda.append("Topic \(index)") }
            for index in 0..<random.below(3) {
                document.milestones.append(("Milestone \(index)", [("due", "2026-12-0\(index + 1)")]))
            }
            for heading in ["Notes", "Action items", "Next"] {
                var lines: [String] = []
                for index in 0..<(1 + random.below(4)) {
                    lines.append(
                        heading == "Action items"
                            ? "- [ ] @\(random.pick(["mentor", "mentee"])) task \(index) of the week (due 2026-11-2\(index))"
                            : "\(heading) line \(index): something said.")
                }
                document.sections.append((heading, lines))
            }
            return document
        }
    }

    /// One edit: what it touches, and what it does to any version that still has that thing.
    struct Edit {
        var target: String
        var effect: String
        var before = ""
        var apply: (inout Document) -> Void
    }

    static func edit(_ document: Document, side: String, number: Int, _ random: inout Random) -> Edit {
        let tag = "\(side)\(number)"
        switch random.below(10) {
        case 0:
            let key = random.pick(["status", "mood"])
            let value = random.pick(["held", "moved", "calm", "busy"])
            let before = document.keys.first { $0.name == key }?.value ?? ""
            return Edit(target: "key:\(key)", effect: value, before: before) { doc in
                if let index = doc.keys.firstIndex(where: { $0.name == key }) {
                    doc.keys[index].value = value
                }
            }
        case 1:
            let key = random.pick(["next", "location", "duration"])
            let value = random.pick(["2026-12-04", "the cafe", "60", tag])
            return Edit(target: "key:\(key)", effect: value) { doc in
                if let index = doc.keys.firstIndex(where: { $0.name == key }) {
                    doc.keys[index].value = value
                } else {
                    doc.keys.append((key, value))
                }
            }
        case 2:
            return Edit(target: "agenda+\(tag)", effect: "") { doc in doc.agenda.append("Topic from \(tag)") }
        case 3:
            guard let topic = document.agenda.isEmpty ? nil : random.pick(document.agenda) else {
                fallthrough
            }
            return Edit(target: "agenda-\(topic)", effect: "") { doc in doc.agenda.removeAll { $0 == topic } }
        case 4:
            guard let milestone = document.milestones.isEmpty ? nil : random.pick(document.milestones) else {
                return Edit(target: "milestone+\(tag)", effect: "") { doc in
                    doc.milestones.append(("Milestone of \(tag)", [("due", "2027-01-15")]))
                }
            }
            let field = random.pick(["due", "done", "note"])
            let value = random.pick(["true", "2027-02-01", "by \(tag)"])
            let before = milestone.fields.first { $0.name == field }?.value ?? ""
            return Edit(target: "milestone:\(milestone.title):\(field)", effect: value, before: before) {
                doc in
                guard let index = doc.milestones.firstIndex(where: { $0.title == milestone.title }) else {
                    return
                }
                if let at = doc.milestones[index].fields.firstIndex(where: { $0.name == field }) {
                    doc.milestones[index].fields[at].value = value
                } else {
                    doc.milestones[index].fields.append((field, value))
                }
            }
        case 5, 6:
            let items = document.sections[1].lines
            let item = random.below(items.count)
            if random.below(2) == 0 {
                let mark = random.pick(["x", "/", "-"])
                return Edit(target: "item\(item):mark", effect: mark, before: " ") { doc in
                    doc.sections[1].lines[item] = doc.sections[1].lines[item].replacingOccurrences(
                        of: "- [ ]", with: "- [\(mark)]")
                }
            }
            let due = random.pick(["2026-12-04", "2026-12-11"])
            let before = items[item].split(separator: "(due ").last.map { String($0.dropLast()) } ?? ""
            return Edit(target: "item\(item):due", effect: due, before: before) { doc in
                let line = doc.sections[1].lines[item]
                if let range = line.range(of: "(due ") {
                    doc.sections[1].lines[item] = String(line[..<range.upperBound]) + due + ")"
                }
            }
        case 7:
            let section = random.below(3)
            let line =
                section == 1
                ? "- [ ] @\(random.pick(["mentor", "mentee"])) new task from \(tag)" : "Added by \(tag)."
            return Edit(target: "append\(tag)", effect: "") { doc in doc.sections[section].lines.append(line)
            }
        case 8:
            let section = random.pick([0, 2])
            let index = random.below(document.sections[section].lines.count)
            let words = random.pick(["rewritten", "said better", "fixed"])
            return Edit(target: "line\(section):\(index)", effect: words, before: "something said") { doc in
                doc.sections[section].lines[index] =
                    "\(document.sections[section].heading) line \(index): \(words)."
            }
        default:
            let heading = random.pick(["Follow-up", "Resources"])
            return Edit(target: "section+\(tag)", effect: "") { doc in
                if let index = doc.sections.firstIndex(where: { $0.heading == heading }) {
                    doc.sections[index].lines.append("From \(tag).")
                } else {
                    doc.sections.append((heading, ["From \(tag)."]))
                }
            }
        }
    }

    static let labels = MergeLabels(ours: "ours", theirs: "theirs")

    @Test(arguments: 0..<6) func editsOfDifferentThingsNeverConflict(seed: UInt64) throws {
        var random = Random(state: seed &* 7919)
        var conflictsExpected = 0
        var conflictsSeen = 0
        for _ in 0..<200 {
            let base = Document.make(&random)
            let oursEdits = (0..<(1 + random.below(3))).map {
                Self.edit(base, side: "o", number: $0, &random)
            }
            let theirsEdits = (0..<(1 + random.below(3))).map {
                Self.edit(base, side: "t", number: $0, &random)
            }
            var ours = base
            var theirs = base
            oursEdits.forEach { $0.apply(&ours) }
            theirsEdits.forEach { $0.apply(&theirs) }

            let result = try #require(
                EntryMerge.merge(
                    base: Array(base.text.utf8), ours: Array(ours.text.utf8), theirs: Array(theirs.text.utf8),
                    path: "sessions/2026-11-20.md", labels: Self.labels))
            let merged = String(decoding: result.bytes, as: UTF8.self)
            let what =
                "ours: \(oursEdits.map { $0.target + "=" + $0.effect }), theirs: \(theirsEdits.map { $0.target + "=" + $0.effect })"
            // The last edit of a thing on a side is what that side did to it; one that puts
            // back what the base had did nothing.
            func effects(_ edits: [Edit]) -> [String: String] {
                var result: [String: String] = [:]
                for edit in edits { result[edit.target] = edit.effect }
                for edit in edits where result[edit.target] == edit.before { result[edit.target] = nil }
                return result
            }
            let oursEffects = effects(oursEdits)
            // Both sides' edits, one after the other (theirs' that came to nothing left out).
            var both = ours
            let theirsEffects = effects(theirsEdits)
            theirsEdits.filter { $0.effect.isEmpty || theirsEffects[$0.target] != nil }.forEach {
                $0.apply(&both)
            }
            let clash = effects(theirsEdits).contains { target, effect in
                oursEffects[target].map { $0 != effect } ?? false
            }
            // Every line a side added is in the result, merged or between markers.
            let baseLines = Set(base.text.split(separator: "\n"))
            for side in [ours, theirs] {
                for line in side.text.split(separator: "\n")
                where !baseLines.contains(line) && line != "agenda: []" {
                    let kept =
                        merged.split(separator: "\n").contains(line)
                        || (line.contains("- [") && !clash)
                    #expect(kept || clash, "lost `\(line)`:\n\(merged)")
                }
            }
            if clash {
                conflictsExpected += 1
                if result.conflicts > 0 { conflictsSeen += 1 }
                #expect(
                    result.conflicts > 0,
                    "the same thing changed differently must conflict (\(what)):\n\(merged)")
            } else {
                #expect(result.conflicts == 0, "different things must not conflict (\(what)):\n\(merged)")
                #expect(
                    merged == both.text.replacingOccurrences(of: "agenda: []\n", with: "agenda:\n")
                        || merged == both.text,
                    "\(what)\nmerged:\n\(merged)\nexpected:\n\(both.text)")
                let entry = EntryParser.parse(
                    path: "sessions/2026-11-20.md", kind: .session, bytes: result.bytes)
                #expect(!entry.diagnostics.contains { $0.rule.hasPrefix("front-matter/") }, "\(merged)")
            }
        }
        #expect(conflictsSeen == conflictsExpected)
    }
}
