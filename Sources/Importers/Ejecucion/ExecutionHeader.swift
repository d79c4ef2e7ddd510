import Domain
import Formats
import Foundation

/// Where each field sits in an execution file's header row.
///
/// Headers are compared after ``Formats/HeaderKey/normalize(_:)``, so `TRASPASO_P`, `Traspaso P`,
/// `traspasoP` and `Traspasos (+)`-style variants meet on one spelling. A file with both a code column and
/// a name column for a field (`codigoRenglon` and `renglon`) keeps both; a file with one column per field
/// carries `código nombre` in it and the row parser splits it.
struct ExecutionHeader: Sendable {
    /// The headers as the file writes them (for diagnostics).
    let original: [String]
    let codeColumns: [ExecutionField: Int]
    let nameColumns: [ExecutionField: Int]
    /// Month (1…12) → column of monthly devengado.
    let monthColumns: [Int: Int]

    /// Maps a header row.
    /// - Throws: ``ImportError/wrongKind(file:expected:detail:)`` for a revenue (ingresos) file, and
    ///   ``ImportError/missingColumns(file:kind:columns:)`` when required columns are absent.
    init(_ headers: [String], file: String, ejercicioGiven: Bool) throws {
        original = headers
        let keys = headers.map(HeaderKey.normalize)
        var taken = Set<Int>()
        var codes: [ExecutionField: Int] = [:]
        for field in ExecutionField.allCases {
            if let index = field.codeHeaders.lazy.compactMap({ alias in keys.firstIndex(of: alias) })
                .first(where: { !taken.contains($0) })
            {
                codes[field] = index
                taken.insert(index)
            }
        }
        var names: [ExecutionField: Int] = [:]
        for field in ExecutionField.allCases where !field.nameHeaders.isEmpty {
            if let index = field.nameHeaders.lazy.compactMap({ alias in keys.firstIndex(of: alias) })
                .first(where: { !taken.contains($0) })
            {
                names[field] = index
            }
        }
        var months: [Int: Int] = [:]
        for (index, key) in keys.enumerated() where !taken.contains(index) {
            if let month = Self.month(ofHeader: key), months[month] == nil { months[month] = index }
        }
        codeColumns = codes
        nameColumns = names
        monthColumns = months

        if codes[.renglon] == nil
            && keys.contains(where: { ["percibido", "codigo_recurso", "codigo_clase", "recurso"].contains($0) })
        {
            throw ImportError.wrongKind(
                file: file, expected: "ejecución de gastos",
                detail: "es un archivo de ingresos (trae recurso/clase/percibido y no trae renglón); "
                    + "esta herramienta importa solo la ejecución del gasto")
        }
        var required: [ExecutionField] = [
            .entidad, .programa, .actividad, .renglon, .asignado, .vigente, .devengado, .pagado,
        ]
        if !ejercicioGiven { required.insert(.ejercicio, at: 0) }
        let missing = required.filter { codes[$0] == nil }
        if !missing.isEmpty {
            throw ImportError.missingColumns(
                file: file, kind: "ejecución presupuestaria", columns: missing.map(\.label))
        }
    }

    /// The header text of a field's column, or its Spanish label.
    func headerName(_ field: ExecutionField) -> String {
        codeColumns[field].map { original[$0] } ?? field.label
    }

    /// True when the file reports the field.
    func has(_ field: ExecutionField) -> Bool { codeColumns[field] != nil }

    /// True when the file breaks modifications into parts (adición, disminución, traspasos…).
    var hasModificationParts: Bool {
        [.adicion, .disminucion, .traspasoPositivo, .traspasoNegativo, .transferenciaPositiva, .transferenciaNegativa]
            .contains { codeColumns[$0] != nil }
    }

    /// The month of a monthly-devengado header: `devengado_enero`, `DEV_ENE`, `Enero`, `devengado_mes_01`.
    static func month(ofHeader key: String) -> Int? {
        let tokens = key.split(separator: "_").map(String.init)
        let excluded: Set<String> = [
            "pagado", "comprometido", "vigente", "compromiso", "asignado", "modificado", "precomprometido",
        ]
        guard !tokens.contains(where: excluded.contains) else { return nil }
        let rest = tokens.filter { !["devengado", "dev", "mes", "devengo"].contains($0) }
        let mentionsDevengado = tokens.contains("devengado") || tokens.contains("dev") || tokens.contains("devengo")
        guard rest.count == 1, let token = rest.first else { return nil }
        if let month = SpanishMonth.number(token) { return mentionsDevengado || tokens.count == 1 ? month : nil }
        if mentionsDevengado, let number = Int(token), (1...12).contains(number) { return number }
        return nil
    }
}
