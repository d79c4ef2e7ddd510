import Formats
import Foundation

/// The fields of an object of a compiled release read straight from the releases' tapes, merged as
/// ``OCDSReleaseCompiler`` merges them (see ``OCDSMergedMember``): the values ``OCDSTreeFields`` gives for the
/// compiled tree, or ``JSONTapeError`` (declined) for anything it would reject, so the caller compiles the trees
/// and its errors are the ones shown.
///
/// Compiling the trees parsed every member of every release into dictionaries; a Guatecompras release holds many
/// more members than the ledger reads (addresses, contact points, item attributes, documents).
struct OCDSMergedFields<Key: CodingKey>: OCDSFieldReader {
    /// The objects merged at this place, in merge order; with `merges` false, one object stored as written.
    let sources: [JSONTapeObject]
    let merges: Bool
    /// Members the compiler sets itself (the compiled release's `id` and `tag`).
    let replaced: [String: JSONValue]

    init(sources: [JSONTapeObject], merges: Bool, replaced: [String: JSONValue] = [:]) {
        self.sources = sources
        self.merges = merges
        self.replaced = replaced
    }

    private func member(_ key: Key) throws -> OCDSMergedMember {
        try OCDSMergedMember.resolve(key.stringValue, in: sources, merges: merges)
    }

    /// The tree reader for a member the compiler set, read as the compiled tree gives it.
    private func replacement(_ key: Key) throws -> OCDSTreeFields<Key>? {
        guard !replaced.isEmpty, replaced[key.stringValue] != nil else { return nil }
        return try OCDSTreeFields<Key>(.object(replaced))
    }

    private func declined(_ expected: String, _ key: Key) -> JSONTapeError {
        JSONTapeError(reason: "se esperaba \(expected) en «\(key.stringValue)»")
    }

    func text(_ key: Key) throws -> String? {
        if let tree = try replacement(key) { return try tree.text(key) }
        switch try member(key) {
        case .absent: return nil
        case .whole(let value) where value.kind == .bool: return try value.bool() ? "true" : "false"
        case .whole(let value):
            guard let text = try OCDSMergedMember.text(value) else { throw declined("texto", key) }
            return text
        default: throw declined("texto", key)
        }
    }

    func string(_ key: Key) throws -> String? {
        if let tree = try replacement(key) { return try tree.string(key) }
        switch try member(key) {
        case .absent: return nil
        case .whole(let value) where value.kind == .string: return try value.string()
        default: throw declined("texto", key)
        }
    }

    func decimal(_ key: Key) throws -> Decimal? {
        if let tree = try replacement(key) { return try tree.decimal(key) }
        switch try member(key) {
        case .absent: return nil
        case .whole(let value) where value.kind == .number: return try value.decimal()
        case .whole(let value) where value.kind == .string:
            guard let number = OCDSNumberText.decimal(try value.string()) else { throw declined("un número", key) }
            return number
        default: throw declined("un número", key)
        }
    }

    func capturedDecimal(_ key: Key) throws -> Decimal? {
        if let tree = try replacement(key) { return try tree.capturedDecimal(key) }
        let captured: [JSONTapeObject]
        let capturedMerges: Bool
        switch try member(key) {
        case .objects(let objects):
            captured = objects
            capturedMerges = true
        case .whole(let value) where value.kind == .object:
            captured = [try value.object()]
            capturedMerges = false
        default:
            return try decimal(key)
        }
        let source: String? =
            switch try OCDSMergedMember.resolve("source", in: captured, merges: capturedMerges) {
            case .absent: nil
            case .whole(let value) where value.kind == .string: try value.string()
            default: throw declined("texto", key)
            }
        let parsed: Decimal? =
            switch try OCDSMergedMember.resolve("parsedValue", in: captured, merges: capturedMerges) {
            case .absent: nil
            case .whole(let value) where value.kind == .number: try value.decimal()
            default: throw declined("un número", key)
            }
        return source.flatMap(OCDSNumberText.capturedSource) ?? parsed
    }

    func strings(_ key: Key) throws -> [String]? {
        if let tree = try replacement(key) { return try tree.strings(key) }
        switch try member(key) {
        case .absent: return nil
        case .whole(let value) where value.kind == .array: return try value.elements().map { try $0.string() }
        default: throw declined("un arreglo de textos", key)
        }
    }

    func object<T: OCDSObject>(_ type: T.Type, _ key: Key) throws -> T? {
        if let tree = try replacement(key) { return try tree.object(type, key) }
        switch try member(key) {
        case .absent: return nil
        case .objects(let objects): return try T(fields: OCDSMergedFields<T.CodingKeys>(sources: objects, merges: true))
        case .whole(let value) where value.kind == .object:
            return try T(fields: OCDSMergedFields<T.CodingKeys>(sources: [value.object()], merges: false))
        default: throw declined("un objeto", key)
        }
    }

    func objects<T: OCDSObject>(_ type: T.Type, _ key: Key) throws -> [T]? {
        if let tree = try replacement(key) { return try tree.objects(type, key) }
        switch try member(key) {
        case .absent: return nil
        case .whole(let value) where value.kind == .array:
            // An array that replaced the one before it whole: its objects are stored as written.
            return try value.elements().map {
                try T(fields: OCDSMergedFields<T.CodingKeys>(sources: [$0.object()], merges: false))
            }
        case .identified(let arrays):
            return try Self.mergedByID(arrays).map {
                try T(fields: OCDSMergedFields<T.CodingKeys>(sources: $0, merges: true))
            }
        default: throw declined("un arreglo", key)
        }
    }

    /// The objects of arrays merged by id: one list per id, in order of first appearance, each holding that id's
    /// objects in merge order (a repeated id within one array merges too, as the compiler does).
    private static func mergedByID(_ arrays: [JSONTapeValue]) throws -> [[JSONTapeObject]] {
        var positions: [String: Int] = [:]
        var merged: [[JSONTapeObject]] = []
        for array in arrays {
            for element in try array.elements() {
                let object = try element.object()
                guard let id = try OCDSMergedMember.idText(object) else {
                    throw JSONTapeError(reason: "elemento sin id en un arreglo que se combina por id")
                }
                if let position = positions[id] {
                    merged[position].append(object)
                } else {
                    positions[id] = merged.count
                    merged.append([object])
                }
            }
        }
        return merged
    }
}
