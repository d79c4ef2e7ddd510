import Domain
import Foundation

/// Finds the products whose budget structure fits the codes an evidence row gives.
///
/// Products are looked up by entidad and programa first (every real evidence row gives both), so matching
/// 300,000 rows against a national year's products stays a dictionary lookup and a short filter.
struct ProductIndex: Sendable {
    private struct Key: Hashable, Sendable {
        var entidad: String
        var programa: String
    }

    private let byEntidadPrograma: [Key: [Product]]
    private let all: [Product]

    init(_ products: [Product]) {
        all = products
        byEntidadPrograma = Dictionary(grouping: products) {
            Key(entidad: $0.structure.entidad, programa: $0.structure.programa)
        }
    }

    /// The products of the year whose structure agrees with every code the row gives (codes it leaves out fit
    /// anything; a product without unidad ejecutora fits any).
    func candidates(for evidence: LinkEvidence) -> [Product] {
        let pool: [Product]
        if let entidad = evidence.entidad, let programa = evidence.programa {
            pool = byEntidadPrograma[Key(entidad: entidad, programa: programa)] ?? []
        } else {
            pool = all
        }
        return pool.filter { Self.fits(evidence, $0.structure) }
    }

    static func fits(_ evidence: LinkEvidence, _ structure: BudgetStructure) -> Bool {
        func agrees(_ given: String?, _ code: String) -> Bool { given == nil || given == code }
        let unidad = structure.unidadEjecutora.map { agrees(evidence.unidadEjecutora, $0) } ?? true
        return unidad && agrees(evidence.entidad, structure.entidad) && agrees(evidence.programa, structure.programa)
            && agrees(evidence.subprograma, structure.subprograma) && agrees(evidence.proyecto, structure.proyecto)
            && agrees(evidence.actividad, structure.actividad) && agrees(evidence.obra, structure.obra)
    }
}
