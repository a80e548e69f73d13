import Foundation
import Mustache

/// File-name slugs made from titles that people type.
public enum Slug {
    /// The longest slug written.
    public static let maxLength = 60

    /// `title` as lower-case ASCII letters, digits and single hyphens, at most 60 characters,
    /// with no path separator, dot or leading hyphen; nil when nothing of it survives (an
    /// emoji-only title).
    public static func make(_ title: String) -> String? {
        // Latin transliteration first so that "Überblick" and "Ελληνικά" keep their letters.
        let latin = title.applyingTransform(.toLatin, reverse: false) ?? title
        let folded = latin.folding(
            options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            let character = Character(scalar)
            if scalar.isASCII, character.isLetter || character.isNumber {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.append(contentsOf: character.lowercased())
            } else if scalar.isASCII || scalar.properties.isWhitespace || scalar.properties.isDash {
                pendingHyphen = true
            }
        }
        if slug.count > maxLength {
            slug = String(slug.prefix(maxLength))
            // Cutting at a word boundary reads better when there is one late enough.
            if let cut = slug.lastIndex(of: "-"),
                slug.distance(from: slug.startIndex, to: cut) >= maxLength / 2
            {
                slug = String(slug[..<cut])
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? nil : slug
    }
}
