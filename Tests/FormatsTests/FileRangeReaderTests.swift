import Foundation
import TestSupport
import Testing

@testable import Formats

struct FileRangeReaderTests {
    @Test("reads each range asked for, in any order, and fewer bytes where the file ends")
    func ranges() throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write("p.json", text: #"{"releases":[{"ocid":"a"},{"ocid":"b"}]}"#)
        let read = try FileRangeReader.withFile(url) { file in
            [
                try file.read(offset: 26, length: 12), try file.read(offset: 13, length: 12),
                try file.read(offset: 38, length: 10), try file.read(offset: 0, length: 0),
            ]
        }
        #expect(read.map { String(decoding: $0, as: UTF8.self) } == [#"{"ocid":"b"}"#, #"{"ocid":"a"}"#, "]}", ""])
    }

    @Test("a file that cannot be opened is an error naming it")
    func missing() throws {
        let directory = try TemporaryDirectory()
        #expect {
            try FileRangeReader.withFile(directory.file("no.json"), name: "paquete.zip:no.json") { _ in () }
        } throws: { error in
            guard case FormatsError.unreadable(let file, _) = error else { return false }
            return file == "paquete.zip:no.json"
        }
    }
}
