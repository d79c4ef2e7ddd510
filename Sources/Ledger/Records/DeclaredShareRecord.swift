import Domain
import GRDB

/// A line of a published summary table (table `declared_share`).
struct DeclaredShareRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    var ejercicio: Int
    var line: Int
    var label: String
    var productCode: String?
    var amount: Int64
    var declaredPercent: String
    var isTotal: Bool
    var importRunID: Int64

    static let databaseTableName = "declared_share"

    enum CodingKeys: String, CodingKey {
        case ejercicio, line, label, amount
        case productCode = "product_code"
        case declaredPercent = "declared_percent"
        case isTotal = "is_total"
        case importRunID = "import_run_id"
    }

    enum Columns {
        static let ejercicio = Column(CodingKeys.ejercicio)
        static let line = Column(CodingKeys.line)
    }

    init(_ share: DeclaredShare, importRunID: Int64) {
        self.ejercicio = share.ejercicio
        self.line = share.line
        self.label = share.label
        self.productCode = share.productCode
        self.amount = share.amount.centavos
        self.declaredPercent = share.declaredPercent
        self.isTotal = share.isTotal
        self.importRunID = importRunID
    }

    var declaredShare: DeclaredShare {
        DeclaredShare(
            ejercicio: ejercicio, line: line, label: label, productCode: productCode, amount: Money(centavos: amount),
            declaredPercent: declaredPercent, isTotal: isTotal)
    }
}
