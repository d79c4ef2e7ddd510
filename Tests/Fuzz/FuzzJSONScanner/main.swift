import Formats
import Foundation
import FuzzSupport

/// Any bytes through the streaming scanner (in small chunks, to cross boundaries), each element through the one
/// JSON value parser and the key scan, as the OCDS and compras importers use them.
func fuzzJSONScanner(_ input: UnsafeRawBufferPointer) -> CInt {
    let data = FuzzInput.data(input)
    let chunkSize = max(1, Int(data.first ?? 7) % 64)
    var offset = 0
    let scanner = JSONArrayElementScanner(
        fileName: "entrada.json", targetKeys: ["records", "releases"], containerKeys: ["result"],
        limits: JSONScanLimits(maxDepth: 32, maxElementBytes: 1 << 20)
    ) {
        guard offset < data.count else { return nil }
        let end = min(data.count, offset + chunkSize)
        defer { offset = end }
        return data.subdata(in: offset..<end)
    }
    while let element = try? scanner.next() {
        _ = JSONTopLevelFields.scan(element.bytes, wanted: ["ocid"])
        if let value = try? JSONValue.parse(element.bytes, maxDepth: 32) {
            _ = value.jsonData()
        } else if let (fixed, _) = JSONSurrogateRepair.repair(element.bytes) {
            _ = try? JSONValue.parse(fixed, maxDepth: 32)
        }
    }
    _ = scanner.memberScalars
    return 0
}

/// libFuzzer's entry for one input (called by its own `main` when the linker keeps that one).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONScannerOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzJSONScanner(UnsafeRawBufferPointer(start: data, count: count))
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver with ``fuzzJSONScanner(_:)`` as the function under test.
@_cdecl("FuzzJSONScanner_main")
public func fuzzJSONScannerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc: argc, argv: argv) { data, count in
        fuzzJSONScanner(UnsafeRawBufferPointer(start: data, count: count))
    }
}
