import Foundation
import Testing

@testable import Domain

struct ProcurementDateTests {
    @Test(
        "Guatecompras timestamps parse with their offset, with or without fractional seconds",
        arguments: [
            ("2026-04-01T11:01:29-06:00", "2026-04-01T11:01:29-06:00"),
            ("2026-05-15T04:12:40.149946-06:00", "2026-05-15T04:12:40-06:00"),
            ("2026-05-15T10:12:40Z", "2026-05-15T04:12:40-06:00"),
            ("2022-01-01T03:00:00+00:00", "2021-12-31T21:00:00-06:00"),
            ("2022-03-01", "2022-03-01T00:00:00-06:00"),
            ("2022-03-01T09:30", "2022-03-01T09:30:00-06:00"),
        ])
    func parses(text: String, expected: String) throws {
        guard case .date(let date) = ProcurementDate.parse(text) else {
            Issue.record("no se leyó \(text)")
            return
        }
        #expect(ProcurementDate.isoString(date) == expected)
    }

    @Test(
        ".NET's DateTime.MinValue and empty text mean no date; garbage is invalid",
        arguments: [
            ("0001-01-01T00:00:00-06:00", ProcurementDate.Parsed.absent), ("0001-01-01T00:00:00", .absent),
            ("", .absent),
            ("1899-12-31", .absent), ("2022-02-30", .invalid), ("01/03/2022", .invalid),
            ("2022-03-01T25:00:00", .invalid),
            ("2022-03-01T10:00:00-06:00xyz", .invalid),
        ])
    func placeholders(text: String, expected: ProcurementDate.Parsed) {
        #expect(ProcurementDate.parse(text) == expected)
    }

    @Test("the year is the local (Guatemala) year, not the UTC one")
    func localYear() throws {
        let date = try #require(ProcurementDate.date(year: 2022, month: 12, day: 31, hour: 23))
        #expect(ProcurementDate.year(of: date) == 2022)
        #expect(ProcurementDate.dayString(date) == "2022-12-31")
    }
}
