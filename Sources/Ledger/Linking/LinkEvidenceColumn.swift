/// The columns of an evidence row as ``Ledger/forEachLinkEvidenceRow(ejercicio:entidad:_:)`` reads them, in the
/// query's order: what the evidence checks cite and compare, not the supplier, CUR or kind.
public enum LinkEvidenceColumn: Int32, CaseIterable, Sendable {
    case id, importRunID, fileName, line, ejercicio, nog, npg, entidad, unidadEjecutora, programa, subprograma
    case proyecto, actividad, obra, renglon, monto, fecha

    /// The column as the query selects it: `link_evidence` (`e`) or `import_run` (`r`).
    var expression: String {
        switch self {
        case .id: "e.id"
        case .importRunID: "e.import_run_id"
        case .fileName: "r.file_name"
        case .line: "e.line"
        case .ejercicio: "e.ejercicio"
        case .nog: "e.nog"
        case .npg: "e.npg"
        case .entidad: "e.entidad"
        case .unidadEjecutora: "e.unidad_ejecutora"
        case .programa: "e.programa"
        case .subprograma: "e.subprograma"
        case .proyecto: "e.proyecto"
        case .actividad: "e.actividad"
        case .obra: "e.obra"
        case .renglon: "e.renglon"
        case .monto: "e.monto"
        case .fecha: "e.fecha"
        }
    }
}
