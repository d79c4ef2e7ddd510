import Domain
import Foundation
import GRDB

/// A product of one fiscal year (table `product`), keyed by (ejercicio, code).
struct ProductRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    var id: Int64?
    var ejercicio: Int
    var code: String
    var directorateCode: String
    var name: String
    var unidadMedida: String
    /// Exact decimal text (`17050`), since SQLite has no decimal type.
    var metaFisica: String
    var presupuestoVigente: Int64
    var entidad: String
    var unidadEjecutora: String
    var programa: String
    var subprograma: String
    var proyecto: String
    var actividad: String
    var obra: String
    var importRunID: Int64

    static let databaseTableName = "product"

    enum CodingKeys: String, CodingKey {
        case id, ejercicio, code, name, programa, subprograma, proyecto, actividad, obra, entidad
        case directorateCode = "directorate_code"
        case unidadMedida = "unidad_medida"
        case metaFisica = "meta_fisica"
        case presupuestoVigente = "presupuesto_vigente"
        case unidadEjecutora = "unidad_ejecutora"
        case importRunID = "import_run_id"
    }

    enum Columns {
        static let ejercicio = Column(CodingKeys.ejercicio)
        static let code = Column(CodingKeys.code)
        static let entidad = Column(CodingKeys.entidad)
        static let unidadEjecutora = Column(CodingKeys.unidadEjecutora)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    init(_ product: Product, importRunID: Int64) {
        self.ejercicio = product.ejercicio
        self.code = product.code
        self.directorateCode = product.directorate.code
        self.name = product.name
        self.unidadMedida = product.meta.unidadMedida
        self.metaFisica = "\(product.meta.cantidad)"
        self.presupuestoVigente = product.presupuestoVigente.centavos
        self.entidad = product.structure.entidad
        self.unidadEjecutora = product.structure.unidadEjecutora ?? ""
        self.programa = product.structure.programa
        self.subprograma = product.structure.subprograma
        self.proyecto = product.structure.proyecto
        self.actividad = product.structure.actividad
        self.obra = product.structure.obra
        self.importRunID = importRunID
    }

    /// The Domain value.
    /// - Throws: ``LedgerError/unreadableValue(table:row:column:value:)`` when the stored meta física is not a
    ///   number (never read as 0).
    func product(directorate: Directorate) throws -> Product {
        Product(
            ejercicio: ejercicio, code: code, directorate: directorate, name: name,
            meta: PhysicalGoal(
                unidadMedida: unidadMedida,
                cantidad: try LedgerDecimal.parse(
                    metaFisica, table: "product", row: "\(ejercicio)/\(code)", column: "meta_fisica")),
            presupuestoVigente: Money(centavos: presupuestoVigente),
            structure: BudgetStructure(
                entidad: entidad, unidadEjecutora: unidadEjecutora, programa: programa, subprograma: subprograma,
                proyecto: proyecto, actividad: actividad, obra: obra))
    }

    /// True when both rows say the same thing (ignoring which run wrote them).
    func sameContent(as other: ProductRecord) -> Bool {
        var left = self
        var right = other
        (left.id, left.importRunID, right.id, right.importRunID) = (nil, 0, nil, 0)
        return left == right
    }
}

extension DerivableRequest<ProductRecord> {
    func filter(ejercicio: Int) -> Self { filter(ProductRecord.Columns.ejercicio == ejercicio) }

    /// Narrows to one SICOIN entidad (and unidad ejecutora when given).
    func filter(entidad: String?, unidadEjecutora: String?) -> Self {
        var request = self
        if let entidad, !entidad.isEmpty { request = request.filter(ProductRecord.Columns.entidad == entidad) }
        if let unidadEjecutora, !unidadEjecutora.isEmpty {
            request = request.filter(ProductRecord.Columns.unidadEjecutora == unidadEjecutora)
        }
        return request
    }
}
