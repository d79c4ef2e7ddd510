import Domain
import Foundation
import GRDB

/// A row of a manual-links file (table `manual_link`): kept across linking passes until a file replaces it.
struct ManualLinkRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    var id: Int64?
    var ejercicio: Int
    var nog: String
    var productCode: String
    var subproductCode: String?
    var renglon: String?
    var supplierID: String?
    var shareBillionths: Int64?
    var amount: Int64?
    var note: String?
    var fileName: String
    var fileSHA256: String
    var line: Int
    var loadedAt: Date

    static let databaseTableName = "manual_link"

    enum CodingKeys: String, CodingKey {
        case id, ejercicio, nog, renglon, amount, note, line
        case productCode = "product_code"
        case subproductCode = "subproduct_code"
        case supplierID = "supplier_id"
        case shareBillionths = "share_billionths"
        case fileName = "file_name"
        case fileSHA256 = "file_sha256"
        case loadedAt = "loaded_at"
    }

    // MARK: - Database

    enum Columns {
        static let ejercicio = Column(CodingKeys.ejercicio)
        static let nog = Column(CodingKeys.nog)
        static let fileName = Column(CodingKeys.fileName)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    init(_ link: ManualLink, ejercicio: Int, sha256: String, loadedAt: Date) {
        self.ejercicio = link.ejercicio ?? ejercicio
        self.nog = link.nog
        self.productCode = link.productCode
        self.subproductCode = link.subproductCode
        self.renglon = link.renglon?.rawValue
        self.supplierID = link.supplierID
        self.shareBillionths = link.share?.billionths
        self.amount = link.amount?.centavos
        self.note = link.note
        self.fileName = link.file
        self.fileSHA256 = sha256
        self.line = link.line
        self.loadedAt = loadedAt
    }

    var manualLink: ManualLink {
        ManualLink(
            ejercicio: ejercicio, nog: nog, productCode: productCode, subproductCode: subproductCode,
            renglon: renglon.flatMap(Renglon.init(rawValue:)), supplierID: supplierID,
            share: shareBillionths.map(LinkShare.init(billionths:)), amount: amount.map(Money.init(centavos:)),
            note: note,
            file: fileName, line: line)
    }
}
