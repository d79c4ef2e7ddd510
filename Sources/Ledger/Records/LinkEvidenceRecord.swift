import Domain
import Foundation
import GRDB

/// One row of a link file (table `link_evidence`): a purchase tied to a budget line by the source itself.
struct LinkEvidenceRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    var id: Int64?
    var importRunID: Int64
    var kind: String
    var line: Int
    var ejercicio: Int?
    var nog: String?
    var npg: String?
    var noCur: String?
    var claseRegistro: String?
    var entidad: String?
    var unidadEjecutora: String?
    var programa: String?
    var subprograma: String?
    var proyecto: String?
    var actividad: String?
    var obra: String?
    var renglon: String?
    var nit: String?
    var proveedor: String?
    var monto: Int64
    var fecha: String?

    static let databaseTableName = "link_evidence"

    enum CodingKeys: String, CodingKey {
        case id, kind, line, ejercicio, nog, npg, entidad, programa, subprograma, proyecto, actividad, obra, renglon
        case nit, proveedor, monto, fecha
        case importRunID = "import_run_id"
        case noCur = "no_cur"
        case claseRegistro = "clase_registro"
        case unidadEjecutora = "unidad_ejecutora"
    }

    // MARK: - Database

    enum Columns {
        static let ejercicio = Column(CodingKeys.ejercicio)
        static let nog = Column(CodingKeys.nog)
        static let importRunID = Column(CodingKeys.importRunID)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    init(_ evidence: LinkEvidence, importRunID: Int64) {
        self.importRunID = importRunID
        self.kind = evidence.kind.rawValue
        self.line = evidence.sourceLine
        self.ejercicio = evidence.ejercicio
        self.nog = evidence.nog
        self.npg = evidence.npg
        self.noCur = evidence.noCur
        self.claseRegistro = evidence.claseRegistro
        self.entidad = evidence.entidad
        self.unidadEjecutora = evidence.unidadEjecutora
        self.programa = evidence.programa
        self.subprograma = evidence.subprograma
        self.proyecto = evidence.proyecto
        self.actividad = evidence.actividad
        self.obra = evidence.obra
        self.renglon = evidence.renglon?.rawValue
        self.nit = evidence.nit
        self.proveedor = evidence.proveedor
        self.monto = evidence.monto.centavos
        self.fecha = evidence.fecha
    }

    var evidence: LinkEvidence {
        LinkEvidence(
            kind: LinkEvidence.Kind(rawValue: kind) ?? .insumo, ejercicio: ejercicio, nog: nog, npg: npg, noCur: noCur,
            claseRegistro: claseRegistro, entidad: entidad, unidadEjecutora: unidadEjecutora, programa: programa,
            subprograma: subprograma, proyecto: proyecto, actividad: actividad, obra: obra,
            renglon: renglon.flatMap(Renglon.init(rawValue:)), nit: nit, proveedor: proveedor,
            monto: Money(centavos: monto), fecha: fecha, sourceLine: line)
    }
}
