import Formats
import FuzzSupport

/// Every record of any bytes read as CSV: errors are expected, traps and memory errors are findings.
func fuzzCSVReader(_ input: UnsafeRawBufferPointer) -> CInt {
    let url = FuzzInput.file(input, name: "entrada.csv")
    for delimiter in [nil, UInt8(ascii: ";")] as [UInt8?] {
        guard let reader = try? CSVReader(url: url, delimiter: delimiter) else { continue }
        while let record = try? reader.next() {
            _ = record.isBlank
        }
    }
    return 0
}

/// libFuzzer's entry for one input (called by its own `main` when the linker keeps that one).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVReaderOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzCSVReader(UnsafeRawBufferPointer(start: data, count: count))
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver with ``fuzzCSVReader(_:)`` as the function under test.
@_cdecl("FuzzCSVReader_main")
public func fuzzCSVReaderMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc: argc, argv: argv) { data, count in
        fuzzCSVReader(UnsafeRawBufferPointer(start: data, count: count))
    }
}
