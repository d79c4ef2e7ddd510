import Domain
import Formats
import Foundation

/// Reads a NOG detail page saved from guatecompras.gt (any of the three markup generations, any encoding
/// a browser saves in) into a ``Procurement`` with libxml2's HTML parser.
///
/// Fields are found by their label text (`NOG:`, `Descripción:`, …), not by position. Awarded suppliers come
/// only from the award section; bidders are never read as suppliers, and a page saved without the award tab
/// leaves the suppliers unknown (``NOGPageImport/awardsKnown`` false) rather than empty.
public struct NOGPageImporter: Sendable {
    /// The modality catalog that turns the Modalidad text into codes.
    public let catalog: ModalityCatalog
    /// Size and nesting limits for pages.
    public let limits: HTMLDocument.Limits

    /// An importer with this catalog and these limits.
    public init(catalog: ModalityCatalog = .bundled, limits: HTMLDocument.Limits = HTMLDocument.Limits()) {
        self.catalog = catalog
        self.limits = limits
    }

    /// Reads one saved page.
    /// - Throws: ``FormatsError`` for unreadable, binary, oversized or pathologically nested files;
    ///   ``ImportError/wrongKind(file:expected:detail:)`` for pages that are not NOG detail pages;
    ///   ``ImportError/invalidFile(file:diagnostics:)`` for a NOG page with unreadable values.
    public func read(_ url: URL) throws -> NOGPageImport {
        let file = url.lastPathComponent
        let data: Data
        do {
            let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
            guard size <= limits.maxBytes else {
                throw FormatsError.htmlUnreadable(
                    file: file, line: nil, detail: "pesa \(size) bytes; el límite es \(limits.maxBytes)")
            }
            data = try Data(contentsOf: url)
        } catch let error as FormatsError {
            throw error
        } catch {
            throw FormatsError.unreadable(file: file, cause: SystemErrorText.describe(error))
        }
        return try read(data, file: file)
    }

    /// Reads a page from memory (`file` names it in messages).
    public func read(_ data: Data, file: String) throws -> NOGPageImport {
        let head = String(decoding: data.prefix(64), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if head.hasPrefix("1|#||") {
            throw ImportError.wrongKind(
                file: file, expected: "página de NOG de Guatecompras",
                detail:
                    "es una respuesta parcial MS-AJAX de una pestaña, no la página; guarde la página completa desde el navegador"
            )
        }
        return try HTMLDocument.withDocument(data, file: file, limits: limits) { page in
            try parse(page, file: file)
        }
    }

    private func parse(_ page: HTMLDocument, file: String) throws -> NOGPageImport {
        let fields = try NOGPageFields(page)
        guard let nogValue = fields["nog"], let generation = fields.generation else {
            throw ImportError.wrongKind(
                file: file, expected: "página de detalle de NOG de Guatecompras",
                detail: try notANOGPageReason(page))
        }
        let nog = nogValue.text.filter { !$0.isWhitespace }
        guard Procurement.isValidNOG(nog) else {
            throw ImportError.wrongKind(
                file: file, expected: "página de detalle de NOG de Guatecompras",
                detail: "la etiqueta «NOG:» (línea \(nogValue.node.line)) no contiene un número sino «\(nogValue.text)»"
            )
        }
        var diagnostics: [Diagnostic] = []
        func text(_ key: String) -> String? {
            guard let value = fields[key]?.text, !value.isEmpty, !NOGPlaceholder.isPlaceholder(value) else {
                return nil
            }
            return value
        }
        func date(_ key: String, label: String) -> Date? {
            guard let value = fields[key] else { return nil }
            switch SpanishDate.parse(value.text) {
            case .date(let date): return date
            case .absent: return nil
            case .invalid:
                diagnostics.append(
                    Diagnostic(
                        file: file, line: value.node.line, field: label,
                        message: "«\(value.text)» no es una fecha reconocible"))
                return nil
            }
        }
        let status = text("estatus")
        let published = date("fecha de publicacion", label: "Fecha de publicación")
        let tenderEnd = date(
            "fecha de cierre de recepcion de ofertas", label: "Fecha de cierre de recepción de ofertas")
        let finished =
            date("fecha de adjudicacion", label: "Fecha de adjudicación")
            ?? date("fecha de finalizacion", label: "Fecha de finalización")
        // "Fecha de finalización" is the award date only for awarded processes (not for desierto/anulado).
        let awardedAt =
            status.map { $0.lowercased().contains("adjudicado") && !$0.lowercased().contains("no adjudicado") } == true
            ? finished : nil
        let modalityText = text("modalidad")
        let modalityCode = modalityText.flatMap { catalog.modality(matching: $0)?.code }
        if let modalityText, modalityCode == nil {
            diagnostics.append(
                Diagnostic(
                    file: file, line: fields["modalidad"]?.node.line, field: "Modalidad", severity: .warning,
                    message: "la modalidad «\(modalityText)» no está en el catálogo; se guarda el texto sin código"))
        }
        let awardSection = try NOGPageAwards(page)
        var awards: [Award] = []
        if let lines = awardSection.lines {
            for line in lines {
                guard let award = award(from: line, date: awardedAt, file: file, diagnostics: &diagnostics) else {
                    continue
                }
                if let index = awards.firstIndex(where: { $0.supplier == award.supplier }) {
                    do {
                        awards[index].amount = try awards[index].amount.flatMap { old in
                            try award.amount.map { try old + $0 }
                        }
                    } catch {
                        diagnostics.append(
                            Diagnostic(
                                file: file, line: line.line, field: "Monto",
                                message: (error as? any LocalizedError)?.errorDescription
                                    ?? "los montos exceden el máximo"))
                    }
                } else {
                    awards.append(award)
                }
            }
        } else {
            diagnostics.append(
                Diagnostic(
                    file: file, severity: .warning,
                    message:
                        "la página no incluye la sección de adjudicaciones: proveedores desconocidos (se conservan los ya registrados)"
                ))
        }
        var bids: [ProcurementBid] = []
        for bidder in awardSection.bidders {
            // A bid's amount is informative: one that cannot be read is left unknown rather than refusing the page.
            let offered = (try? amount(bidder.amountText)).flatMap { $0 }.flatMap { $0 < .zero ? nil : $0 }
            bids.append(ProcurementBid(tenderer: supplier(nit: bidder.nit, name: bidder.name), amount: offered))
        }
        let procurement = Procurement(
            nog: nog, title: text("descripcion") ?? "", buyerEntityName: text("entidad"),
            buyingUnitCode: unitCode(fields["unidad compradora"]?.node), buyingUnitName: text("unidad compradora"),
            modalityCode: modalityCode, modalityText: modalityText, status: status, publishedAt: published,
            tenderEndAt: tenderEnd, awardedAt: awardedAt, bids: bids, awards: awards)
        if page.ignoredBytes > 0 {
            diagnostics.append(
                Diagnostic(
                    file: file, severity: .info,
                    message:
                        "\(page.ignoredBytes) byte(s) que no son \(page.encoding) dentro de comentarios HTML se ignoraron"
                ))
        }
        if diagnostics.containsErrors { throw ImportError.invalidFile(file: file, diagnostics: diagnostics) }
        return NOGPageImport(
            fileName: file, procurement: procurement, generation: generation, encoding: page.encoding,
            awardsKnown: awardSection.lines != nil, bidderCount: bids.count, diagnostics: diagnostics)
    }

    private func award(from line: NOGPageAwards.Line, date: Date?, file: String, diagnostics: inout [Diagnostic])
        -> Award?
    {
        let amountText = line.amountText
        var parsed: Money?
        do {
            parsed = try amount(amountText)
        } catch {
            diagnostics.append(
                Diagnostic(
                    file: file, line: line.line, field: "Monto",
                    message: error.errorDescription ?? "«\(amountText)» no es un monto válido"
                ))
            return nil
        }
        if let parsed, parsed < .zero {
            diagnostics.append(
                Diagnostic(
                    file: file, line: line.line, field: "Monto",
                    message: "el monto adjudicado \(parsed.formatted) es negativo; una adjudicación no puede serlo"))
            return nil
        }
        return Award(supplier: supplier(nit: line.nit, name: line.name), amount: parsed, date: date)
    }

    private func supplier(nit raw: String, name: String) -> Supplier {
        ComprasSupplier.make(nit: raw, name: name)
    }

    /// The amount in a cell; nil when the cell is empty or a placeholder.
    /// - Throws: ``MoneyParseError`` when the cell holds something that is not an amount.
    private func amount(_ text: String) throws(MoneyParseError) -> Money? {
        let cleaned = text.replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: " ", with: "")
        guard !cleaned.isEmpty, !NOGPlaceholder.isPlaceholder(cleaned) else { return nil }
        return try Money(parsing: cleaned)
    }

    /// `436-2` from the unit link `consultaDetUni.aspx?iEnt=436&iUnt2=2…` (the `GT-GCUC-436-2` id of OCDS).
    private func unitCode(_ node: HTMLNode?) -> String? {
        guard let node else { return nil }
        var links = node.name == "a" ? [node] : []
        var stack = node.elementChildren
        while let next = stack.popLast() {
            if next.name == "a" { links.append(next) }
            stack += next.elementChildren
        }
        for link in links {
            guard let href = link.attribute("href"),
                let components = URLComponents(string: href.replacingOccurrences(of: "&amp;", with: "&")),
                let items = components.queryItems
            else { continue }
            let entity = items.first { $0.name.lowercased() == "ient" }?.value
            let unit = items.first { $0.name.lowercased() == "iunt2" }?.value
            if let entity, let unit, Procurement.isValidNOG(entity), Procurement.isValidNOG(unit) {
                return "\(entity)-\(unit)"
            }
        }
        return nil
    }

    /// Why a parsed page is not a NOG detail page, in words a user can act on.
    private func notANOGPageReason(_ page: HTMLDocument) throws -> String {
        let title = try page.first("//title")?.text ?? ""
        if title.lowercased().contains("just a moment") || title.lowercased().contains("un momento") {
            return "es una página de verificación anti-robots («\(title)»), no el detalle del concurso"
        }
        if let error = try page.first("//*[@id='MasterGC_ContentBlockHolder_lblError']"), !error.text.isEmpty {
            return "es una página de error de Guatecompras: «\(error.text)»"
        }
        return "no tiene la etiqueta «NOG:» con su número" + (title.isEmpty ? "" : " (título: «\(title)»)")
    }
}
