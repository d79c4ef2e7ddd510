import Domain
import Foundation

/// Gives every purchase one buying-unit key, whatever its source said about the unit:
///
/// - a Guatecompras unit code (`436-2`) when the source has it (OCDS, NOG pages);
/// - for flat exports, which name the entity and unit but give no code, the code that other NOGs with the same
///   two names carry, when exactly one does; else the names themselves;
/// - for NPG purchases from execution, which name SICOIN's entidad and unidad ejecutora, the buying unit whose
///   NOGs that executing unit pays most often (`link_evidence` rows tie both); else `UE entidad-unidad`.
struct UnitResolver: Sendable {
    private let codeByNames: [String: String]
    private let codeByExecutingUnit: [String: (code: String, name: String?)]
    private let nameByCode: [String: String]

    /// Normalized names already computed (a national year repeats a few thousand unit and entity names).
    private let normalized: [String: String]

    init(purchases: [FlagPurchase], links: [FlagUnitLink]) {
        var candidates: [String: Set<String>] = [:]
        var names: [String: String] = [:]
        var normalized: [String: String] = [:]
        func normalize(_ text: String) -> String {
            if let known = normalized[text] { return known }
            let key = ModalityCatalog.normalize(text)
            normalized[text] = key
            return key
        }
        // Purchases are read by index: copying each one out of the array would retain all of its fields.
        for index in purchases.indices where purchases[index].kind == .nog {
            let code = purchases[index].unitCode
            if let code, names[code] == nil, let name = purchases[index].unitName { names[code] = name }
            guard let entity = purchases[index].entityName, let unit = purchases[index].unitName else { continue }
            let key = normalize(entity) + "|" + normalize(unit)
            if let code { candidates[key, default: []].insert(code) }
        }
        self.normalized = normalized
        codeByNames = candidates.compactMapValues { $0.count == 1 ? $0.first : nil }
        var best: [String: FlagUnitLink] = [:]
        for link in links {
            let key = link.sicoinEntidad + "-" + link.sicoinUnidadEjecutora
            if let current = best[key],
                current.rows > link.rows || (current.rows == link.rows && current.unitCode < link.unitCode)
            {
                continue
            }
            best[key] = link
        }
        codeByExecutingUnit = best.mapValues { ($0.unitCode, $0.unitName) }
        for link in links where names[link.unitCode] == nil { names[link.unitCode] = link.unitName }
        nameByCode = names
    }

    /// The unit key and a readable label.
    func unit(of purchase: FlagPurchase) -> (key: String, label: String) {
        if let code = purchase.unitCode {
            return (code, purchase.unitName ?? nameByCode[code] ?? code)
        }
        if purchase.kind == .npg, let entidad = purchase.sicoinEntidad, let unidad = purchase.sicoinUnidadEjecutora {
            if let known = codeByExecutingUnit[entidad + "-" + unidad] {
                return (known.code, known.name ?? nameByCode[known.code] ?? known.code)
            }
            return ("UE \(entidad)-\(unidad)", "Unidad ejecutora \(entidad)-\(unidad)")
        }
        if let key = namesKey(purchase) {
            if let code = codeByNames[key] { return (code, nameByCode[code] ?? purchase.unitName ?? code) }
            let label = [purchase.entityName, purchase.unitName].compactMap { $0 }.joined(separator: " / ")
            return ("nombre:" + key, label)
        }
        return ("sin unidad", "Unidad no informada")
    }

    /// The entity key: its code (the `GT-CISP` id equals SICOIN's entidad) or its normalized name.
    func entity(of purchase: FlagPurchase) -> String {
        if let code = purchase.entityCode ?? purchase.sicoinEntidad { return code }
        if let name = purchase.entityName { return "nombre:" + (normalized[name] ?? ModalityCatalog.normalize(name)) }
        return "sin entidad"
    }

    private func namesKey(_ purchase: FlagPurchase) -> String? {
        guard let entity = purchase.entityName, let unit = purchase.unitName else { return nil }
        return (normalized[entity] ?? ModalityCatalog.normalize(entity)) + "|"
            + (normalized[unit] ?? ModalityCatalog.normalize(unit))
    }
}
