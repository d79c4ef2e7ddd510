import Domain
import GRDB

/// A directorate of the institution (table `directorate`).
struct DirectorateRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    var code: String
    var name: String
    var importRunID: Int64

    static let databaseTableName = "directorate"

    enum CodingKeys: String, CodingKey {
        case code, name
        case importRunID = "import_run_id"
    }

    init(_ directorate: Directorate, importRunID: Int64) {
        self.code = directorate.code
        self.name = directorate.name
        self.importRunID = importRunID
    }

    var directorate: Directorate { Directorate(code: code, name: name) }
}
