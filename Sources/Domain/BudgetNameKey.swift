import Foundation

/// What a name printed in an execution file names: a field (`renglon`, `actividad`…) and the codes that
/// identify it (`015`; `12100401|01|00|000|001|000` for an activity of an entity).
///
/// A name repeats on every line with the same code; when one copy was damaged on the way, another copy of the
/// same code (in the same file or already in the ledger) says what it was.
public struct BudgetNameKey: Hashable, Sendable {
    public var field: String
    public var code: String

    public init(field: String, code: String) {
        self.field = field
        self.code = code
    }

    /// The key of a line's name for a field (the `names` key of ``BudgetLine``), or nil when the line lacks the
    /// codes that field's name belongs to.
    public init?(field: String, key: BudgetKey, classification: BudgetClassification) {
        let s = key.structure
        let unidad = s.unidadEjecutora ?? ""
        let code: String?
        switch field {
        case "entidad": code = s.entidad
        case "unidadEjecutora": code = s.unidadEjecutora.map { "\(s.entidad)|\($0)" }
        case "programa": code = [s.entidad, unidad, s.programa].joined(separator: "|")
        case "subprograma": code = [s.entidad, unidad, s.programa, s.subprograma].joined(separator: "|")
        case "proyecto": code = [s.entidad, unidad, s.programa, s.subprograma, s.proyecto].joined(separator: "|")
        case "actividad", "obra":
            code = [s.entidad, unidad, s.programa, s.subprograma, s.proyecto, s.actividad, s.obra].joined(
                separator: "|")
        case "renglon": code = key.renglon.rawValue
        case "fuente": code = key.fuente
        case "organismo": code = key.organismo
        case "tipoPresupuesto": code = classification.tipoPresupuesto
        case "finalidad": code = classification.finalidad
        case "funcion": code = classification.funcion
        case "division": code = classification.division
        case "departamento": code = classification.departamento
        case "subgrupo": code = classification.subgrupo ?? key.renglon.subgrupo
        case "region": code = classification.region
        default: code = nil
        }
        guard let code, !code.isEmpty else { return nil }
        self.init(field: field, code: code)
    }
}
