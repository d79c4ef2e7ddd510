import Foundation

/// An append-only array kept in fixed-size chunks, for the hundred thousand entries a national year adds up.
///
/// A Swift array grows by doubling and copying: at its last growth the old and the new buffer are both alive, a
/// year's entries one and a half to two times over (the peak of an export). Chunks are reserved whole and never
/// copied, so what is held is the entries and at most one part-filled chunk.
public struct ChunkedArray<Element>: RandomAccessCollection, MutableCollection {
    private var chunks: [[Element]] = []
    public private(set) var count = 0
    /// Elements per chunk.
    public let chunkSize: Int

    public init(chunkSize: Int = 4096) {
        precondition(chunkSize > 0, "a chunk holds at least one element")
        self.chunkSize = chunkSize
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> Element {
        get {
            precondition(position >= 0 && position < count, "index out of range")
            return chunks[position / chunkSize][position % chunkSize]
        }
        _modify {
            precondition(position >= 0 && position < count, "index out of range")
            yield &chunks[position / chunkSize][position % chunkSize]
        }
    }

    public mutating func append(_ element: Element) {
        if count % chunkSize == 0 {
            var chunk: [Element] = []
            chunk.reserveCapacity(chunkSize)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(element)
        count += 1
    }
}

extension ChunkedArray: Sendable where Element: Sendable {}
