import Domain
import Foundation
import GRDB

/// One item of a procurement (table `procurement_item`).
struct ProcurementItemRecord: ProcurementChildRow, Codable, Sendable, Hashable, FetchableRecord,
    MutablePersistableRecord
{
    var id: Int64?
    var procurementID: Int64
    var position: Int
    var itemID: String?
    var description: String
    var classificationScheme: String?
    var classificationID: String?
    /// Exact decimal text (`100`), since SQLite has no decimal type.
    var quantity: String?
    var unitName: String?

    static let databaseTableName = "procurement_item"

    enum CodingKeys: String, CodingKey {
        case id, position, description, quantity
        case procurementID = "procurement_id"
        case itemID = "item_id"
        case classificationScheme = "classification_scheme"
        case classificationID = "classification_id"
        case unitName = "unit_name"
    }

    enum Columns {
        static let procurementID = Column(CodingKeys.procurementID)
        static let position = Column(CodingKeys.position)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The columns an import inserts, in the order ``bind(to:procurementID:texts:)`` binds them.
    static let insertColumns = [
        "procurement_id", "position", "item_id", "description", "classification_scheme", "classification_id",
        "quantity", "unit_name",
    ]

    /// Binds this row's values after those already bound, under `procurementID`, its texts kept in `texts`.
    func bind(to statement: inout BoundStatement, procurementID: Int64, texts: BoundTextArena) {
        statement.bind(procurementID)
        statement.bind(position)
        statement.bind(itemID, keptIn: texts)
        statement.bind(description, keptIn: texts)
        statement.bind(classificationScheme, keptIn: texts)
        statement.bind(classificationID, keptIn: texts)
        statement.bind(quantity, keptIn: texts)
        statement.bind(unitName, keptIn: texts)
    }

    init(_ item: ProcurementItem, procurementID: Int64, position: Int) {
        self.procurementID = procurementID
        self.position = position
        self.itemID = item.id
        self.description = item.description
        self.classificationScheme = item.classificationScheme
        self.classificationID = item.classificationID
        self.quantity = ProcurementFingerprint.quantityText(item.quantity)
        self.unitName = item.unitName
    }

    var item: ProcurementItem {
        ProcurementItem(
            id: itemID, description: description, classificationScheme: classificationScheme,
            classificationID: classificationID, quantity: quantity.flatMap { Decimal(string: $0) }, unitName: unitName)
    }
}
