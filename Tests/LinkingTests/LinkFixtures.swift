import Domain
import Foundation

/// SOSEP-shaped products, purchases and evidence for linking tests.
enum LinkFixtures {
    static let structures: [(code: String, programa: String, actividad: String)] = [
        ("P01", "01", "001"), ("P02", "11", "001"), ("P03", "11", "002"), ("P04", "11", "003"), ("P05", "11", "004"),
    ]

    static var products: [Product] {
        structures.map { item in
            Product(
                ejercicio: 2022, code: item.code,
                directorate: Directorate(code: "D\(item.code)", name: "Dirección \(item.code)"),
                name: "Producto \(item.code)", meta: PhysicalGoal(unidadMedida: "Persona", cantidad: 100),
                presupuestoVigente: Money(quetzales: 1_000_000),
                structure: BudgetStructure(
                    entidad: "11130016", unidadEjecutora: "208", programa: item.programa, actividad: item.actividad))
        }
    }

    static let subproducts = [
        Subproduct(
            ejercicio: 2022, code: "P03-02", productCode: "P03", name: "Familias migrantes",
            meta: PhysicalGoal(unidadMedida: "Familia", cantidad: 1000))
    ]

    static func procurement(
        _ nog: String, title: String = "ADQUISICIÓN DE INSUMOS", awards: [(String, Int64)] = [("421450878", 10_000)],
        modality: String? = "compra_directa_oferta_electronica", published: String = "2022-05-02", run: Int64 = 1,
        contracted: Int64? = nil
    ) -> LinkableProcurement {
        let date: Date? = if case .date(let value) = ProcurementDate.parse(published) { value } else { nil }
        return LinkableProcurement(
            nog: nog, title: title, buyingUnitCode: "436-2", buyingUnitName: "DEPARTAMENTO DE COMPRAS",
            modalityCode: modality,
            status: "Adjudicado", publishedAt: date,
            awards: awards.map {
                Award(
                    supplier: Supplier(scheme: .nit, identifier: $0.0, name: "PROVEEDOR"),
                    amount: Money(centavos: $0.1), status: "active")
            },
            contractedTotal: contracted.map(Money.init(centavos:)), importRunID: run)
    }

    static func evidence(
        _ id: Int64, nog: String, programa: String? = "11", actividad: String? = "001", renglon: String = "211",
        nit: String? = "421450878", centavos: Int64, run: Int64 = 2, year: Int? = 2022
    ) -> StoredLinkEvidence {
        StoredLinkEvidence(
            id: id, importRunID: run, fileName: "vinculos.csv",
            evidence: LinkEvidence(
                kind: .insumo, ejercicio: year, nog: nog, entidad: "11130016", unidadEjecutora: "208",
                programa: programa,
                subprograma: "00", proyecto: "000", actividad: actividad, obra: "000",
                renglon: Renglon(rawValue: renglon),
                nit: nit, monto: Money(centavos: centavos), sourceLine: Int(id) + 1))
    }
}
