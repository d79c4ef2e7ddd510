import Domain
import Foundation
import GRDB

/// A budget line by natural key (table `budget_line`), with its classifications and the names its latest
/// import printed. Dimensions the line's file did not carry are NULL.
struct BudgetLineRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    var id: Int64?
    var ejercicio: Int
    var entidad: String
    var unidadEjecutora: String?
    var programa: String
    var subprograma: String
    var proyecto: String
    var actividad: String
    var obra: String
    var renglon: String
    var fuente: String?
    var organismo: String?
    var correlativo: String?
    var ubicacionGeografica: String?
    /// Expense group derived from the renglón, stored so reports can group in SQL.
    var grupo: String
    var tipoPresupuesto: String?
    var finalidad: String?
    var funcion: String?
    var division: String?
    var departamento: String?
    var subgrupo: String?
    var region: String?
    /// Names as a JSON object with sorted keys (`{"actividad":"…","renglon":"…"}`).
    var nombres: String

    static let databaseTableName = "budget_line"

    enum CodingKeys: String, CodingKey {
        case id, ejercicio, entidad, programa, subprograma, proyecto, actividad, obra, renglon, fuente, organismo
        case correlativo, grupo, finalidad, funcion, division, departamento, subgrupo, region, nombres
        case unidadEjecutora = "unidad_ejecutora"
        case ubicacionGeografica = "ubicacion_geografica"
        case tipoPresupuesto = "tipo_presupuesto"
    }

    // MARK: - Database

    enum Columns {
        static let ejercicio = Column(CodingKeys.ejercicio)
        static let entidad = Column(CodingKeys.entidad)
        static let unidadEjecutora = Column(CodingKeys.unidadEjecutora)
        static let programa = Column(CodingKeys.programa)
        static let subprograma = Column(CodingKeys.subprograma)
        static let proyecto = Column(CodingKeys.proyecto)
        static let actividad = Column(CodingKeys.actividad)
        static let obra = Column(CodingKeys.obra)
        static let renglon = Column(CodingKeys.renglon)
        static let fuente = Column(CodingKeys.fuente)
        static let organismo = Column(CodingKeys.organismo)
        static let correlativo = Column(CodingKeys.correlativo)
        static let ubicacionGeografica = Column(CodingKeys.ubicacionGeografica)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    init(_ line: BudgetLine) {
        let key = line.key
        self.ejercicio = key.ejercicio
        self.entidad = key.structure.entidad
        self.unidadEjecutora = key.structure.unidadEjecutora
        self.programa = key.structure.programa
        self.subprograma = key.structure.subprograma
        self.proyecto = key.structure.proyecto
        self.actividad = key.structure.actividad
        self.obra = key.structure.obra
        self.renglon = key.renglon.rawValue
        self.fuente = key.fuente
        self.organismo = key.organismo
        self.correlativo = key.correlativo
        self.ubicacionGeografica = key.ubicacionGeografica
        self.grupo = key.renglon.grupo.rawValue
        let classification = line.classification
        self.tipoPresupuesto = classification.tipoPresupuesto
        self.finalidad = classification.finalidad
        self.funcion = classification.funcion
        self.division = classification.division
        self.departamento = classification.departamento
        self.subgrupo = classification.subgrupo
        self.region = classification.region
        self.nombres = Self.encode(line.names)
    }

    var key: BudgetKey? {
        guard let renglon = Renglon(rawValue: renglon) else { return nil }
        return BudgetKey(
            ejercicio: ejercicio, entidad: entidad, unidadEjecutora: unidadEjecutora, programa: programa,
            subprograma: subprograma, proyecto: proyecto, actividad: actividad, obra: obra, renglon: renglon,
            fuente: fuente, organismo: organismo, correlativo: correlativo, ubicacionGeografica: ubicacionGeografica)
    }

    var classification: BudgetClassification {
        BudgetClassification(
            tipoPresupuesto: tipoPresupuesto, finalidad: finalidad, funcion: funcion, division: division,
            departamento: departamento, subgrupo: subgrupo, region: region)
    }

    var names: [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(nombres.utf8))) ?? [:]
    }

    static func encode(_ names: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(names)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

extension DerivableRequest<BudgetLineRecord> {
    /// The line with this natural key (an absent code matches only an absent code).
    func filter(key: BudgetKey) -> Self {
        filter(BudgetLineRecord.Columns.ejercicio == key.ejercicio)
            .filter(BudgetLineRecord.Columns.entidad == key.structure.entidad)
            .filter(BudgetLineRecord.Columns.unidadEjecutora == key.structure.unidadEjecutora)
            .filter(BudgetLineRecord.Columns.programa == key.structure.programa)
            .filter(BudgetLineRecord.Columns.subprograma == key.structure.subprograma)
            .filter(BudgetLineRecord.Columns.proyecto == key.structure.proyecto)
            .filter(BudgetLineRecord.Columns.actividad == key.structure.actividad)
            .filter(BudgetLineRecord.Columns.obra == key.structure.obra)
            .filter(BudgetLineRecord.Columns.renglon == key.renglon.rawValue)
            .filter(BudgetLineRecord.Columns.fuente == key.fuente)
            .filter(BudgetLineRecord.Columns.organismo == key.organismo)
            .filter(BudgetLineRecord.Columns.correlativo == key.correlativo)
            .filter(BudgetLineRecord.Columns.ubicacionGeografica == key.ubicacionGeografica)
    }
}
