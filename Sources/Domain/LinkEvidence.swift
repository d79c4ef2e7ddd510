import Foundation

/// One row of a file that ties a purchase (NOG or NPG) to the budget: evidence for the ledger's links.
///
/// Two sources give it: input-level execution (`ejecucion_insumo_detalle`: NOG, NPG, programa, actividad,
/// renglón, NIT, monto devengado) and CUR files (`NO_CUR`, NOG, clase de registro, NIT, monto).
public struct LinkEvidence: Hashable, Sendable, Codable {
    /// Which kind of file the row came from.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// Input-level execution detail.
        case insumo
        /// Comprobante Único de Registro.
        case cur
    }

    public var kind: Kind
    public var ejercicio: Int?
    public var nog: String?
    public var npg: String?
    public var noCur: String?
    public var claseRegistro: String?
    public var entidad: String?
    public var unidadEjecutora: String?
    public var programa: String?
    public var subprograma: String?
    public var proyecto: String?
    public var actividad: String?
    public var obra: String?
    public var renglon: Renglon?
    public var nit: String?
    public var proveedor: String?
    public var monto: Money
    /// ISO date (`2022-03-15`), nil when the file leaves it empty or writes `01/01/0001`.
    public var fecha: String?
    /// 1-based line in the source file.
    public var sourceLine: Int

    public init(
        kind: Kind, ejercicio: Int? = nil, nog: String? = nil, npg: String? = nil, noCur: String? = nil,
        claseRegistro: String? = nil, entidad: String? = nil, unidadEjecutora: String? = nil,
        programa: String? = nil, subprograma: String? = nil, proyecto: String? = nil, actividad: String? = nil,
        obra: String? = nil, renglon: Renglon? = nil, nit: String? = nil, proveedor: String? = nil, monto: Money,
        fecha: String? = nil, sourceLine: Int
    ) {
        self.kind = kind
        self.ejercicio = ejercicio
        self.nog = nog
        self.npg = npg
        self.noCur = noCur
        self.claseRegistro = claseRegistro
        self.entidad = entidad
        self.unidadEjecutora = unidadEjecutora
        self.programa = programa
        self.subprograma = subprograma
        self.proyecto = proyecto
        self.actividad = actividad
        self.obra = obra
        self.renglon = renglon
        self.nit = nit
        self.proveedor = proveedor
        self.monto = monto
        self.fecha = fecha
        self.sourceLine = sourceLine
    }

    /// True when the budget line fits every budget code this row gives (codes the row leaves out match anything).
    public func matches(_ key: BudgetKey) -> Bool {
        let structure = key.structure
        let pairs: [(String?, String)] = [
            (entidad, structure.entidad), (unidadEjecutora, structure.unidadEjecutora ?? ""),
            (programa, structure.programa),
            (subprograma, structure.subprograma), (proyecto, structure.proyecto), (actividad, structure.actividad),
            (obra, structure.obra),
            (renglon?.rawValue, key.renglon.rawValue),
        ]
        return (ejercicio == nil || ejercicio == key.ejercicio) && pairs.allSatisfy { $0.0 == nil || $0.0 == $0.1 }
    }
}
