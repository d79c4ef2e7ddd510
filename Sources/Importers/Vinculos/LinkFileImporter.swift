import Domain
import Formats
import Foundation

/// Reads files that tie purchases to the budget: input-level execution (`ejecucion_insumo_detalle`: NOG, NPG,
/// programa, actividad, renglón, NIT, monto devengado, fecha) and CUR files (NO_CUR, NOG, clase de registro,
/// NIT, monto, fecha aprobado). The kind is told by the header (`NO_CUR` means CUR).
public enum LinkFileImporter {
    /// Normalized header spellings per field.
    static let aliases: [String: [String]] = [
        "ejercicio": ["ejercicio", "ano", "anio"],
        "nog": ["nog", "nog_concurso", "numero_nog"],
        "npg": ["npg", "numero_npg"],
        "no_cur": ["no_cur", "numero_cur", "cur", "nro_cur"],
        "clase_registro": ["clase_registro", "clase_de_registro", "clase"],
        "entidad": ["entidad", "codigo_entidad"],
        "unidad_ejecutora": ["unidad_ejecutora", "codigo_unidad_ejecutora", "ue"],
        "programa": ["programa", "codigo_programa"],
        "subprograma": ["subprograma", "sub_programa", "codigo_sub_programa"],
        "proyecto": ["proyecto", "codigo_proyecto"],
        "actividad": ["actividad", "codigo_actividad"],
        "obra": ["obra", "codigo_obra"],
        "renglon": ["renglon", "codigo_renglon"],
        "nit": ["nit", "nit_proveedor"],
        "proveedor": ["nombre_proveedor", "proveedor", "nombre"],
        "monto": ["monto_devengado", "monto", "devengado", "monto_cur"],
        "fecha": ["fecha_aprobado", "fec_aprobado", "fecha", "fecha_aprobacion"],
    ]

    /// Reads a CSV link file.
    /// - Parameter ejercicio: the fiscal year for files without an ejercicio column (else taken from the date).
    /// - Throws: ``ImportError`` when the file is not a link file.
    public static func read(_ url: URL, ejercicio: Int? = nil, catalog: RenglonCatalog = .bundled) throws -> LinkImport {
        let file = url.lastPathComponent
        let reader = try CSVReader(url: url)
        guard let headerRecord = try reader.next() else { throw FormatsError.empty(file: file) }
        let keys = headerRecord.fields.map(HeaderKey.normalize)
        var column: [String: Int] = [:]
        for (field, names) in aliases {
            if let index = names.lazy.compactMap({ keys.firstIndex(of: $0) }).first { column[field] = index }
        }
        let kind: LinkEvidence.Kind = column["no_cur"] != nil ? .cur : .insumo
        if column["nog"] == nil && column["npg"] == nil && column["no_cur"] == nil {
            throw ImportError.wrongKind(
                file: file, expected: "vínculos (insumos o CUR)", detail: "no trae columna NOG, NPG ni NO_CUR")
        }
        var missing = column["monto"] == nil ? ["monto"] : []
        if kind == .insumo && column["renglon"] == nil { missing.append("renglón") }
        if !missing.isEmpty { throw ImportError.missingColumns(file: file, kind: "vínculos", columns: missing) }
        func header(_ field: String) -> String { column[field].map { headerRecord.fields[$0] } ?? field }

        var evidence: [LinkEvidence] = []
        var diagnostics: [Diagnostic] = []
        var rowsRead = 0
        var rejected = 0
        while let record = try reader.next() {
            if record.isBlank { continue }
            rowsRead += 1
            let before = diagnostics.count
            func value(_ field: String) -> String? {
                guard let index = column[field], index < record.fields.count else { return nil }
                let text = record.fields[index].trimmingCharacters(in: .whitespaces)
                return text.isEmpty ? nil : text
            }
            func diagnose(_ field: String, _ severity: Diagnostic.Severity, _ message: String) {
                diagnostics.append(Diagnostic(file: file, line: record.line, field: header(field), severity: severity, message: message))
            }
            func code(_ field: String, width: Int) -> String? {
                guard let text = value(field) else { return nil }
                guard text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                    diagnose(field, .error, "«\(text)» no es un código numérico")
                    return nil
                }
                return BudgetKey.normalized(text, width: width)
            }
            let nog = code("nog", width: 0)
            let npg = value("npg")
            let noCur = value("no_cur")
            if nog == nil && npg == nil && noCur == nil && diagnostics.count == before {
                diagnose("nog", .error, "la fila no trae NOG, NPG ni número de CUR: no vincula nada")
            }
            var renglon: Renglon?
            if let text = value("renglon") {
                renglon = Renglon(lenient: text)
                if let renglon {
                    if !catalog.contains(renglon) { diagnose("renglon", .warning, "el renglón \(renglon.rawValue) no figura en el catálogo incluido") }
                } else {
                    diagnose("renglon", .error, "«\(text)» no es un renglón: debe tener tres dígitos")
                }
            } else if kind == .insumo {
                diagnose("renglon", .error, "falta el renglón")
            }
            var monto = Money.zero
            if let text = value("monto") {
                do {
                    monto = try Money(parsing: text)
                    // A CUR may be a reversal (reversión or regularización of an earlier CUR), which SICOIN records
                    // as a negative amount; an input's devengado, like the execution's, never is.
                    if monto < .zero {
                        if kind == .cur {
                            diagnose("monto", .warning, "el monto \(monto.formatted) es negativo: se guarda como reversión de un CUR")
                        } else {
                            diagnose("monto", .error, "el monto devengado \(monto.formatted) es negativo; este campo no puede serlo")
                        }
                    }
                } catch {
                    diagnose("monto", .error, (error as? any LocalizedError)?.errorDescription ?? "«\(text)» no es un monto")
                }
            } else {
                diagnose("monto", .error, "falta el monto")
            }
            var fecha: String?
            if let text = value("fecha") {
                switch LinkDate.iso(text, order: kind == .cur ? .monthFirst : .dayFirst) {
                case .success(let iso): fecha = iso
                case .failure: diagnose("fecha", .error, "«\(text)» no es una fecha (\(kind == .cur ? "mes/día/año" : "día/mes/año") o AAAA-MM-DD)")
                }
            }
            var year = ejercicio
            if let text = value("ejercicio") {
                if let parsed = Int(text) { year = parsed } else { diagnose("ejercicio", .error, "«\(text)» no es un ejercicio") }
            } else if year == nil, let fecha {
                year = Int(fecha.prefix(4))
            }
            let structure = (
                entidad: code("entidad", width: BudgetKey.Width.entidad),
                unidadEjecutora: code("unidad_ejecutora", width: BudgetKey.Width.unidadEjecutora),
                programa: code("programa", width: BudgetKey.Width.programa),
                subprograma: code("subprograma", width: BudgetKey.Width.subprograma),
                proyecto: code("proyecto", width: BudgetKey.Width.proyecto),
                actividad: code("actividad", width: BudgetKey.Width.actividad), obra: code("obra", width: BudgetKey.Width.obra))
            if diagnostics[before...].contains(where: { $0.severity == .error }) {
                rejected += 1
                continue
            }
            evidence.append(LinkEvidence(
                kind: kind, ejercicio: year, nog: nog, npg: npg, noCur: noCur, claseRegistro: value("clase_registro"),
                entidad: structure.entidad, unidadEjecutora: structure.unidadEjecutora, programa: structure.programa,
                subprograma: structure.subprograma, proyecto: structure.proyecto, actividad: structure.actividad,
                obra: structure.obra, renglon: renglon, nit: value("nit")?.uppercased(), proveedor: value("proveedor"), monto: monto, fecha: fecha,
                sourceLine: record.line))
        }
        if rowsRead == 0 {
            diagnostics.append(Diagnostic(file: file, severity: .error, message: "el archivo no tiene filas de datos"))
        }
        return LinkImport(
            kind: kind, evidence: evidence, diagnostics: diagnostics, rowsRead: rowsRead, rowsRejected: rejected,
            formatDescription: "CSV (\(reader.dialect.encoding.displayName), \(reader.dialect.delimiterName))")
    }
}
