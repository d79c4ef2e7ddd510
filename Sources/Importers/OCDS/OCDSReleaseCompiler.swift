import Domain
import Formats
import Foundation

/// Compiles a contracting process's releases into one compiled release, following the OCDS 1.1 merge rules:
/// releases in date order, each field takes the latest value given, objects merge field by field, arrays of
/// objects with `id` merge element by element by id, other arrays are replaced whole, `null` removes a field.
enum OCDSReleaseCompiler {
    /// The compiled release of `releases` (JSON objects), or nil when there are none.
    static func compile(_ releases: [JSONValue]) -> JSONValue? {
        let ordered = releases.enumerated().sorted { left, right in
            let leftDate = sortKey(left.element)
            let rightDate = sortKey(right.element)
            return leftDate == rightDate ? left.offset < right.offset : leftDate < rightDate
        }.map(\.element)
        guard !ordered.isEmpty else { return nil }
        var compiled: [String: JSONValue] = [:]
        for release in ordered {
            guard case .object(let members) = release else { continue }
            merge(&compiled, members)
        }
        let ocid = compiled["ocid"]?.text ?? ""
        let date = compiled["date"]?.text ?? ""
        compiled["id"] = .string("\(ocid)-\(date)")
        compiled["tag"] = .array([.string("compiled")])
        return .object(compiled)
    }

    /// The release date as an instant for ordering (undated releases first).
    private static func sortKey(_ release: JSONValue) -> Double { sortKey(date: release["date"]?.text) }

    /// A release date's text as an instant for ordering (undated releases first).
    static func sortKey(date text: String?) -> Double {
        guard let text, case .date(let date) = ProcurementDate.parse(text) else { return -.infinity }
        return date.timeIntervalSince1970
    }

    static func merge(_ base: inout [String: JSONValue], _ update: [String: JSONValue]) {
        for (key, value) in update {
            switch value {
            case .null:
                base.removeValue(forKey: key)
            case .object(let members):
                // Take the stored object out before changing it, so it is mutated in place, not copied.
                var existing: [String: JSONValue] = [:]
                if case .object(let stored)? = base.removeValue(forKey: key) { existing = stored }
                merge(&existing, members)
                base[key] = .object(existing)
            case .array(let elements) where isIdentifiedArray(elements):
                var merged: [JSONValue] = []
                if case .array(let existing)? = base.removeValue(forKey: key), isIdentifiedArray(existing) {
                    merged = existing
                }
                var positions: [String: Int] = [:]
                for (position, element) in merged.enumerated() {
                    if let id = element["id"]?.text { positions[id] = position }
                }
                for element in elements {
                    guard case .object(let members) = element, let id = members["id"]?.text else { continue }
                    if let position = positions[id], case .object(var current) = merged[position] {
                        merged[position] = .null
                        merge(&current, members)
                        merged[position] = .object(current)
                    } else {
                        var fresh: [String: JSONValue] = [:]
                        merge(&fresh, members)
                        positions[id] = merged.count
                        merged.append(.object(fresh))
                    }
                }
                base[key] = .array(merged)
            default:
                base[key] = value
            }
        }
    }

    /// True when every element is an object with an `id` (then the array merges by id).
    private static func isIdentifiedArray(_ elements: [JSONValue]) -> Bool {
        !elements.isEmpty && elements.allSatisfy { $0["id"]?.text != nil }
    }
}
