import Domain
import Foundation
import Testing

/// A flat export or an NOG page laid over an OCDS procurement must not lose what OCDS knew better.
struct ProcurementOverlayTests {
    private let precise = ProcurementDate.date(year: 2022, month: 3, day: 14, hour: 10, minute: 37, second: 52)
    private let dayOnly = ProcurementDate.date(year: 2022, month: 3, day: 14)

    private func ocds() -> Procurement {
        Procurement(
            nog: "16740804", title: "Compra", publishedAt: precise, awardedAt: precise,
            awards: [
                Award(
                    id: "GT-ADJ-16740804-388768746",
                    supplier: Supplier(scheme: .nit, identifier: "388768746", name: "ACME, S.A."),
                    amount: Money(centavos: 64_005_593), status: "active", statusDetails: "Habilitado", date: precise)
            ])
    }

    @Test("a day-only date on the same day keeps the stored time; another day replaces it")
    func dates() {
        let flat = Procurement(
            nog: "16740804", title: "", publishedAt: dayOnly,
            awardedAt: ProcurementDate.date(year: 2022, month: 3, day: 20))
        let merged = ocds().overlaid(by: flat)
        #expect(merged.publishedAt == precise)
        #expect(merged.awardedAt == ProcurementDate.date(year: 2022, month: 3, day: 20))
    }

    @Test("awards are matched by supplier: the flat row fills in, the OCDS id, status and time stay")
    func awards() {
        let flatAward = Award(
            supplier: Supplier(scheme: .nit, identifier: "388768746", name: "ACME S.A."),
            amount: Money(centavos: 64_005_593), date: dayOnly)
        let merged = ocds().overlaid(by: Procurement(nog: "16740804", title: "", awards: [flatAward]))
        let award = merged.awards.first
        #expect(merged.awards.count == 1)
        #expect(award?.id == "GT-ADJ-16740804-388768746")
        #expect(award?.status == "active")
        #expect(award?.statusDetails == "Habilitado")
        #expect(award?.date == precise)
        #expect(award?.supplier.name == "ACME S.A.", "what the newer source states wins")
    }

    @Test("a supplier the stored awards do not have is a new award; a changed amount is taken")
    func newSupplier() {
        let other = Award(
            supplier: Supplier(scheme: .nit, identifier: "12345", name: "OTRO"), amount: Money(quetzales: 10))
        let changed = Award(
            supplier: Supplier(scheme: .nit, identifier: "388768746", name: "ACME, S.A."), amount: Money(quetzales: 1))
        let merged = ocds().overlaid(by: Procurement(nog: "16740804", title: "", awards: [changed, other]))
        #expect(merged.awards.map(\.supplier.identifier) == ["388768746", "12345"])
        #expect(merged.awards.first?.amount == Money(quetzales: 1))
        #expect(merged.awards.first?.id == "GT-ADJ-16740804-388768746")
    }
}
