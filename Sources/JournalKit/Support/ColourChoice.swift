import Foundation

/// Whether output is coloured, decided in one place as common tools decide it (no-color.org,
/// force-color.org): `--color always|never` first (`--no-color` is `never`), then
/// `FORCE_COLOR` (set and not `0`: colour), then `NO_COLOR` (set and not empty: none), then
/// `TERM=dumb` (none), then whether the output is a terminal.
public enum ColourChoice: String, Sendable, CaseIterable {
    case always, never, auto

    /// The decision for output that is (`isTerminal`) or is not a terminal.
    public func decide(environment: [String: String], isTerminal: Bool) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto: break
        }
        if let force = environment["FORCE_COLOR"], !force.isEmpty, force != "0", force.lowercased() != "false"
        {
            return true
        }
        if let no = environment["NO_COLOR"], !no.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isTerminal
    }
}
