import Formats
import FuzzSupport

/// Any bytes opened as a workbook: the ZIP container, the XML parts and every row of the first sheet.
func fuzzXLSXReader(_ input: UnsafeRawBufferPointer) -> CInt {
    let url = FuzzInput.file(input, name: "libro.xlsx")
    // Small limits keep each run fast: the limits themselves are what a bomb meets, at any size.
    var limits = XLSXReader.Limits()
    limits.maxSheetBytes = 1 << 20
    limits.maxPartBytes = 1 << 20
    limits.zip.maxEntryBytes = 2 << 20
    limits.zip.maxTotalBytes = 4 << 20
    limits.zip.ratioFloorBytes = 64 << 10
    _ = try? XLSXReader.withSheet(url: url, limits: limits) { reader in
        while let record = try reader.next() {
            _ = record.fields.count
        }
    }
    return 0
}

/// libFuzzer's entry for one input (called by its own `main` when the linker keeps that one).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSXReaderOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzXLSXReader(UnsafeRawBufferPointer(start: data, count: count))
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver with ``fuzzXLSXReader(_:)`` as the function under test.
@_cdecl("FuzzXLSXReader_main")
public func fuzzXLSXReaderMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc: argc, argv: argv) { data, count in
        fuzzXLSXReader(UnsafeRawBufferPointer(start: data, count: count))
    }
}
