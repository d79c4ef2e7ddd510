import Domain
import Formats
import Foundation

/// Reads a manual-links file for `transparencia link --manual`: a CSV in which a person ties NOGs to products.
///
/// ```csv
/// nog,producto,subproducto,renglon,nit,participacion,monto,nota
/// 16974281,P01,,153,595055664,,,"Arrendamiento para supervisar todos los programas: lo paga Dirección y Coordinación"
/// 17471637,P02,,211,,0.7,,
/// 17471637,P05,,211,,0.3,,
/// ```
///
/// `nog` and `producto` are required; `ejercicio` is optional (else the year being linked). A row gives a
/// `participacion` (`0.7` or `70%`), a `monto`, or neither (then it is the whole purchase and the NOG's only row);
/// the rows of one NOG use the same kind. Shares that do not add up to 1 are a warning: the rest of the purchase
/// stays unlinked and the check `vinculos.participaciones` reports it. Lines starting with `#` before the header
/// are comments. Problems are diagnostics with file, line and column; a file with errors is refused whole.
public enum ManualLinksReader {
    static let aliases: [String: [String]] = [
        "ejercicio": ["ejercicio", "ano", "anio"],
        "nog": ["nog", "nog_concurso"],
        "producto": ["producto", "codigo_producto"],
        "subproducto": ["subproducto", "codigo_subproducto"],
        "renglon": ["renglon", "codigo_renglon"],
        "nit": ["nit", "nit_proveedor", "proveedor"],
        "participacion": ["participacion", "porcentaje", "proporcion"],
        "monto": ["monto", "monto_vinculado"],
        "nota": ["nota", "observacion", "observaciones", "motivo"],
    ]

    /// Reads and validates a manual-links file.
    /// - Throws: ``ImportError/invalidFile(file:diagnostics:)`` with every problem when a row has errors;
    ///   ``ImportError/missingColumns(file:kind:columns:)`` without `nog` or `producto`.
    public static func read(_ url: URL, catalog: RenglonCatalog = .bundled) throws -> ManualLinksReading {
        let fileName = url.lastPathComponent
        let digest = try FileDigest.of(url)
        let reader = try CSVReader(url: url, commentPrefix: "#")
        guard let headerRecord = try reader.next() else { throw FormatsError.empty(file: fileName) }
        let keys = headerRecord.fields.map(HeaderKey.normalize)
        var column: [String: Int] = [:]
        for (field, names) in aliases {
            if let index = names.lazy.compactMap({ keys.firstIndex(of: $0) }).first { column[field] = index }
        }
        let missing = ["nog", "producto"].filter { column[$0] == nil }
        if !missing.isEmpty {
            throw ImportError.missingColumns(file: fileName, kind: "vínculos manuales", columns: missing)
        }
        func header(_ field: String) -> String { column[field].map { headerRecord.fields[$0] } ?? field }

        var links: [ManualLink] = []
        var diagnostics: [Diagnostic] = []
        var rowsRead = 0
        var seen: [String: Int] = [:]
        while let record = try reader.next() {
            if record.isBlank { continue }
            rowsRead += 1
            func value(_ field: String) -> String? {
                guard let index = column[field], index < record.fields.count else { return nil }
                let text = record.fields[index].trimmingCharacters(in: .whitespaces)
                return text.isEmpty ? nil : text
            }
            var rowErrors = false
            func problem(_ field: String, _ message: String, _ severity: Diagnostic.Severity = .error) {
                if severity == .error { rowErrors = true }
                diagnostics.append(
                    Diagnostic(
                        file: fileName, line: record.line, field: header(field), severity: severity, message: message))
            }
            let nog = value("nog") ?? ""
            if !Procurement.isValidNOG(nog) {
                problem("nog", nog.isEmpty ? "falta el NOG" : "«\(nog)» no es un NOG (solo dígitos)")
            }
            let product = value("producto") ?? ""
            if product.isEmpty { problem("producto", "falta el código del producto de las metas") }
            var ejercicio: Int?
            if let text = value("ejercicio") {
                if let year = Int(text), (2000...2100).contains(year) {
                    ejercicio = year
                } else {
                    problem("ejercicio", "«\(text)» no es un ejercicio")
                }
            }
            var renglon: Renglon?
            if let text = value("renglon") {
                renglon = Renglon(lenient: text)
                if let renglon {
                    if !catalog.contains(renglon) {
                        problem("renglon", "el renglón \(renglon.rawValue) no figura en el catálogo incluido", .warning)
                    }
                } else {
                    problem("renglon", "«\(text)» no es un renglón: debe tener tres dígitos")
                }
            }
            var share: LinkShare?
            if let text = value("participacion") {
                share = LinkShare(parsing: text)
                if share == nil {
                    problem("participacion", "«\(text)» no es una participación entre 0 y 1 (0.6 o 60%)")
                }
            }
            var amount: Money?
            if let text = value("monto") {
                do {
                    amount = try Money(parsing: text)
                    if let parsed = amount, parsed <= .zero { problem("monto", "el monto debe ser mayor que cero") }
                } catch {
                    problem("monto", error.errorDescription ?? "«\(text)» no es un monto")
                }
            }
            if share != nil && amount != nil { problem("monto", "dé participacion o monto, no ambos") }
            let supplier = value("nit").map { NITCheckDigit.compact($0) }
            let identity = [
                String(ejercicio ?? 0), nog, product, value("subproducto") ?? "", renglon?.rawValue ?? "",
                supplier ?? "",
            ]
            .joined(separator: "|")
            if let earlier = seen[identity] {
                problem("producto", "repite la fila de la línea \(earlier) (mismo NOG, producto, renglón y proveedor)")
            }
            seen[identity] = record.line
            if rowErrors { continue }
            links.append(
                ManualLink(
                    ejercicio: ejercicio, nog: nog, productCode: product, subproductCode: value("subproducto"),
                    renglon: renglon,
                    supplierID: supplier, share: share, amount: amount, note: value("nota"), file: fileName,
                    line: record.line))
        }
        if rowsRead == 0 {
            diagnostics.append(
                Diagnostic(file: fileName, severity: .error, message: "el archivo no tiene filas de datos"))
        }
        diagnostics += consistency(links, fileName: fileName)
        if diagnostics.containsErrors { throw ImportError.invalidFile(file: fileName, diagnostics: diagnostics) }
        return ManualLinksReading(links: links, diagnostics: diagnostics, rowsRead: rowsRead, sha256: digest.sha256)
    }

    /// The rows of one NOG must agree: all shares, all amounts, or one whole row; shares should add up to 1.
    static func consistency(_ links: [ManualLink], fileName: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let groups = Dictionary(grouping: links) { "\($0.ejercicio ?? 0)|\($0.nog)" }
        for (_, rows) in groups.sorted(by: { ($0.value.first?.line ?? 0) < ($1.value.first?.line ?? 0) }) {
            guard let first = rows.first else { continue }
            let withShare = rows.filter { $0.share != nil }.count
            let withAmount = rows.filter { $0.amount != nil }.count
            let last = rows.map(\.line).max() ?? first.line
            if (withShare > 0 && withAmount > 0) || (withShare + withAmount > 0 && withShare + withAmount < rows.count)
            {
                out.append(
                    Diagnostic(
                        file: fileName, line: last, field: "participacion", severity: .error,
                        message:
                            "las filas del NOG \(first.nog) mezclan participación, monto y filas sin ninguno: use lo mismo en todas"
                    ))
            } else if withShare + withAmount == 0 && rows.count > 1 {
                out.append(
                    Diagnostic(
                        file: fileName, line: last, field: "participacion", severity: .error,
                        message:
                            "el NOG \(first.nog) tiene \(rows.count) filas sin participación ni monto: indique cómo se reparte"
                    ))
            } else if withShare == rows.count {
                let total = rows.reduce(0) { $0 + ($1.share?.billionths ?? 0) }
                if total != LinkShare.scale {
                    out.append(
                        Diagnostic(
                            file: fileName, line: last, field: "participacion",
                            severity: total > LinkShare.scale ? .error : .warning,
                            message:
                                "las participaciones del NOG \(first.nog) suman \(LinkShare(billionths: total).decimal)"
                                + (total > LinkShare.scale
                                    ? ", más que la compra entera" : "; el resto de la compra queda sin vincular")))
                }
            }
        }
        return out
    }
}
