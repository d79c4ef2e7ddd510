import Foundation
import Testing

@testable import Formats

struct JSONLinesReaderTests {
    func reader(_ data: Data, chunkSize: Int = 5, limits: JSONScanLimits = .init()) -> JSONLinesReader {
        var offset = 0
        return JSONLinesReader(fileName: "x.jsonl", limits: limits) {
            guard offset < data.count else { return nil }
            let end = min(data.count, offset + chunkSize)
            defer { offset = end }
            return data.subdata(in: offset..<end)
        }
    }

    @Test("yields each non-blank line with its line number, skipping a BOM, CRLF and blank lines")
    func lines() throws {
        let text = "\u{FEFF}{\"a\":1}\r\n\n  \n{\"b\":[2]}\n{\"c\":3}"
        let read = reader(Data(text.utf8))
        var found: [(String, Int)] = []
        while let element = try read.next() {
            found.append((String(decoding: element.bytes, as: UTF8.self), element.line))
        }
        #expect(found.map(\.0) == [#"{"a":1}"#, #"{"b":[2]}"#, #"{"c":3}"#])
        #expect(found.map(\.1) == [1, 4, 5])
    }

    @Test("a line longer than the limit or holding a NUL byte is an error naming the line")
    func hostile() throws {
        let long = Data(("{}\n{\"a\":\"" + String(repeating: "x", count: 300) + "\"}\n").utf8)
        #expect(
            formatsError {
                let read = reader(long, limits: JSONScanLimits(maxElementBytes: 100))
                while try read.next() != nil {}
            } == "\(FormatsError.jsonElementTooLarge(file: "x.jsonl", offset: 3, line: 2, limit: 100))")
        var nul = Data("{}\n{}\n{\"a\"".utf8)
        nul.append(0)
        #expect(
            formatsError {
                let read = reader(nul)
                while try read.next() != nil {}
            } == "\(FormatsError.nulByte(file: "x.jsonl", line: 3))")
    }
}
