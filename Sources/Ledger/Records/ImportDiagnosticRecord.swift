import Domain
import Foundation
import GRDB

/// A warning or rejected row stored with the import that produced it.
struct ImportDiagnosticRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    var importRunID: Int64
    var line: Int?
    var field: String?
    var severity: String
    var message: String

    static let databaseTableName = "import_diagnostic"

    enum CodingKeys: String, CodingKey {
        case importRunID = "import_run_id"
        case line, field, severity, message
    }

    init(_ diagnostic: Diagnostic, importRunID: Int64) {
        self.importRunID = importRunID
        self.line = diagnostic.line
        self.field = diagnostic.field
        self.severity = diagnostic.severity.rawValue
        self.message = diagnostic.message
    }

    func diagnostic(file: String) -> Diagnostic {
        Diagnostic(
            file: file, line: line, field: field, severity: Diagnostic.Severity(rawValue: severity) ?? .error,
            message: message)
    }
}
