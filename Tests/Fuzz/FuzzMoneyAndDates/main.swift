import Domain
import Formats
import Foundation
import FuzzSupport

/// Any text as an amount (every style and decimals policy) and as a date (every order, the OCDS format).
/// Beyond not trapping, a parsed amount must respect the ceiling and read back from its own plain text.
func fuzzMoneyAndDates(_ input: UnsafeRawBufferPointer) -> CInt {
    let text = String(decoding: FuzzInput.data(input), as: UTF8.self)
    for style in NumberStyle.allCases {
        for policy in [Money.ExtraDecimals.refuse, .roundFloatNoise] {
            guard let parsed = try? Money.parse(text, style: style, extraDecimals: policy) else { continue }
            let amount = parsed.amount
            if amount > Money.largestAmount || amount < Money(centavos: -Money.largestAmount.centavos) {
                fatalError("«\(text)» dio \(amount), fuera del máximo")
            }
            if (try? Money(parsing: amount.plainText)) != amount {
                fatalError("«\(text)» dio \(amount), que no se vuelve a leer igual desde «\(amount.plainText)»")
            }
            _ = try? amount + amount
            _ = amount.formatted
        }
    }
    for order in DateOrder.allCases {
        if case .date(let date) = order.parse(text) { _ = date.iso }
    }
    var sniffer = DateOrderSniffer()
    sniffer.observe(text)
    _ = sniffer.decision
    _ = ProcurementDate.parse(text)
    return 0
}

/// libFuzzer's entry for one input (called by its own `main` when the linker keeps that one).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMoneyAndDatesOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzMoneyAndDates(UnsafeRawBufferPointer(start: data, count: count))
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver with ``fuzzMoneyAndDates(_:)`` as the function under test.
@_cdecl("FuzzMoneyAndDates_main")
public func fuzzMoneyAndDatesMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc: argc, argv: argv) { data, count in
        fuzzMoneyAndDates(UnsafeRawBufferPointer(start: data, count: count))
    }
}
