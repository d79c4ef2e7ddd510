import Domain
import Foundation
import GRDB

/// A subproduct of one fiscal year (table `subproduct`), keyed by (ejercicio, code).
struct SubproductRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    var id: Int64?
    var ejercicio: Int
    var code: String
    var productCode: String
    var name: String
    var unidadMedida: String
    var metaFisica: String
    var presupuestoVigente: Int64?
    var importRunID: Int64

    static let databaseTableName = "subproduct"

    enum CodingKeys: String, CodingKey {
        case id, ejercicio, code, name
        case productCode = "product_code"
        case unidadMedida = "unidad_medida"
        case metaFisica = "meta_fisica"
        case presupuestoVigente = "presupuesto_vigente"
        case importRunID = "import_run_id"
    }

    enum Columns {
        static let ejercicio = Column(CodingKeys.ejercicio)
        static let code = Column(CodingKeys.code)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    init(_ subproduct: Subproduct, importRunID: Int64) {
        self.ejercicio = subproduct.ejercicio
        self.code = subproduct.code
        self.productCode = subproduct.productCode
        self.name = subproduct.name
        self.unidadMedida = subproduct.meta.unidadMedida
        self.metaFisica = "\(subproduct.meta.cantidad)"
        self.presupuestoVigente = subproduct.presupuestoVigente?.centavos
        self.importRunID = importRunID
    }

    /// The Domain value.
    /// - Throws: ``LedgerError/unreadableValue(table:row:column:value:)`` when the stored meta física is not a number.
    func subproduct() throws -> Subproduct {
        Subproduct(
            ejercicio: ejercicio, code: code, productCode: productCode, name: name,
            meta: PhysicalGoal(
                unidadMedida: unidadMedida,
                cantidad: try LedgerDecimal.parse(
                    metaFisica, table: "subproduct", row: "\(ejercicio)/\(code)", column: "meta_fisica")),
            presupuestoVigente: presupuestoVigente.map(Money.init(centavos:)))
    }

    func sameContent(as other: SubproductRecord) -> Bool {
        var left = self
        var right = other
        (left.id, left.importRunID, right.id, right.importRunID) = (nil, 0, nil, 0)
        return left == right
    }
}
