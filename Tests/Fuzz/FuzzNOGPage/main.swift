import Formats
import FuzzSupport
import Importers

/// Any bytes as a saved NOG page: charset decision, decoding, libxml2's HTML parser and the field extraction.
func fuzzNOGPage(_ input: UnsafeRawBufferPointer) -> CInt {
    let data = FuzzInput.data(input)
    _ = HTMLCharset.decide(data)
    _ = try? NOGPageImporter().read(data, file: "nog.html")
    return 0
}

/// libFuzzer's entry for one input (called by its own `main` when the linker keeps that one).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNOGPageOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzNOGPage(UnsafeRawBufferPointer(start: data, count: count))
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver with ``fuzzNOGPage(_:)`` as the function under test.
@_cdecl("FuzzNOGPage_main")
public func fuzzNOGPageMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc: argc, argv: argv) { data, count in
        fuzzNOGPage(UnsafeRawBufferPointer(start: data, count: count))
    }
}
