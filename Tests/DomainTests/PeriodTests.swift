import Foundation
import Domain
import Testing

struct PeriodTests {
    @Test("maps months to cuatrimestres", arguments: [(1, 1), (4, 1), (5, 2), (8, 2), (9, 3), (12, 3)])
    func cuatrimestre(month: Int, expected: Int) {
        #expect(Period.cuatrimestre(ofMonth: month) == expected)
        #expect(Period(year: 2022, month: month)?.cuatrimestre == expected)
    }

    @Test("covers the right months")
    func months() throws {
        #expect(Period(year: 2022).months == 1...12)
        #expect(try #require(Period(year: 2022, cuatrimestre: 2)).months == 5...8)
        #expect(try #require(Period(year: 2022, month: 7)).months == 7...7)
        #expect(Period(year: 2022, month: 13) == nil)
        #expect(Period(year: 2022, cuatrimestre: 4) == nil)
    }
}
