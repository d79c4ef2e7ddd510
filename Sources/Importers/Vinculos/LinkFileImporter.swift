import Domain
import Formats
import Foundation

/// Reads files that tie purchases to the budget: input-level execution (`ejecucion_insumo_detalle`: NOG, NPG,
/// programa, actividad, renglón, NIT, monto devengado, fecha) and CUR files (NO_CUR, NOG, clase de registro,
/// NIT, monto, fecha aprobado). The kind is told by the header (`NO_CUR` means CUR).
public struct LinkFileImporter: Importer {
    /// The fiscal year for files without an ejercicio column (else taken from the date).
    public var ejercicio: Int?
    /// The renglón catalog codes are checked against.
    public var catalog: RenglonCatalog

    public init(ejercicio: Int? = nil, catalog: RenglonCatalog = .bundled) {
        self.ejercicio = ejercicio
        self.catalog = catalog
    }

    public var acceptedExtensions: Set<String> { ["csv", "txt", "tsv"] }

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

    /// Reads a CSV link file whole (for tests and small files; imports stream through ``read(_:emit:)``).
    /// - Throws: ``ImportError`` when the file is not a link file.
    public static func read(_ url: URL, ejercicio: Int? = nil, catalog: RenglonCatalog = .bundled) throws -> LinkImport
    {
        var evidence: [LinkEvidence] = []
        var diagnostics: [Diagnostic] = []
        var rejected = 0
        let importer = LinkFileImporter(ejercicio: ejercicio, catalog: catalog)
        let reading = try importer.read(ImportFile(url: url)) { event in
            switch event {
            case .record(let row, _): evidence.append(row)
            case .rejected(let diagnostic):
                rejected += 1
                diagnostics.append(diagnostic)
            case .diagnostic(let diagnostic): diagnostics.append(diagnostic)
            case .repaired, .progress: break
            }
        }
        return LinkImport(
            kind: evidence.first?.kind ?? .insumo, evidence: evidence, diagnostics: diagnostics + reading.fileErrors,
            rowsRead: reading.rowsRead,
            rowsRejected: rejected, formatDescription: reading.shape)
    }

    /// Reads a CSV link file, handing over each row as evidence as soon as it is read.
    /// - Throws: ``ImportError`` when the file is not a link file.
    public func read(_ file: ImportFile, emit: (consuming ImportEvent<LinkEvidence>) throws -> Void) throws
        -> ImportReading
    {
        let url = file.url
        let ejercicio = self.ejercicio
        let catalog = self.catalog
        let fileName = file.displayName
        let reader = try CSVReader(url: url)
        guard let headerRecord = try reader.next() else { throw FormatsError.empty(file: fileName) }
        let keys = headerRecord.fields.map(HeaderKey.normalize)
        var column: [String: Int] = [:]
        for (field, names) in Self.aliases {
            if let index = names.lazy.compactMap({ keys.firstIndex(of: $0) }).first { column[field] = index }
        }
        let kind: LinkEvidence.Kind = column["no_cur"] != nil ? .cur : .insumo
        if column["nog"] == nil && column["npg"] == nil && column["no_cur"] == nil {
            throw ImportError.wrongKind(
                file: fileName, expected: "vínculos (insumos o CUR)", detail: "no trae columna NOG, NPG ni NO_CUR")
        }
        var missing = column["monto"] == nil ? ["monto"] : []
        if kind == .insumo && column["renglon"] == nil { missing.append("renglón") }
        if !missing.isEmpty { throw ImportError.missingColumns(file: fileName, kind: "vínculos", columns: missing) }
        func header(_ field: String) -> String { column[field].map { headerRecord.fields[$0] } ?? field }

        var rowsRead = 0
        var rejected = 0
        var nogs = Set<String>()
        var total = Money.zero
        var diagnostics: [Diagnostic] = []
        while let record = try reader.next() {
            if record.isBlank { continue }
            rowsRead += 1
            if rowsRead % 2000 == 0 { try emit(.progress(bytes: reader.bytesRead, rows: rowsRead)) }
            diagnostics.removeAll(keepingCapacity: true)
            let before = 0
            func value(_ field: String) -> String? {
                guard let index = column[field], index < record.fields.count else { return nil }
                let text = record.fields[index].trimmingCharacters(in: .whitespaces)
                return text.isEmpty ? nil : text
            }
            func diagnose(_ field: String, _ severity: Diagnostic.Severity, _ message: String) {
                diagnostics.append(
                    Diagnostic(
                        file: fileName, line: record.line, field: header(field), severity: severity, message: message))
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
                    if !catalog.contains(renglon) {
                        diagnose(
                            "renglon", .warning, "el renglón \(renglon.rawValue) no figura en el catálogo incluido")
                    }
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
                            diagnose(
                                "monto", .warning,
                                "el monto \(monto.formatted) es negativo: se guarda como reversión de un CUR")
                        } else {
                            diagnose(
                                "monto", .error,
                                "el monto devengado \(monto.formatted) es negativo; este campo no puede serlo")
                        }
                    }
                } catch {
                    diagnose(
                        "monto", .error, error.errorDescription ?? "«\(text)» no es un monto")
                }
            } else {
                diagnose("monto", .error, "falta el monto")
            }
            var fecha: String?
            if let text = value("fecha") {
                // CUR files write month first (`3/15/2022`), input-level execution day first; both may write ISO.
                let order: DateOrder = kind == .cur ? .monthFirst : .dayFirst
                switch order.parse(text) {
                case .none: fecha = nil
                case .date(let date): fecha = String(date.iso.prefix(10))
                case .invalid:
                    diagnose("fecha", .error, "«\(text)» no es una fecha (\(order.displayName) o AAAA-MM-DD)")
                }
            }
            var year = ejercicio
            if let text = value("ejercicio") {
                if let parsed = Int(text) {
                    year = parsed
                } else {
                    diagnose("ejercicio", .error, "«\(text)» no es un ejercicio")
                }
            } else if year == nil, let fecha {
                year = Int(fecha.prefix(4))
            }
            let structure = (
                entidad: code("entidad", width: BudgetKey.Width.entidad),
                unidadEjecutora: code("unidad_ejecutora", width: BudgetKey.Width.unidadEjecutora),
                programa: code("programa", width: BudgetKey.Width.programa),
                subprograma: code("subprograma", width: BudgetKey.Width.subprograma),
                proyecto: code("proyecto", width: BudgetKey.Width.proyecto),
                actividad: code("actividad", width: BudgetKey.Width.actividad),
                obra: code("obra", width: BudgetKey.Width.obra)
            )
            if let firstError = diagnostics.firstIndex(where: { $0.severity == .error }) {
                rejected += 1
                try emit(.rejected(diagnostics[firstError]))
                for (index, diagnostic) in diagnostics.enumerated() where index != firstError {
                    try emit(.diagnostic(diagnostic))
                }
                continue
            }
            for diagnostic in diagnostics { try emit(.diagnostic(diagnostic)) }
            if let nog { nogs.insert(nog) }
            try total += monto
            try emit(
                .record(
                    LinkEvidence(
                        kind: kind, ejercicio: year, nog: nog, npg: npg, noCur: noCur,
                        claseRegistro: value("clase_registro"),
                        entidad: structure.entidad, unidadEjecutora: structure.unidadEjecutora,
                        programa: structure.programa,
                        subprograma: structure.subprograma, proyecto: structure.proyecto,
                        actividad: structure.actividad,
                        obra: structure.obra, renglon: renglon, nit: value("nit")?.uppercased(),
                        proveedor: value("proveedor"), monto: monto, fecha: fecha,
                        sourceLine: record.line), at: RecordPosition(line: record.line)))
        }
        let fileErrors =
            rowsRead == 0
            ? [Diagnostic(file: fileName, severity: .error, message: "el archivo no tiene filas de datos")] : []
        return ImportReading(
            shape: "CSV (\(reader.dialect.encoding.displayName), \(reader.dialect.delimiterName))",
            rowsRead: rowsRead, rowsRejected: rejected,
            notes: [
                (kind == .cur ? "archivo de CUR" : "ejecución por insumo")
                    + ": \(rowsRead - rejected) vínculos de \(nogs.count) NOG, monto \(total.formatted)"
            ],
            fileErrors: fileErrors)
    }
}
