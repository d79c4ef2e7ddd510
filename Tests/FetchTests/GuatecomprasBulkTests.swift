import Fetch
import Foundation
import Testing

struct GuatecomprasBulkTests {
    @Test("monthly URL has the month unpadded; the file name pads it and keeps the format")
    func monthlyRequest() {
        let request = GuatecomprasBulk().request(year: 2024, month: 3, format: .json)
        #expect(request.url == "https://ocds.guatecompras.gt/file/json/2024/3")
        #expect(request.fileName == "2024-03_Guatecompras.json.zip")
        let csv = GuatecomprasBulk(baseURL: "http://127.0.0.1:8080/espejo/").request(
            year: 2025, month: 11, format: .csv)
        #expect(csv.url == "http://127.0.0.1:8080/espejo/file/csv/2025/11")
        #expect(csv.fileName == "2025-11_Guatecompras.csv.zip")
    }

    @Test("a whole past year is 12 months; the current year stops at the current month")
    func monthsOfYear() throws {
        let today = try #require(ISO8601DateFormatter().date(from: "2026-05-20T12:00:00Z"))
        #expect(try GuatecomprasBulk.months(year: 2024, month: nil, today: today) == Array(1...12))
        #expect(try GuatecomprasBulk.months(year: 2026, month: nil, today: today) == [1, 2, 3, 4, 5])
        #expect(try GuatecomprasBulk.months(year: 2026, month: 5, today: today) == [5])
    }

    @Test("future periods and impossible months are refused in Spanish")
    func invalidPeriods() throws {
        let today = try #require(ISO8601DateFormatter().date(from: "2026-05-20T12:00:00Z"))
        #expect(throws: FetchError.self) { try GuatecomprasBulk.months(year: 2027, month: nil, today: today) }
        #expect(throws: FetchError.self) { try GuatecomprasBulk.months(year: 2026, month: 6, today: today) }
        let error = #expect(throws: FetchError.self) {
            try GuatecomprasBulk.months(year: 2024, month: 13, today: today)
        }
        #expect(error?.errorDescription?.contains("el mes debe estar entre 1 y 12") == true)
    }

    @Test("the Guatemala calendar decides the current month at a UTC month boundary")
    func guatemalaMonth() throws {
        // 2026-06-01 03:00 UTC is still 31 May in Guatemala (UTC−6).
        let today = try #require(ISO8601DateFormatter().date(from: "2026-06-01T03:00:00Z"))
        #expect(try GuatecomprasBulk.months(year: 2026, month: nil, today: today).last == 5)
    }
}
