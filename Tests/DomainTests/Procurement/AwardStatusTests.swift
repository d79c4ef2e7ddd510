import Foundation
import Testing

@testable import Domain

struct AwardStatusTests {
    /// The rule before the ASCII fast path, kept here as the oracle.
    private static func activeTheLongWay(_ status: String?) -> Bool {
        status?.lowercased() != "cancelled" && status?.lowercased() != "unsuccessful"
    }

    @Test(
        "an award is inactive exactly when its status lowercases to cancelled or unsuccessful",
        arguments: [
            nil, "", "active", "pending", "cancelled", "CANCELLED", "Cancelled", "cAnCeLlEd", "unsuccessful",
            "UNSUCCESSFUL", "Unsuccessful", "cancelled ", " cancelled", "cancel", "cancelledx", "canceled",
            "cancell\u{E9}d", "CANCELLED\u{0301}", "\u{FF23}ANCELLED", "unsuccessfuL", "unsucce\u{17F}\u{17F}ful",
            "c@ncelled", "CANCEL\u{4C}ED", "Habilitado", "\u{0130}", "cancelled\u{0}",
        ] as [String?])
    func sameAsTheLongWay(status: String?) {
        let award = Award(supplier: Supplier(scheme: nil, identifier: "1", name: "X"), amount: nil, status: status)
        #expect(award.isActive == Self.activeTheLongWay(status), "\(String(describing: status))")
    }

    @Test("the awarded total adds the active awards with an amount, nil when none has one")
    func awardedTotal() throws {
        func award(_ centavos: Int64?, _ status: String?) -> Award {
            Award(
                supplier: Supplier(scheme: nil, identifier: "1", name: "X"),
                amount: centavos.map(Money.init(centavos:)),
                status: status)
        }
        func total(_ awards: [Award]) throws -> Money? {
            try LinkableProcurement(nog: "1", title: "", awards: awards, importRunID: 1).awardedTotal
        }
        #expect(try total([]) == nil)
        #expect(try total([award(nil, "active"), award(500, "CANCELLED")]) == nil)
        #expect(try total([award(0, "active")]) == .zero)
        #expect(try total([award(100, nil), award(250, "Unsuccessful"), award(7, "pending")]) == Money(centavos: 107))
        #expect(throws: MoneyOverflowError.self) { try total([award(.max, "active"), award(1, "active")]) }
    }
}
