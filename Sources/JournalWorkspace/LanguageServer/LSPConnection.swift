import Foundation

/// The Language Server Protocol's base protocol over two file descriptors: messages framed by
/// a `Content-Length` header, JSON-RPC 2.0 inside.
final class LSPConnection {
    /// What reading the next message gave.
    enum Incoming {
        /// A JSON object.
        case message([String: Any])
        /// A frame whose header or body could not be read: answered with a protocol error.
        case malformed(String)
        /// The input was closed.
        case end
    }

    private let input: Int32
    private let output: Int32
    private var buffer: [UInt8] = []
    /// No message is larger than this; a longer one is refused and skipped.
    static let maxMessage = 64 * 1024 * 1024

    init(input: Int32, output: Int32) {
        self.input = input
        self.output = output
    }

    /// Whether a whole message is already buffered or more bytes wait to be read: a change
    /// followed by another is not linted in between (the debounce).
    var hasPendingInput: Bool {
        if headerEnd() != nil { return true }
        var descriptor = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0
    }

    /// Waits up to `milliseconds` for input; true when some arrived.
    func waitForInput(milliseconds: Int32) -> Bool {
        if headerEnd() != nil { return true }
        var descriptor = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, milliseconds) > 0
    }

    /// The next message (blocks until one arrives).
    func next() -> Incoming {
        while true {
            if let end = headerEnd() {
                let header = String(decoding: buffer[..<end], as: UTF8.self)
                var length: Int?
                for line in header.split(separator: "\r\n") {
                    let parts = line.split(separator: ":", maxSplits: 1)
                    if parts.count == 2,
                        parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-length"
                    {
                        length = Int(parts[1].trimmingCharacters(in: .whitespaces))
                    }
                }
                guard let length, length >= 0, length <= Self.maxMessage else {
                    buffer.removeFirst(end + 4)
                    return .malformed("a message header without a valid Content-Length")
                }
                while buffer.count < end + 4 + length {
                    guard fill() else { return .end }
                }
                let body = Array(buffer[(end + 4)..<(end + 4 + length)])
                buffer.removeFirst(end + 4 + length)
                guard let object = try? JSONSerialization.jsonObject(with: Data(body)) else {
                    return .malformed("a message that is not JSON")
                }
                guard let message = object as? [String: Any] else {
                    return .malformed("a message that is not a JSON object")
                }
                return .message(message)
            }
            if buffer.count > 65_536 {
                // No header end in sight: not the protocol; start afresh.
                buffer.removeAll()
                return .malformed("a header longer than 64 KB")
            }
            guard fill() else { return .end }
        }
    }

    private func headerEnd() -> Int? {
        guard buffer.count >= 4 else { return nil }
        for index in 0...(buffer.count - 4)
        where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13
            && buffer[index + 3] == 10
        {
            return index
        }
        return nil
    }

    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer.append(contentsOf: chunk[..<count])
                return true
            }
            if count < 0, errno == EINTR { continue }
            return false
        }
    }

    /// Sends one message.
    func send(_ message: [String: Any]) {
        var message = message
        message["jsonrpc"] = "2.0"
        guard let body = try? JSONSerialization.data(withJSONObject: message, options: [.sortedKeys]) else {
            return
        }
        var frame = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
        frame.append(contentsOf: body)
        frame.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(output, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}
