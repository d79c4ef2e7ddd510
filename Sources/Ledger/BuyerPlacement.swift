import Domain
import Foundation
import GRDB

/// Which stored purchases an institution bought, on the buyer's side: its Guatecompras entity (`436-*`, or only
/// the listed units) or, for rows that carry no codes (Guatecompras' flat exports), the entity's or unit's name.
///
/// Names are compared folded (``SearchText/fold(_:)``: accents, case and punctuation ignored), because the same
/// entity is written `SECRETARÍA DE OBRAS SOCIALES…` in one export and `SECRETARIA DE OBRAS SOCIALES… -SOSEP-` in
/// another; the ledger keeps each name folded in an indexed column, so a lookup by name reads only its rows.
struct BuyerPlacement {
    var entity: String?
    var units: [String]
    var names: [String]
    /// Keep rows with neither unit nor entity code when no name is given: the file a user imports is normally
    /// their own (the listings' behaviour); linking leaves them out.
    var keepsUnplacedWithoutNames: Bool

    /// The condition on `procurement` (columns prefixed by `table`, e.g. `p.`) and its arguments; nil when
    /// nothing narrows the buyer.
    func sql(table prefix: String = "") -> (sql: String, arguments: [any DatabaseValueConvertible])? {
        let folded = Array(Set(names.map(SearchText.fold).filter { !$0.isEmpty })).sorted()
        guard entity != nil || !folded.isEmpty else { return nil }
        var alternatives: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let entity {
            if units.isEmpty {
                let range = LikePrefix(prefix: "\(entity)-").sql("\(prefix)buying_unit_code")
                alternatives.append(range.sql)
                arguments += range.arguments
            } else {
                alternatives.append(
                    "\(prefix)buying_unit_code IN (\(units.map { _ in "?" }.joined(separator: ", ")))")
                arguments += units.map { "\(entity)-\($0)" }
            }
        }
        if !folded.isEmpty {
            let list = folded.map { _ in "?" }.joined(separator: ", ")
            alternatives.append(
                "\(prefix)buyer_entity_folded IN (\(list)) OR \(prefix)buying_unit_folded IN (\(list))")
            arguments += folded + folded
        } else if keepsUnplacedWithoutNames {
            alternatives.append("(\(prefix)buying_unit_code IS NULL AND \(prefix)buyer_entity_code IS NULL)")
        }
        return ("(" + alternatives.joined(separator: " OR ") + ")", arguments)
    }
}
