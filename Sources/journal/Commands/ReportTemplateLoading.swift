import Foundation
import JournalKit
import JournalWorkspace

extension ReportCommand {
    /// The journal's own `templates/<name>` when it has one, else the template built into journal.
    func template(_ kind: ReportTemplate.Kind, root: URL) throws -> ReportTemplate {
        let url = root.appendingPathComponent("templates").appendingPathComponent(kind.fileName)
        do {
            guard FileManager.default.fileExists(atPath: url.path) else {
                return try ReportTemplate.builtIn(kind)
            }
            let text: String
            do {
                text = try String(contentsOf: url, encoding: .utf8)
            } catch {
                throw Failure(
                    message: "cannot read the template \(url.path): \(error.localizedDescription)",
                    status: .failure)
            }
            return try ReportTemplate(text, kind: kind, file: url.path)
        } catch let error as TemplateError {
            throw Failure(message: "broken template: \(error)", status: .failure)
        }
    }
}
