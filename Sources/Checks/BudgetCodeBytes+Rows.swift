import Ledger

extension BudgetCodeBytes {
    /// A line's codes as SQLite holds them.
    init(_ line: BudgetCodesRowView) {
        self.init(
            ejercicio: line.ejercicio, entidad: line.entidad, unidadEjecutora: line.unidadEjecutora,
            programa: line.programa, subprograma: line.subprograma, proyecto: line.proyecto,
            actividad: line.actividad, obra: line.obra, renglon: line.renglon)
    }

    /// An evidence row's codes as SQLite holds them; nil when the row gives no renglón (three ASCII digits, as
    /// ``Domain/Renglon`` takes them): it then fits no line.
    init?(_ row: LinkEvidenceRowView) {
        guard let renglon = row.text(.renglon), renglon.count == 3, renglon.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        else { return nil }
        self.init(
            ejercicio: row.ejercicio, entidad: row.text(.entidad), unidadEjecutora: row.text(.unidadEjecutora),
            programa: row.text(.programa), subprograma: row.text(.subprograma), proyecto: row.text(.proyecto),
            actividad: row.text(.actividad), obra: row.text(.obra), renglon: renglon)
    }
}
