import Foundation

/// Why a fix was not written.
enum FixError: Error, CustomStringConvertible {
    /// The file changed between reading and writing.
    case changedMeanwhile(String)
    /// The system refused to write it (it is left as it was).
    case cannotWrite(String, AtomicFile.Failure)

    public var description: String {
        switch self {
        case .changedMeanwhile(let path):
            return "\(path) changed while fixing it; run `journal lint --fix` again"
        case .cannotWrite(let path, .system(let reason)):
            return "cannot write \(path) (\(reason)); it is left as it was"
        case .cannotWrite(let path, .exists):
            return "cannot write \(path); it is left as it was"
        }
    }
}
