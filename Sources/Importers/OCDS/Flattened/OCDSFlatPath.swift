import Foundation

/// A column header of a flattened OCDS sheet read as the JSON path flatten-tool wrote it: `tender/id`,
/// `awards/0/value/amount`, `compiledRelease/awards/0/suppliers/0/id`.
///
/// Numbers are array positions within one row (flatten-tool writes `0` for the one element a child-sheet row
/// holds, and `0`, `1`, … when a parent row spreads a short list over columns).
struct OCDSFlatPath: Hashable, Sendable, CustomStringConvertible {
    enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    let components: [Component]

    /// The keys that join a child sheet's row to its release or record: the root id columns flatten-tool writes
    /// (`ocid` with `--root-id ocid`, the release `id`, a record's `compiledRelease/id`).
    static let joinKeys: [OCDSFlatPath] = ["ocid", "id", "compiledRelease/id"].compactMap(OCDSFlatPath.init(header:))

    /// Fields whose value is a list of strings, written by flatten-tool as one cell joined with `;`
    /// (`tenderer;supplier`): the string arrays of the OCDS 1.1.5 release schema (`tag`, `parties/roles`,
    /// `tender/submissionMethod`, `tender/additionalProcurementCategories`, `relatedProcesses/relationship`) and
    /// Guatecompras' `dataSegmentation/criteria`.
    static let stringListKeys: Set<String> = [
        "tag", "roles", "submissionMethod", "additionalProcurementCategories", "relationship", "criteria",
    ]

    /// Reads a header; nil when it cannot be a JSON path (empty, or a human title such as `Tender: Title`, which
    /// flatten-tool writes only with `--use-titles`).
    init?(header: String) {
        let trimmed = header.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, !trimmed.contains(where: { $0.isWhitespace || $0 == ":" }) else { return nil }
        var components: [Component] = []
        for part in trimmed.split(separator: "/", omittingEmptySubsequences: false) {
            guard !part.isEmpty else { return nil }
            if part.allSatisfy({ $0.isASCII && $0.isNumber }), let index = Int(part), index < 10_000 {
                components.append(.index(index))
            } else {
                components.append(.key(String(part)))
            }
        }
        // A path starts with a field name: `0/id` is not a column of a release.
        guard case .key = components.first else { return nil }
        self.components = components
    }

    /// How many arrays the path goes through (`awards/0/suppliers/0/id` → 2): a sheet of deeper rows is
    /// merged after the sheets of their parents, so list elements keep the parents' order.
    var depth: Int { components.filter { if case .index = $0 { true } else { false } }.count }

    /// True when the last field holds a list of strings joined with `;`.
    var isStringList: Bool {
        guard case .key(let last)? = components.last else { return false }
        return Self.stringListKeys.contains(last)
    }

    var description: String {
        components.map { component in
            switch component {
            case .key(let key): key
            case .index(let index): String(index)
            }
        }.joined(separator: "/")
    }
}
