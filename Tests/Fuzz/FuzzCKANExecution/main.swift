import FuzzSupport
import Importers

/// Any bytes as a MINFIN CKAN execution response (`.json`), through the whole execution parser and rules.
func fuzzCKANExecution(_ input: UnsafeRawBufferPointer) -> CInt {
    let url = FuzzInput.file(input, name: "ejecucion.json")
    _ = try? ExecutionImporter.scan(url)
    return 0
}

/// libFuzzer's entry for one input (called by its own `main` when the linker keeps that one).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCKANExecutionOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzCKANExecution(UnsafeRawBufferPointer(start: data, count: count))
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver with ``fuzzCKANExecution(_:)`` as the function under test.
@_cdecl("FuzzCKANExecution_main")
public func fuzzCKANExecutionMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc: argc, argv: argv) { data, count in
        fuzzCKANExecution(UnsafeRawBufferPointer(start: data, count: count))
    }
}
