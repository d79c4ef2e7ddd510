import Formats
import Foundation

/// What a compiled release holds under one key of an object, found from the releases' tapes by the merge rules of
/// ``OCDSReleaseCompiler`` without building the merged tree: only the members a reader asks for are looked at.
///
/// The releases' objects at that place are merged in order. The latest one to give the key decides: `null`
/// removes it; a string, number, boolean or array not merged by id replaces it whole; an object merges with the
/// objects given just before it (back to the last value of another kind), and an array of objects with `id` with
/// the arrays of that kind given just before it.
enum OCDSMergedMember {
    /// Missing, `null`, or removed by a later `null`.
    case absent
    /// A value taken whole from one object: a string, number, boolean or array not merged by id (and, in an object
    /// stored as written, also an object).
    case whole(JSONTapeValue)
    /// Objects to merge field by field, in merge order.
    case objects([JSONTapeObject])
    /// Arrays of objects with `id` to merge element by element, in merge order.
    case identified([JSONTapeValue])

    /// The member `key` of `sources` merged in order; with `merges` false, `sources` is one object stored as
    /// written (an element of an array that replaced another whole), whose members are read as they are.
    static func resolve(_ key: String, in sources: [JSONTapeObject], merges: Bool) throws -> Self {
        guard merges else {
            guard let value = sources.last?.lastMember(key), value.kind != .null else { return .absent }
            return .whole(value)
        }
        var objects: [JSONTapeObject] = []
        var arrays: [JSONTapeValue] = []
        for source in sources.reversed() {
            guard let value = source.lastMember(key) else { continue }
            switch value.kind {
            case .object:
                guard arrays.isEmpty else { return .identified(arrays.reversed()) }
                objects.append(try value.object())
            case .array where try isIdentified(value):
                guard objects.isEmpty else { return .objects(objects.reversed()) }
                arrays.append(value)
            default:
                if !objects.isEmpty { return .objects(objects.reversed()) }
                if !arrays.isEmpty { return .identified(arrays.reversed()) }
                return value.kind == .null ? .absent : .whole(value)
            }
        }
        if !objects.isEmpty { return .objects(objects.reversed()) }
        if !arrays.isEmpty { return .identified(arrays.reversed()) }
        return .absent
    }

    /// True when an array merges by id: not empty, and every element an object whose `id` has a text (a string or
    /// a number: the callers read only tapes whose numbers all parse).
    static func isIdentified(_ array: JSONTapeValue) throws -> Bool {
        var elements = try array.elements()
        guard elements.underestimatedCount > 0 else { return false }
        while let element = elements.next() {
            guard element.kind == .object, let id = try element.object().lastMember("id"),
                id.kind == .string || id.kind == .number
            else { return false }
        }
        return true
    }

    /// The text of an object's `id` (the last one given), as the compiler keys merged elements: a string, or a
    /// number's decimal text; nil for anything else.
    static func idText(_ object: JSONTapeObject) throws -> String? {
        guard let id = object.lastMember("id") else { return nil }
        return try text(id)
    }

    /// A string's text or a number's decimal text (as ``JSONValue/text`` gives them); nil for other kinds.
    static func text(_ value: JSONTapeValue) throws -> String? {
        switch value.kind {
        case .string: try value.string()
        case .number: "\(try value.decimal())"
        default: nil
        }
    }
}
