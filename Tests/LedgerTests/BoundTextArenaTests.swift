import Testing

@testable import Ledger

struct BoundTextArenaTests {
    private func store(_ text: String, in arena: BoundTextArena) -> UnsafePointer<CChar>? {
        var text = text
        return text.withUTF8 { arena.store($0) }
    }

    private func read(_ pointer: UnsafePointer<CChar>, count: Int) -> String {
        pointer.withMemoryRebound(to: UInt8.self, capacity: count) {
            String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
        }
    }

    @Test("every text stored stays intact until reset, across chunks, and the first chunk is reused after it")
    func keepsTextsUntilReset() throws {
        let arena = BoundTextArena()
        let texts = (0..<200).map { index in String(repeating: "ñ", count: index * 7) + "·\(index)" }
        let pointers = try texts.map { try #require(store($0, in: arena)) }
        for (text, pointer) in zip(texts, pointers) { #expect(read(pointer, count: text.utf8.count) == text) }
        #expect(texts.map(\.utf8.count).reduce(0, +) > 2 * BoundTextArena.chunkSize)
        arena.reset()
        let again = try #require(store("otra", in: arena))
        #expect(again == pointers[0])
        #expect(read(again, count: 4) == "otra")
    }

    @Test("a text longer than a chunk is not kept (SQLite copies it), and an empty one is")
    func limits() {
        let arena = BoundTextArena()
        #expect(store(String(repeating: "x", count: BoundTextArena.chunkSize + 1), in: arena) == nil)
        #expect(store(String(repeating: "x", count: BoundTextArena.chunkSize), in: arena) != nil)
        #expect(store("", in: arena) != nil)
    }
}
