import Formats
import Foundation

/// Builds a release (or record) back from flattened rows the way flatten-tool's `unflatten` does: each row
/// states part of one object; objects merge field by field; a list element with an `id` merges into the element
/// with the same id, one without is appended; empty cells state nothing.
enum OCDSFlatTree {
    /// The object one row states: each non-empty cell put at its column's path, as written (strings, lists of
    /// strings for the `;`-joined fields). Values stay text: the OCDS decoders read numbers from text exactly.
    ///
    /// - Returns: the object and the paths whose cells contradict another cell of the same row (a column
    ///   `tender` beside `tender/id`); those cells are left out.
    static func object(cells: [String], columns: [OCDSFlatPath?]) -> (value: JSONValue, clashes: [String]) {
        var root = JSONValue.object([:])
        var clashes: [String] = []
        for (position, column) in columns.enumerated() {
            // Values are kept as written (a trailing space in a JSON title stays), so the tree equals the JSON.
            guard let column, position < cells.count, !cells[position].isEmpty else { continue }
            let text = cells[position]
            let value: JSONValue =
                column.isStringList
                ? .array(
                    text.split(separator: ";").map { .string(OCDSFlatCell.trimmed(String($0))) }
                        .filter { $0 != .string("") })
                : .string(text)
            if !set(value, at: column.components[...], in: &root) { clashes.append(column.description) }
        }
        return (compacted(root), clashes)
    }

    /// Merges `update` into `base`; a value `base` already has is kept, and a different one is reported by path.
    static func merge(_ base: inout JSONValue, _ update: JSONValue, path: String, clashes: inout [String]) {
        switch (base, update) {
        case (.object(var existing), .object(let incoming)):
            // Let go of `base`'s copy so the dictionary is changed in place, not copied.
            base = .null
            for (key, value) in incoming {
                if var current = existing.removeValue(forKey: key) {
                    merge(&current, value, path: path.isEmpty ? key : path + "/" + key, clashes: &clashes)
                    existing[key] = current
                } else {
                    existing[key] = value
                }
            }
            base = .object(existing)
        case (.array(var existing), .array(let incoming)) where incoming.allSatisfy(isObject):
            base = .null
            for element in incoming {
                if let id = element["id"]?.text, let position = existing.firstIndex(where: { $0["id"]?.text == id }) {
                    var current = existing[position]
                    existing[position] = .null
                    merge(&current, element, path: path + "/" + id, clashes: &clashes)
                    existing[position] = current
                } else {
                    existing.append(element)
                }
            }
            base = .array(existing)
        default:
            if base != update { clashes.append(path) }
        }
    }

    private static func isObject(_ value: JSONValue) -> Bool {
        if case .object = value { return true }
        return false
    }

    /// Puts `value` at `path` below `node`, creating objects and lists on the way; false when the way is taken
    /// by a value of another kind.
    private static func set(_ value: JSONValue, at path: ArraySlice<OCDSFlatPath.Component>, in node: inout JSONValue)
        -> Bool
    {
        guard let first = path.first else {
            if node == .null {
                node = value
                return true
            }
            return node == value
        }
        let rest = path.dropFirst()
        switch first {
        case .key(let key):
            guard case .object(var members) = node else { return false }
            node = .null
            var child = members.removeValue(forKey: key) ?? (rest.isEmpty ? .null : container(for: rest))
            let done = set(value, at: rest, in: &child)
            members[key] = child
            node = .object(members)
            return done
        case .index(let index):
            if node == .null { node = .array([]) }
            guard case .array(var elements) = node else { return false }
            node = .null
            // Positions a row skips are padding, removed by `compacted` (cells never hold JSON null).
            while elements.count <= index { elements.append(.null) }
            var child = elements[index]
            elements[index] = .null
            if child == .null && !rest.isEmpty { child = container(for: rest) }
            let done = set(value, at: rest, in: &child)
            elements[index] = child
            node = .array(elements)
            return done
        }
    }

    private static func container(for path: ArraySlice<OCDSFlatPath.Component>) -> JSONValue {
        if case .index? = path.first { return .array([]) }
        return .object([:])
    }

    /// The value without the padding left in lists by positions no cell filled.
    private static func compacted(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members): .object(members.mapValues(compacted))
        case .array(let elements): .array(elements.filter { $0 != .null }.map(compacted))
        default: value
        }
    }
}
