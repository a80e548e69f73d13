/// What an HTML report may do in its reader's browser: show itself, and nothing else.
///
/// A journal's own template travels with the journal, so a partner can change it. Whatever it
/// says, the page journal writes starts with a Content-Security-Policy that forbids script,
/// frames, plug-ins, forms and every load from the network (styles and pictures may only be
/// inline), and the template's `<meta http-equiv>` (a refresh navigates away), `<link>`
/// (prefetches, icons) and frame elements (Chromium connects to a frame's host before the
/// policy refuses it) are taken out. Journal text itself is always escaped before a
/// template sees it, so the only markup on the page is the template's and journal's own.
public enum HTMLPolicy {
    /// The policy every HTML report carries.
    public static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; "
        + "base-uri 'none'; form-action 'none'"

    /// The element that carries it; it must come before anything a template writes.
    public static let metaElement =
        "<meta http-equiv=\"Content-Security-Policy\" content=\"\(contentSecurityPolicy)\" />"

    /// Browsers look up the host names of a page's links ahead of a click; a template could
    /// spell journal text into a host name. This turns the look-ups off.
    public static let noPrefetchElement = "<meta http-equiv=\"x-dns-prefetch-control\" content=\"off\" />"

    /// What journal puts first in every HTML report.
    public static let preamble = metaElement + "\n" + noPrefetchElement

    /// `html` with the policy before anything that could run or load (just inside `<head>` when
    /// the template opens one first) and the elements that could get around it removed.
    public static func enforce(_ html: String) -> String {
        let cleaned = Array(removingElements(html).utf8)
        let at = insertionPoint(cleaned)
        let lead = at == 0 || cleaned[at - 1] == 0x0A ? "" : "\n"
        let meta = Array((lead + preamble + "\n").utf8)
        return String(decoding: cleaned[..<at] + meta + cleaned[at...], as: UTF8.self)
    }

    /// Past a byte-order mark, white space, the doctype, comments and the `<html>` and `<head>`
    /// start tags: none of them can run or load anything, so the policy may follow them.
    static func insertionPoint(_ bytes: [UInt8]) -> Int {
        var index = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
                index += 1
                continue
            }
            guard byte == UInt8(ascii: "<") else { return index }
            let rest = bytes[index...].prefix(12).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            if rest.starts(with: Array("<!--".utf8)) {
                guard let end = find(Array("-->".utf8), in: bytes, from: index + 4) else { return index }
                index = end + 3
            } else if rest.starts(with: Array("<!doctype".utf8)) || isStartTag(rest, "html")
                || isStartTag(rest, "head")
            {
                guard let end = tagEnd(bytes, from: index) else { return index }
                index = end + 1
            } else {
                return index
            }
        }
        return index
    }

    static func isStartTag(_ lower: [UInt8], _ name: String) -> Bool {
        let prefix = Array(("<" + name).utf8)
        guard lower.count > prefix.count, lower.starts(with: prefix) else { return false }
        let after = lower[prefix.count]
        return after == 0x20 || after == 0x09 || after == 0x0A || after == 0x0D || after == 0x0C
            || after == UInt8(ascii: ">")
    }

    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// Tags that are removed whole wherever they appear: `<meta …http-equiv…>`, `<link …>`,
    /// `<iframe …>` and `<frame …>`.
    static func removingElements(_ html: String) -> String {
        let bytes = Array(html.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count,
                "lmif".utf8.contains(bytes[index + 1] | 0x20),
                let end = tagEnd(bytes, from: index),
                isRemoved(bytes[index...end])
            {
                index = end + 1
                continue
            }
            result.append(bytes[index])
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The index of the `>` closing the tag opened at `start`, skipping quoted attribute values.
    static func tagEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var quote: UInt8?
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return index
            }
            index += 1
        }
        return nil
    }

    static func isRemoved(_ tag: ArraySlice<UInt8>) -> Bool {
        let lower = tag.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        func named(_ name: String) -> Bool {
            isStartTag(lower, name) || lower.starts(with: Array(("<" + name + "/").utf8))
        }
        // A frame's address is connected to before the policy turns the frame away.
        if named("link") || named("iframe") || named("frame") { return true }
        if named("meta") {
            let text = String(decoding: lower, as: UTF8.self)
            return text.contains("http-equiv")
        }
        return false
    }
}
