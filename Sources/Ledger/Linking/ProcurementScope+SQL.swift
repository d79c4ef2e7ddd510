import Domain
import Foundation
import GRDB

extension ProcurementScope {
    /// The SQL condition (on `procurement` aliased `p`) and its arguments that select the scope's purchases.
    var sqlCondition: (sql: String, arguments: StatementArguments) {
        let prefix = String(year) + "-%"
        var conditions = ["(p.published_at LIKE ? OR (p.published_at IS NULL AND p.awarded_at LIKE ?))"]
        var arguments: [(any DatabaseValueConvertible)?] = [prefix, prefix]
        if let buyingUnit {
            conditions.append("(p.buying_unit_code = ? OR p.buying_unit_name LIKE ?)")
            arguments += [buyingUnit, "%\(buyingUnit)%"]
        } else if let placement = BuyerPlacement(
            entity: guatecomprasEntity, units: guatecomprasUnits, names: buyerNames, keepsUnplacedWithoutNames: false
        ).sql(table: "p.") {
            conditions.append(placement.sql)
            arguments += placement.arguments
        }
        return (conditions.joined(separator: " AND "), StatementArguments(arguments))
    }
}
