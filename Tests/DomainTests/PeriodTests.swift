import Domain
import Foundation
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

struct CivilDayTests {
    @Test(
        "day numbers and dates agree both ways, across leap days and centuries",
        arguments: [
            (1970, 1, 1, 0), (2000, 2, 29, 11_016), (1900, 3, 1, -25_508), (2022, 12, 31, 19_357),
            (1899, 12, 30, -25_569),
        ])
    func roundTrip(year: Int, month: Int, day: Int, days: Int) {
        #expect(CivilDay.days(year: year, month: month, day: day) == days)
        let back = CivilDay.date(days: days)
        #expect((back.year, back.month, back.day) == (year, month, day))
    }
}
