import Domain
import Foundation

/// Turns one (compiled) OCDS release into a ``Procurement``, following Guatecompras' conventions
/// (see `FORMATS.md`): NOG from the ocid or `tender.id`, buyer entity and unit from the `GT-CISP`/`GT-GCUC`
/// parties, modality from `procurementMethodDetails` against the catalog, status from `statusDetails`,
/// `0001-01-01` dates as absent, bid amounts of `0.0` as "not given".
struct OCDSProcurementMapper {
    /// The result of mapping one release.
    struct Mapping {
        /// Nil when the release cannot be a procurement (no NOG): then `diagnostics` holds the error.
        var procurement: Procurement?
        var diagnostics: [Diagnostic] = []
        /// Values the mapper repaired (placeholder dates, 0.0 bids, HTML in text), with their fields.
        var repairs: [ValueRepair] = []
    }

    let catalog: ModalityCatalog

    func map(_ release: OCDSRelease, releaseIDs: [String], at location: OCDSLocation, fieldPrefix: String) -> Mapping {
        var mapping = Mapping()
        func note(_ severity: Diagnostic.Severity, _ field: String, _ message: String) {
            mapping.diagnostics.append(location.diagnostic(severity, field: fieldPrefix + field, message))
        }
        func repaired(_ field: String, _ original: String, _ stored: String) {
            mapping.repairs.append(
                ValueRepair(
                    line: location.line, field: location.path + "." + fieldPrefix + field, original: original,
                    repaired: stored))
        }
        func date(_ text: String?, _ field: String) -> Date? {
            guard let text else { return nil }
            switch ProcurementDate.parse(text) {
            case .date(let date): return date
            case .absent:
                if !text.trimmingCharacters(in: .whitespaces).isEmpty { repaired(field, text, "(sin fecha)") }
                return nil
            case .invalid:
                note(.warning, field, "fecha «\(text)» no reconocida; se deja vacía")
                return nil
            }
        }
        func money(_ value: OCDSValue?, _ field: String, zeroMeansMissing: Bool) -> Money? {
            guard let value, let amount = value.amount else { return nil }
            if let currency = value.currency, !currency.isEmpty, currency.uppercased() != "GTQ" {
                note(.warning, field, "monto en «\(currency)», no en quetzales (GTQ); se deja sin monto")
                return nil
            }
            if zeroMeansMissing && amount == 0 {
                repaired(field, "0.0", "(sin monto)")
                return nil
            }
            do {
                // JSON numbers went through binary floats in the publisher's system: only their noise is rounded.
                let parsed = try Money.parse("\(amount)", extraDecimals: .roundFloatNoise)
                guard parsed.amount >= .zero else {
                    note(
                        .error, field,
                        "el monto \(parsed.amount.formatted) es negativo; un monto de OCDS no puede serlo")
                    return nil
                }
                if parsed.roundedFloatNoise { repaired(field, "\(amount)", parsed.amount.plainText) }
                return parsed.amount
            } catch {
                note(.error, field, error.errorDescription ?? "monto «\(amount)» inválido")
                return nil
            }
        }
        func text(_ value: String?, _ field: String) -> String? {
            guard let value else { return nil }
            let (clean, changed) = PlainText.clean(value)
            if changed { repaired(field, value, clean) }
            return clean.isEmpty ? nil : clean
        }

        let tender = release.tender
        let ocidNOG = release.ocid.flatMap(Procurement.nog(fromIdentifier:))
        let tenderNOG = tender?.id.flatMap(Procurement.nog(fromIdentifier:))
        guard let nog = ocidNOG ?? tenderNOG, Procurement.isValidNOG(nog) else {
            note(
                .error, "ocid",
                "no se encontró el NOG: el ocid «\(release.ocid ?? "")» y tender.id «\(tender?.id ?? "")» no tienen la forma ocds-xqjsxa-<NOG> ni GT-NOG-<NOG>"
            )
            return mapping
        }
        if let ocidNOG, let tenderNOG, ocidNOG != tenderNOG {
            note(
                .warning, "tender.id",
                "tender.id indica el NOG \(tenderNOG) pero el ocid indica \(ocidNOG); se usa \(ocidNOG)")
        }

        let parties = (release.parties ?? []).enumerated().compactMap { index, party -> Party? in
            let scheme = party.identifier?.scheme.flatMap(PartyScheme.init(rawValue:))
            guard let id = party.id ?? party.identifier.map({ "\($0.scheme ?? "")-\($0.id ?? "")" }) else { return nil }
            return Party(
                id: id, scheme: scheme, identifier: party.identifier?.id,
                name: text(party.name, "parties[\(index)].name") ?? "",
                roles: party.roles ?? [], memberOf: party.memberOf?.first?.id)
        }
        let entity = parties.first { $0.scheme == .cisp && $0.memberOf == nil }
        let unit = parties.first { $0.scheme == .gcuc }
        if parties.isEmpty {
            note(.info, "parties", "el registro no tiene partes; la entidad se toma de buyer")
        }

        let modalityText = tender?.procurementMethodDetails
        var modalityCode: String?
        if let modalityText, !modalityText.isEmpty {
            modalityCode = catalog.modality(matching: modalityText)?.code
            if modalityCode == nil {
                note(
                    .warning, "tender.procurementMethodDetails",
                    "modalidad «\(modalityText)» no está en el catálogo de modalidades")
            }
        }

        let items = (tender?.items ?? []).enumerated().map { index, item in
            ProcurementItem(
                id: item.id, description: text(item.description, "tender.items[\(index)].description") ?? "",
                classificationScheme: item.classification?.scheme,
                classificationID: item.classification?.id, quantity: item.quantity, unitName: item.unit?.name)
        }
        let bids = (release.bids?.details ?? []).enumerated().map { index, bid in
            let tenderer = bid.tenderers?.first
            return ProcurementBid(
                id: bid.id,
                tenderer: Supplier(
                    partyID: tenderer?.id ?? "",
                    name: text(tenderer?.name, "bids.details[\(index)].tenderers[0].name") ?? ""),
                amount: money(bid.value, "bids.details[\(index)].value", zeroMeansMissing: true), status: bid.status,
                date: date(bid.date, "bids.details[\(index)].date"))
        }
        var awards: [Award] = []
        for (index, award) in (release.awards ?? []).enumerated() {
            let field = "awards[\(index)]"
            let suppliers = award.suppliers ?? []
            if suppliers.isEmpty { note(.warning, field + ".suppliers", "adjudicación sin proveedor") }
            let amount = money(award.value, field + ".value", zeroMeansMissing: true)
            if suppliers.count > 1 {
                note(
                    .warning, field + ".suppliers",
                    "adjudicación con \(suppliers.count) proveedores; el monto se asigna al primero")
            }
            for (position, supplier) in suppliers.enumerated() {
                awards.append(
                    Award(
                        id: award.id,
                        supplier: Supplier(
                            partyID: supplier.id ?? "",
                            name: text(supplier.name, field + ".suppliers[\(position)].name") ?? ""),
                        amount: position == 0 ? amount : nil, status: award.status, statusDetails: award.statusDetails,
                        date: date(award.date, field + ".date")))
            }
        }
        let contracts = (release.contracts ?? []).enumerated().map { index, contract in
            let field = "contracts[\(index)]"
            return Contract(
                id: contract.id, awardID: contract.awardID, contractNumber: contract.contractNumber,
                title: text(contract.title, field + ".title"), status: contract.status,
                statusDetails: contract.statusDetails,
                dateSigned: date(contract.dateSigned, field + ".dateSigned"),
                amount: money(contract.value, field + ".value", zeroMeansMissing: false),
                periodStart: date(contract.period?.startDate, field + ".period.startDate"),
                periodEnd: date(contract.period?.endDate, field + ".period.endDate"))
        }

        let title = text(tender?.title, "tender.title") ?? text(tender?.description, "tender.description") ?? ""
        if title.isEmpty { note(.warning, "tender.title", "el proceso no tiene título ni descripción") }
        mapping.procurement = Procurement(
            nog: nog, ocid: release.ocid ?? Procurement.ocid(forNOG: nog), title: title,
            description: tender?.title == nil ? nil : text(tender?.description, "tender.description"),
            buyerEntityCode: entity?.identifier,
            buyerEntityName: entity?.name ?? text(release.buyer?.name, "buyer.name"),
            buyingUnitCode: unit?.identifier, buyingUnitName: unit?.name,
            modalityCode: modalityCode, modalityText: modalityText, status: tender?.statusDetails,
            ocdsStatus: tender?.status, category: tender?.mainProcurementCategory,
            publishedAt: date(tender?.datePublished ?? tender?.tenderPeriod?.startDate, "tender.datePublished"),
            tenderEndAt: date(tender?.tenderPeriod?.endDate, "tender.tenderPeriod.endDate"),
            awardedAt: awards.compactMap(\.date).min(), lastUpdatedAt: date(release.date, "date"), items: items,
            parties: parties, bids: bids, awards: awards, contracts: contracts, releaseIDs: releaseIDs)
        return mapping
    }
}
