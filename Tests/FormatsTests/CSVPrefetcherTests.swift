import Formats
import Foundation
import TestSupport
import Testing

/// The records a ``CSVPrefetcher`` hands over are the reader's own, in order, whatever the batch size; the
/// reader's error comes after the records before it; a consumer that stops early does not wait for the file.
struct CSVPrefetcherTests {
    private static func rows(_ count: Int) -> String {
        "ENTIDAD;RENGLÓN;MONTO\n"
            + (1...count).map { "11130016;\($0 % 900 + 100);\"1,\($0).00\"" }.joined(separator: "\n")
            + "\n"
    }

    @Test("the same records as the reader itself, in order, with batches smaller and larger than the file")
    func sameRecords() throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write("e.csv", text: Self.rows(1_000))
        let direct = try CSVReader(url: url)
        var expected: [CSVRecord] = []
        while let record = try direct.next() { expected.append(record) }
        #expect(expected.count == 1_001)
        for batchSize in [1, 7, 256, 5_000] {
            let prefetcher = CSVPrefetcher(try CSVReader(url: url), batchSize: batchSize, capacity: 2)
            var records: [CSVRecord] = []
            while let record = try prefetcher.next() { records.append(record) }
            #expect(records == expected, "batchSize \(batchSize)")
            #expect(try prefetcher.next() == nil)
        }
    }

    @Test("the reader's error arrives after every record read before it")
    func errorAfterRecords() throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write("big.csv", text: "a\nb\nc\n" + String(repeating: "x", count: 5000) + "\n")
        var limits = CSVReader.Limits()
        limits.maxFieldBytes = 1000
        let prefetcher = CSVPrefetcher(try CSVReader(url: url, limits: limits), batchSize: 2, capacity: 1)
        var fields: [[String]] = []
        #expect(throws: FormatsError.self) {
            while let record = try prefetcher.next() { fields.append(record.fields) }
        }
        #expect(fields == [["a"], ["b"], ["c"]])
    }

    @Test("a consumer may stop after one record of a long file without waiting for the rest of it")
    func stopEarly() throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write("e.csv", text: Self.rows(20_000))
        var prefetcher: CSVPrefetcher? = CSVPrefetcher(try CSVReader(url: url), batchSize: 16, capacity: 1)
        let first = try prefetcher?.next()
        #expect(first?.fields == ["ENTIDAD", "RENGLÓN", "MONTO"])
        prefetcher?.stop()
        prefetcher = nil
        // A second prefetcher on the same file still reads it whole: nothing was left locked or half-read.
        let again = CSVPrefetcher(try CSVReader(url: url))
        var count = 0
        while try again.next() != nil { count += 1 }
        #expect(count == 20_001)
    }
}
