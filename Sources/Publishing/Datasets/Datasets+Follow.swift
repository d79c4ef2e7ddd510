import Checks
import Domain
import Foundation
import Ledger

extension Datasets {
    /// Follows the scope's NOG (``DatasetScope/nog``) through the ledger.
    public func follow(_ scope: DatasetScope) throws -> NOGFollow {
        try follow(scope, cache: FollowCache())
    }

    /// Follows a NOG reusing what the cache already read: the portal follows every NOG of a year, and reading
    /// the year's metas, budget lines and checks once per NOG would cost a national year minutes.
    func follow(_ scope: DatasetScope, cache: FollowCache) throws -> NOGFollow {
        let nog = scope.nog ?? ""
        guard let procurement = try ledger.procurement(nog: nog) else {
            return NOGFollow(nog: nog, found: false, ejercicio: nil, title: "", facts: [])
        }
        let allLinks = try ledger.links(nog: nog)
        let year = scope.year ?? allLinks.map(\.ejercicio).max() ?? scope.profile.ejercicio ?? procurement.year
        let links = allLinks.filter { $0.ejercicio == year }
        var facts: [NOGFollow.Fact] = []
        func add(
            _ section: String, _ field: String, _ value: String, amount: Money? = nil, share: LinkShare? = nil,
            method: LinkMethod? = nil, reference: String? = nil
        ) {
            facts.append(
                NOGFollow.Fact(
                    section: section, field: field, value: value, amount: amount, share: share, method: method,
                    reference: reference))
        }

        let modality =
            procurement.modalityCode.flatMap { ModalityCatalog.bundled.modality(code: $0)?.name }
            ?? procurement.modalityText ?? ""
        add("proceso", "modalidad", modality)
        add("proceso", "estado", procurement.status ?? "")
        add("proceso", "publicado", procurement.publishedAt.map(ProcurementDate.dayString) ?? "")
        try add(
            "proceso", "adjudicado", procurement.awardedAt.map(ProcurementDate.dayString) ?? "",
            amount: procurement.awardedTotal)
        add(
            "proceso", "comprador",
            [procurement.buyerEntityName, procurement.buyerEntityCode.map { "(\($0))" }]
                .compactMap { $0 }.joined(separator: " "))
        add(
            "proceso", "unidad_compradora",
            [procurement.buyingUnitCode, procurement.buyingUnitName].compactMap { $0 }.joined(separator: " "))
        for award in procurement.awards {
            add(
                "adjudicacion", award.supplier.identifier, award.supplier.displayName, amount: award.amount,
                reference: [
                    award.isActive ? "activa" : (award.status ?? "inactiva"), award.date.map(ProcurementDate.dayString),
                ]
                .compactMap { $0 }.joined(separator: " · "))
        }
        if procurement.awards.isEmpty { add("adjudicacion", "", "sin adjudicaciones") }

        if let year {
            for row in try ledger.storedLinkEvidence(ejercicio: year, nog: nog) {
                let evidence = row.evidence
                let codes = [
                    evidence.entidad.map { [$0, evidence.unidadEjecutora].compactMap { $0 }.joined(separator: "-") },
                    [evidence.programa, evidence.subprograma, evidence.proyecto, evidence.actividad, evidence.obra]
                        .map { $0 ?? "*" }.joined(separator: "-"),
                    evidence.renglon.map { "renglón \($0.rawValue)" },
                ].compactMap { $0 }.joined(separator: " · ")
                add(
                    "presupuesto", codes, evidence.nit.map { "NIT \($0)" } ?? "", amount: evidence.monto,
                    reference: "\(row.fileName):\(evidence.sourceLine)" + (evidence.fecha.map { " (\($0))" } ?? ""))
            }
        }

        let catalog = try year.map { try cache.catalog(ejercicio: $0, ledger: ledger) } ?? FollowCache.Catalog()
        let products = catalog.products
        let subproducts = catalog.subproducts
        for link in links {
            let product = products[link.productCode]
            var field = link.productCode
            var value = product?.name ?? ""
            if let sub = link.subproductCode {
                field += " / \(sub)"
                value += subproducts[sub].map { " — \($0.name)" } ?? ""
            }
            if let product { value += " — \(product.directorate.code) \(product.directorate.name)" }
            if let renglon = link.renglon { value += " — renglón \(renglon.rawValue)" }
            add(
                "producto", field, value, amount: link.amount, share: link.share, method: link.method,
                reference: link.provenance.label + (link.note.map { " — \($0)" } ?? ""))
        }
        let linkedProducts = Array(Set(links.map(\.productCode))).sorted().compactMap { products[$0] }
        for product in linkedProducts {
            add(
                "meta", product.code,
                "meta física \(product.meta.formatted) · presupuesto vigente \(product.presupuestoVigente.formatted) · "
                    + product.structure.label,
                amount: product.presupuestoVigente)
        }
        if let year, !linkedProducts.isEmpty {
            for product in linkedProducts {
                let byStructure = try cache.amountsByStructure(
                    ejercicio: year, entidad: product.structure.entidad, ledger: ledger)
                let amounts = byStructure[product.structure] ?? .zero
                let percent = amounts.porcentajeEjecucion.map { " (\($0.fixed(decimals: 2)) %)" } ?? ""
                add(
                    "ejecucion", product.code,
                    "vigente \(amounts.vigente.formatted) · devengado \(amounts.devengado.formatted)\(percent) · "
                        + "pagado \(amounts.pagado.formatted)",
                    amount: amounts.devengado)
            }
        }
        if links.isEmpty {
            if let year, let unlinked = try ledger.unlinkedProcurements(ejercicio: year, nog: nog).first {
                add(
                    "sin_vincular", unlinked.reason.rawValue, unlinked.reason.label,
                    reference: unlinked.detail.isEmpty ? nil : unlinked.detail)
            } else {
                add(
                    "sin_vincular", "sin_vinculacion",
                    "la compra no se ha vinculado\(year.map { " en \($0)" } ?? ""); "
                        + "use `transparencia link`")
            }
        }

        var checkScope = scope
        checkScope.year = year
        for result in try cache.checkResults(year: year, run: { try checkResults(checkScope) }) {
            for finding in result.findings where finding.rows.contains(.nog(nog)) {
                add("verificacion", result.id, finding.message, reference: finding.severity.label)
            }
        }
        if !facts.contains(where: { $0.section == "verificacion" }) {
            add("verificacion", "", "ninguna verificación señala este NOG")
        }
        let title = "NOG \(nog) — \(procurement.title)"
        return NOGFollow(nog: nog, found: true, ejercicio: year, title: title, facts: facts)
    }
}
