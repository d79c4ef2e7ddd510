import Domain
import Foundation
import Testing

@testable import Ledger

/// The flag-input reader reads the ledger's own date shapes by position; it must agree with the general parser.
struct FlagInputDateTests {
    @Test(
        "the positional date reader gives what ProcurementDate.parse gives",
        arguments: [
            "2022-06-03T10:15:07-06:00", "2022-12-31T23:59:59-06:00", "2024-02-29T00:00:00-06:00", "2022-06-03",
            "2022-06-03T10:15:07Z", "2022-06-03T10:15:07.123-06:00", "2022-13-03", "2022-02-30", "garbage",
        ])
    func sameDates(text: String) {
        let expected: Date? = if case .date(let date) = ProcurementDate.parse(text) { date } else { nil }
        #expect(FlagInputReader.date(text) == expected)
    }

    @Test(
        "quantities read by hand equal Decimal(string:)",
        arguments: ["100", "10.5", "0.25", "1500.0", "7", "1e3", "-2", ""])
    func quantities(text: String) {
        #expect(FlagInputReader.quantity(text) == Decimal(string: text))
    }
}
