import Domain
import Foundation

/// One stored process as an OCDS 1.1 record: linked releases and a compiled release, with Guatecompras'
/// conventions (ocid `ocds-xqjsxa-<NOG>`, tender id `GT-NOG-<NOG>`, compiled release id `<ocid>-<date>`, parties
/// `GT-CISP-…`, `GT-GCUC-…`, `GT-NIT-…`, `GT-GCID-…`, award ids `GT-ADJ-<NOG>-<supplier>`), and the budget lines
/// the NOG was paid from (input-level execution, CUR) in the core `planning.budget`.
///
/// Core fields are used wherever OCDS 1.1 has one; the few Guatecompras writes from its extensions
/// (`statusDetails`, `tender.datePublished`, `contractNumber`, `memberOf`) are written the same way so the file
/// reads back into the same rows, and are listed by validators as additional fields. Bids and bidders are left
/// out: bidders may be natural persons, and only awards say who was contracted.
struct OCDSRecordBuilder {
    /// Checks every text and every natural person's name before it goes out.
    let privacy: PrivacyGuard
    /// The export's time, for a process that has no date of its own.
    let created: Date

    /// The closed codelists of OCDS 1.1: a value outside them is left out rather than published invalid.
    private static let tenderStatus: Set = [
        "planning", "planned", "active", "cancelled", "unsuccessful", "complete", "withdrawn",
    ]
    private static let awardStatus: Set = ["pending", "active", "cancelled", "unsuccessful"]
    private static let contractStatus: Set = ["pending", "active", "cancelled", "terminated"]
    private static let categories: Set = ["goods", "works", "services"]

    /// A record and, on its own, its compiled release.
    struct Built {
        var record: OrderedJSON
        var compiledRelease: OrderedJSON
    }

    func record(_ procurement: Procurement, evidence: [LinkEvidence]) throws -> Built {
        let nog = procurement.nog
        let ocid = procurement.ocid ?? Procurement.ocid(forNOG: nog)
        let date = procurement.lastUpdatedAt ?? procurement.awardedAt ?? procurement.publishedAt ?? created
        let releases: [OrderedJSON] =
            procurement.releaseIDs.isEmpty
            ? [.object([("url", .string(GuatecomprasReleaseID.latestURL(nog: nog))), ("date", iso(date))])]
            : procurement.releaseIDs.map { id in
                .object([
                    ("url", .string(GuatecomprasReleaseID.url(of: id))),
                    ("date", iso(GuatecomprasReleaseID.date(of: id) ?? date)),
                ])
            }
        let (parties, buyer) = self.parties(procurement)
        let compiled: OrderedJSON = .compact([
            ("ocid", .string(ocid)),
            ("id", .string("\(ocid)-\(ProcurementDate.isoString(date))")),
            ("date", iso(date)),
            ("language", .string("es")),
            ("tag", .array([.string("compiled")])),
            ("initiationType", .string("tender")),
            ("parties", .array(parties)),
            ("buyer", buyer),
            ("planning", try budget(evidence).map { .object([("budget", $0)]) } ?? .null),
            ("tender", tender(procurement, buyer: buyer)),
            ("awards", .array(awards(procurement))),
            ("contracts", .array(contracts(procurement))),
        ])
        return Built(
            record: .object([("ocid", .string(ocid)), ("releases", .array(releases)), ("compiledRelease", compiled)]),
            compiledRelease: compiled)
    }

    // MARK: - Parts

    private func parties(_ procurement: Procurement) -> (parties: [OrderedJSON], buyer: OrderedJSON) {
        var parties: [OrderedJSON] = []
        var buyer: OrderedJSON = .null
        let entityID = procurement.buyerEntityCode.map { PartyScheme.cisp.partyID($0) }
        if let code = procurement.buyerEntityCode {
            parties.append(
                .compact([
                    ("id", .optional(entityID)), ("name", .optional(text(procurement.buyerEntityName, "parties.name"))),
                    ("identifier", .object([("scheme", .string(PartyScheme.cisp.rawValue)), ("id", .string(code))])),
                    ("roles", .array([.string("buyer")])),
                ]))
        }
        if let name = procurement.buyerEntityName {
            buyer = .compact([("id", .optional(entityID)), ("name", .optional(text(name, "buyer.name")))])
        }
        if let unit = procurement.buyingUnitCode {
            let memberOf: OrderedJSON =
                entityID.map { id in
                    .array([.compact([("id", .string(id)), ("name", .optional(procurement.buyerEntityName))])])
                } ?? .null
            parties.append(
                .compact([
                    ("id", .string(PartyScheme.gcuc.partyID(unit))),
                    ("name", .optional(text(procurement.buyingUnitName, "parties.name"))),
                    ("identifier", .object([("scheme", .string(PartyScheme.gcuc.rawValue)), ("id", .string(unit))])),
                    ("roles", .array([.string("buyer")])),
                    ("memberOf", memberOf),
                ]))
        }
        var seen = Set<String>()
        for award in procurement.awards {
            let supplier = award.supplier
            guard supplier.hasIdentifier, seen.insert(supplier.partyID).inserted else { continue }
            parties.append(
                .compact([
                    ("id", .string(guardedSupplier(supplier, supplier.partyID))),
                    ("name", .string(guardedSupplier(supplier, supplier.name))),
                    (
                        "identifier",
                        supplier.scheme.map { scheme in
                            .object([
                                ("scheme", .string(scheme.rawValue)),
                                ("id", .string(guardedSupplier(supplier, supplier.identifier))),
                            ])
                        } ?? .null
                    ),
                    ("roles", .array([.string("supplier")])),
                ]))
        }
        return (parties, buyer)
    }

    private func tender(_ procurement: Procurement, buyer: OrderedJSON) -> OrderedJSON {
        let modality =
            procurement.modalityText
            ?? procurement.modalityCode.flatMap { ModalityCatalog.bundled.modality(code: $0)?.name }
        let period: OrderedJSON = .compact([
            ("startDate", procurement.publishedAt.map(iso) ?? .null),
            ("endDate", procurement.tenderEndAt.map(iso) ?? .null),
        ])
        return .compact([
            ("id", .string("GT-NOG-" + procurement.nog)),
            ("title", .optional(text(procurement.title, "tender.title"))),
            ("description", .optional(text(procurement.description, "tender.description"))),
            ("status", .optional(procurement.ocdsStatus.flatMap { Self.tenderStatus.contains($0) ? $0 : nil })),
            ("statusDetails", .optional(procurement.status)),
            ("procurementMethod", .string("open")),
            ("procurementMethodDetails", .optional(modality)),
            (
                "mainProcurementCategory",
                .optional(procurement.category.flatMap { Self.categories.contains($0) ? $0 : nil })
            ),
            ("datePublished", procurement.publishedAt.map(iso) ?? .null),
            ("tenderPeriod", period),
            ("items", .array(procurement.items.enumerated().map { index, entry in item(entry, index: index) })),
            ("procuringEntity", buyer),
        ])
    }

    private func item(_ item: ProcurementItem, index: Int) -> OrderedJSON {
        let classification: OrderedJSON =
            item.classificationID.map { id in
                .compact([("scheme", .optional(item.classificationScheme)), ("id", .string(id))])
            } ?? .null
        return .compact([
            ("id", .string(item.id ?? String(index + 1))),
            ("description", .optional(text(item.description, "tender.items.description"))),
            ("classification", classification),
            ("quantity", item.quantity.map { .number("\($0)") } ?? .null),
            ("unit", item.unitName.map { .object([("name", .string($0))]) } ?? .null),
        ])
    }

    /// Awards by id: Guatecompras gives one per supplier; an id shared by several suppliers (an award the import
    /// split) becomes one award again, since OCDS ids are unique within a release.
    private func awards(_ procurement: Procurement) -> [OrderedJSON] {
        var order: [String] = []
        var byID: [String: [Award]] = [:]
        for (index, award) in procurement.awards.enumerated() {
            let supplier = award.supplier
            let id =
                award.id ?? "GT-ADJ-\(procurement.nog)-"
                + (supplier.hasIdentifier ? supplier.identifier : String(index + 1))
            if byID[id] == nil { order.append(id) }
            byID[id, default: []].append(award)
        }
        return order.map { id in
            let awards = byID[id] ?? []
            let first = awards.first
            let guardedID = awards.contains { $0.supplier.isNaturalPerson } ? guardedSupplier(first?.supplier, id) : id
            return .compact([
                ("id", .string(guardedID)),
                ("status", .optional(first?.status.flatMap { Self.awardStatus.contains($0) ? $0 : nil })),
                ("statusDetails", .optional(first?.statusDetails)),
                ("date", first?.date.map(iso) ?? .null),
                ("value", awards.compactMap(\.amount).first.map(value) ?? .null),
                (
                    "suppliers",
                    .array(
                        awards.map { award in
                            let supplier = award.supplier
                            return .compact([
                                (
                                    "id",
                                    supplier.hasIdentifier
                                        ? .string(guardedSupplier(supplier, supplier.partyID)) : .null
                                ),
                                ("name", .string(guardedSupplier(supplier, supplier.name))),
                            ])
                        })
                ),
            ])
        }
    }

    private func contracts(_ procurement: Procurement) -> [OrderedJSON] {
        let firstAward = procurement.awards.first.map { award in
            award.id ?? "GT-ADJ-\(procurement.nog)-" + (award.supplier.hasIdentifier ? award.supplier.identifier : "1")
        }
        return procurement.contracts.enumerated().compactMap { index, contract in
            // OCDS requires every contract to name its award.
            guard let awardID = contract.awardID ?? firstAward else { return nil }
            let period: OrderedJSON = .compact([
                ("startDate", contract.periodStart.map(iso) ?? .null),
                ("endDate", contract.periodEnd.map(iso) ?? .null),
            ])
            return .compact([
                ("id", .string(contract.id ?? "NOG-\(procurement.nog)-CON-\(index + 1)")),
                ("awardID", .string(awardID)),
                ("title", .optional(text(contract.title, "contracts.title"))),
                ("status", .optional(contract.status.flatMap { Self.contractStatus.contains($0) ? $0 : nil })),
                ("statusDetails", .optional(contract.statusDetails)),
                ("contractNumber", .optional(contract.contractNumber)),
                ("dateSigned", contract.dateSigned.map(iso) ?? .null),
                ("period", period),
                ("value", contract.amount.map(value) ?? .null),
            ])
        }
    }

    /// The budget lines the NOG was paid from, in the core `planning.budget`: one line's key as its id, or
    /// every line's key when there are several, with the amount each one paid.
    private func budget(_ evidence: [LinkEvidence]) throws -> OrderedJSON? {
        var order: [String] = []
        var amounts: [String: Money] = [:]
        var structures: [String: String] = [:]
        for row in evidence {
            let structure = [row.programa, row.subprograma, row.proyecto, row.actividad, row.obra].compactMap { $0 }
                .joined(separator: "-")
            let id =
                ([row.ejercicio.map(String.init), row.entidad, row.unidadEjecutora].compactMap { $0 } + [structure]
                + [row.renglon?.rawValue].compactMap { $0 }).joined(separator: "-")
            if amounts[id] == nil { order.append(id) }
            try amounts[id, default: .zero] += row.monto
            structures[id] = structure
        }
        guard !order.isEmpty else { return nil }
        let description = order.map { id in "\(id): \(amounts[id]?.formatted ?? "")" }.joined(separator: "; ")
        return .compact([
            ("id", .string(order.joined(separator: "; "))),
            (
                "description",
                .string(
                    "Líneas presupuestarias (ejercicio-entidad-unidad-programa-subprograma-proyecto-"
                        + "actividad-obra-renglón) que pagaron el NOG según la ejecución por insumo o los CUR: \(description)"
                )
            ),
            ("amount", value(try Money.sum(order.compactMap { amounts[$0] }))),
            ("projectID", order.count == 1 ? .optional(structures[order[0]]) : .null),
        ])
    }

    // MARK: - Values

    private func iso(_ date: Date) -> OrderedJSON { .string(ProcurementDate.isoString(date)) }

    private func value(_ money: Money) -> OrderedJSON {
        .object([("amount", .number(money.plainText)), ("currency", .string("GTQ"))])
    }

    /// Free text on its way out, checked by the privacy guard.
    private func text(_ value: String?, _ field: String) -> String? {
        guard let value, !value.isEmpty else { return nil }
        privacy.check(.text(value), table: "ocds", column: field, row: nil)
        return value
    }

    /// A supplier's name or id on its way out: a natural person's is checked by the privacy guard (column
    /// `ocds.proveedor`).
    private func guardedSupplier(_ supplier: Supplier?, _ value: String) -> String {
        guard let supplier, !value.isEmpty else { return value }
        privacy.check(
            supplier.isNaturalPerson ? .person(value) : .text(value), table: "ocds", column: "proveedor", row: nil)
        return value
    }
}
