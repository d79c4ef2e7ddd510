import Foundation
import Testing

@testable import Formats

struct JSONArrayElementScannerTests {
    /// A scanner over in-memory bytes handed over in chunks of `chunkSize` (small, to cross chunk boundaries).
    func scanner(_ text: String, chunkSize: Int = 7, limits: JSONScanLimits = .init()) -> JSONArrayElementScanner {
        scanner(Data(text.utf8), chunkSize: chunkSize, limits: limits)
    }

    func scanner(_ data: Data, chunkSize: Int = 7, limits: JSONScanLimits = .init()) -> JSONArrayElementScanner {
        var offset = 0
        return JSONArrayElementScanner(fileName: "x.json", limits: limits) {
            guard offset < data.count else { return nil }
            let end = min(data.count, offset + chunkSize)
            defer { offset = end }
            return data.subdata(in: offset..<end)
        }
    }

    func elements(_ scanner: JSONArrayElementScanner) throws -> [String] {
        var result: [String] = []
        while let element = try scanner.next() { result.append(String(decoding: element.bytes, as: UTF8.self)) }
        return result
    }

    @Test("yields each record of a package, skipping metadata before and after, across chunk boundaries")
    func recordPackage() throws {
        let text = """
            {"uri":"x","extensions":["a]","b{"],"publisher":{"name":"Guate \\"compras\\" [DGAE]"},
             "records":[ {"ocid":"ocds-xqjsxa-1","releases":[{"tag":["tender"]}]} ,
              {"ocid":"ocds-xqjsxa-2","t":"} ] {"} ],"license":"cc"}
            """
        for chunkSize in [1, 3, 7, 64, 4096] {
            let scan = scanner(text, chunkSize: chunkSize)
            let found = try elements(scan)
            #expect(
                found == [
                    #"{"ocid":"ocds-xqjsxa-1","releases":[{"tag":["tender"]}]}"#,
                    #"{"ocid":"ocds-xqjsxa-2","t":"} ] {"}"#,
                ])
            #expect(scan.topLevelKeys == ["uri", "extensions", "publisher", "records", "license"])
        }
    }

    @Test("reports each element's byte offset, line, index and array key")
    func positions() throws {
        let text = "{\"releases\": [\n{\"a\":1},\n  {\"b\":2}]}"
        let scan = scanner(text)
        let first = try #require(try scan.next())
        let second = try #require(try scan.next())
        #expect(try scan.next() == nil)
        #expect(first.offset == 15 && first.line == 2 && first.index == 0 && first.arrayKey == "releases")
        #expect(second.offset == 26 && second.line == 3 && second.index == 1)
        #expect(second.path == "releases[1]")
    }

    @Test("a leading UTF-8 byte-order mark is skipped, even when the first chunk is tiny")
    func byteOrderMark() throws {
        #expect(try elements(scanner("\u{FEFF}{\"records\":[{\"a\":1}]}", chunkSize: 4096)) == [#"{"a":1}"#])
        #expect(try elements(scanner("\u{FEFF}[1]", chunkSize: 4096)) == ["1"])
    }

    @Test("a root array yields its elements, scalars included")
    func rootArray() throws {
        #expect(
            try elements(scanner(#"[ {"a":[1,2]}, "s]", 12.5e3 ,null]"#)) == [
                #"{"a":[1,2]}"#, #""s]""#, "12.5e3", "null",
            ])
    }

    @Test("numbers and literals are read whole at every chunk size; member scalars are kept to 64 bytes")
    func scalarsAcrossChunks() throws {
        let long = String(repeating: "9", count: 70)
        let text = #"{"total":\#(long),"ok":true,"releases":[1,-2.5e3,{"a":[null,false]},true ,null]}"#
        for chunkSize in [1, 2, 3, 5, 8, 13, 4096] {
            let scan = scanner(text, chunkSize: chunkSize)
            #expect(
                try elements(scan) == ["1", "-2.5e3", #"{"a":[null,false]}"#, "true", "null"], "chunk \(chunkSize)")
            #expect(scan.memberScalars == ["total": String(long.prefix(64)), "ok": "true"], "chunk \(chunkSize)")
        }
        #expect(throws: FormatsError.self) { _ = try elements(scanner("true")) }
        #expect(throws: FormatsError.self) { _ = try elements(scanner("[1] 2", chunkSize: 4096)) }
    }

    @Test("a root object without records or releases is yielded whole")
    func bareObject() throws {
        let text = #"{"ocid":"ocds-xqjsxa-9","tender":{"id":"GT-NOG-9"}}"#
        let scan = scanner(text)
        let element = try #require(try scan.next())
        #expect(String(decoding: element.bytes, as: UTF8.self) == text)
        #expect(element.arrayKey == nil)
        #expect(try scan.next() == nil)
    }

    @Test(
        "a document cut in the middle is reported as truncated",
        arguments: [
            #"{"records":[{"a":1},{"b":"#, #"{"records":[{"a":1}"#, #"{"records":[{"a":"x"#, #"{"rec"#,
        ])
    func truncated(text: String) throws {
        let scan = scanner(text)
        #expect(throws: FormatsError.self) { _ = try elements(scan) }
        do {
            _ = try elements(scanner(text))
        } catch let error as FormatsError {
            guard case .jsonTruncated = error else {
                Issue.record("esperaba truncado: \(error)")
                return
            }
            #expect(error.localizedDescription.contains("x.json"))
        }
    }

    @Test("NUL bytes, invalid UTF-8, mismatched brackets and trailing garbage are errors")
    func hostileBytes() throws {
        var nul = Data(#"{"records":[{"a":"x"#.utf8)
        nul.append(0)
        nul.append(contentsOf: Array(#""}]}"#.utf8))
        #expect(formatsError { _ = try elements(scanner(nul)) } == "\(FormatsError.nulByte(file: "x.json", line: 1))")

        var latin1 = Data(#"{"records":[{"a":"Pe"#.utf8)
        latin1.append(0xFF)
        latin1.append(contentsOf: Array(#"a"}]}"#.utf8))
        #expect(
            formatsError { _ = try elements(scanner(latin1)) }
                == "\(FormatsError.invalidUTF8(file: "x.json", offset: 20, line: 1))")

        #expect(throws: FormatsError.self) { _ = try elements(scanner(#"{"records":[{"a":1]]}"#)) }
        #expect(throws: FormatsError.self) { _ = try elements(scanner(#"{"records":[]} {"#)) }
        #expect(throws: FormatsError.self) { _ = try elements(scanner(#"42"#)) }
        #expect(formatsError { _ = try elements(scanner("  \n ")) } == "\(FormatsError.empty(file: "x.json"))")
    }

    @Test("nesting beyond the limit is refused before it can exhaust the decoder's stack")
    func tooDeep() throws {
        let deep =
            #"{"records":["# + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "]}"
        #expect(
            formatsError {
                _ = try elements(scanner(deep, chunkSize: 4096))
            } == "\(FormatsError.jsonTooDeep(file: "x.json", offset: 74, line: 1, limit: 64))")
    }

    @Test("an element larger than the limit is refused")
    func tooLarge() throws {
        let big = #"{"records":[{"a":""# + String(repeating: "x", count: 5000) + #""}]}"#
        let limits = JSONScanLimits(maxElementBytes: 1000)
        #expect(
            formatsError {
                _ = try elements(scanner(big, chunkSize: 256, limits: limits))
            } == "\(FormatsError.jsonElementTooLarge(file: "x.json", offset: 12, line: 1, limit: 1000))")
        #expect(try elements(scanner(big, chunkSize: 256)).count == 1)
    }
}

/// The description of the `FormatsError` a body throws (nil when it throws nothing or something else).
func formatsError(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch let error as FormatsError {
        return "\(error)"
    } catch {
        return nil
    }
}

/// CKAN's envelope nests the records one level down, inside `result`.
struct JSONArrayElementScannerEnvelopeTests {
    static let envelope = """
        {"help": "https://x/api/3/action/help_show?name=datastore_search", "success": true,
         "result": {"include_total": true, "limit": 100, "fields": [{"id": "_id", "type": "int"}],
          "records": [{"_id": 1, "monto": 10.5}, {"_id": 2, "monto": -3e2, "t": "]}"}],
          "total": 2, "_links": {"next": "/x?offset=100"}}, "extra": null}
        """

    private func scan(_ text: String, containerKeys: Set<String>, chunkSize: Int) throws -> (
        [String], JSONArrayElementScanner
    ) {
        let data = Data(text.utf8)
        var offset = 0
        let scanner = JSONArrayElementScanner(fileName: "c.json", targetKeys: ["records"], containerKeys: containerKeys)
        {
            guard offset < data.count else { return nil }
            let end = min(data.count, offset + chunkSize)
            defer { offset = end }
            return data.subdata(in: offset..<end)
        }
        var found: [String] = []
        while let element = try scanner.next() { found.append(String(decoding: element.bytes, as: UTF8.self)) }
        return (found, scanner)
    }

    @Test("with result as a container key, the nested records are yielded and the envelope's scalars kept")
    func nestedRecords() throws {
        for chunkSize in [1, 5, 64, 4096] {
            let (found, scanner) = try scan(Self.envelope, containerKeys: ["result"], chunkSize: chunkSize)
            #expect(
                found == [#"{"_id": 1, "monto": 10.5}"#, #"{"_id": 2, "monto": -3e2, "t": "]}"}"#], "chunk \(chunkSize)"
            )
            #expect(
                scanner.memberScalars == [
                    "success": "true", "result.include_total": "true", "result.limit": "100", "result.total": "2",
                    "extra": "null",
                ], "chunk \(chunkSize)")
            #expect(scanner.topLevelKeys == ["help", "success", "result", "extra"])
        }
    }

    @Test("without container keys the envelope is yielded whole, as before")
    func withoutContainer() throws {
        let (found, _) = try scan(Self.envelope, containerKeys: [], chunkSize: 7)
        #expect(found.count == 1 && found[0].hasPrefix(#"{"help""#))
    }

    @Test("top-level records and scalars are read the same with a container key declared")
    func topLevel() throws {
        let (found, scanner) = try scan(
            #"{"total": 1, "records": [{"a": 1}]}"#, containerKeys: ["result"], chunkSize: 3)
        #expect(found == [#"{"a": 1}"#])
        #expect(scanner.memberScalars == ["total": "1"])
    }
}
