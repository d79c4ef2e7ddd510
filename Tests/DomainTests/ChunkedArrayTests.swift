import Domain
import Testing

struct ChunkedArrayTests {
    @Test("elements keep their order and positions across chunk boundaries", arguments: [1, 3, 4096])
    func orderAcrossChunks(chunkSize: Int) {
        var chunked = ChunkedArray<Int>(chunkSize: chunkSize)
        #expect(chunked.isEmpty)
        for value in 0..<10_000 { chunked.append(value * 7) }
        #expect(chunked.count == 10_000)
        #expect(Array(chunked) == (0..<10_000).map { $0 * 7 })
        #expect(chunked[chunkSize - 1] == (chunkSize - 1) * 7)
        #expect(chunked[9_999] == 69_993)
    }

    @Test("an element changed in place stays changed, its neighbours untouched")
    func changeInPlace() {
        var chunked = ChunkedArray<[String]>(chunkSize: 2)
        for word in ["a", "b", "c", "d", "e"] { chunked.append([word]) }
        chunked[2].append("x")
        chunked[4] = ["z"]
        #expect(Array(chunked) == [["a"], ["b"], ["c", "x"], ["d"], ["z"]])
    }
}
