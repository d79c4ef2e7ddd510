import Foundation

/// The elements of an array of a ``JSONValue`` tree, read in order.
struct JSONTreeUnkeyedContainer: JSONElementReading {
    let elements: [JSONValue]
    let codingPath: [any CodingKey]
    private(set) var currentIndex = 0

    init(elements: [JSONValue], codingPath: [any CodingKey]) {
        self.elements = elements
        self.codingPath = codingPath
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    /// The next element, moving past it only when it is read successfully (as `JSONDecoder` does).
    private func next(_ type: Any.Type) throws -> JSONTreeDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                type,
                .init(
                    codingPath: codingPath + [JSONTreeIndexKey(index: currentIndex)],
                    debugDescription: "el arreglo no tiene más elementos"))
        }
        return JSONTreeDecoder(
            value: elements[currentIndex], codingPath: codingPath + [JSONTreeIndexKey(index: currentIndex)])
    }

    /// Reads the next element with `body`; `type` names what was expected when there is none.
    mutating func read<R>(_ type: Any.Type, _ body: (JSONTreeDecoder) throws -> R) throws -> R {
        let result = try body(try next(type))
        currentIndex += 1
        return result
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, case .null = elements[currentIndex] else { return false }
        currentIndex += 1
        return true
    }

    mutating func superDecoder() throws -> any Decoder { try read(JSONValue.self) { $0 as any Decoder } }
}
