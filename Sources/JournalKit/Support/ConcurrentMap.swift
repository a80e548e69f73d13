import Foundation

/// `body` applied to every index of `0..<count` across the cores, the results in index order,
/// so that what comes out never depends on which core ran what.
func concurrentMap<Result>(_ count: Int, _ body: @Sendable (Int) -> Result) -> [Result] {
    guard count > 0 else { return [] }
    return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
        let slots = Slots(buffer)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots.buffer.baseAddress.map { ($0 + index).initialize(to: body(index)) }
        }
        initialized = count
    }
}

/// Lets `concurrentPerform` write each result into its own slot of one buffer.
private struct Slots<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}
