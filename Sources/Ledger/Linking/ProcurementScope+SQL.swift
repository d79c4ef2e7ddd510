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
        } else if let guatecomprasEntity {
            if guatecomprasUnits.isEmpty {
                let units = LikePrefix(prefix: "\(guatecomprasEntity)-").sql("p.buying_unit_code")
                conditions.append(units.sql)
                arguments += units.arguments
            } else {
                conditions.append(
                    "p.buying_unit_code IN (\(guatecomprasUnits.map { _ in "?" }.joined(separator: ", ")))")
                arguments += guatecomprasUnits.map { "\(guatecomprasEntity)-\($0)" }
            }
        }
        return (conditions.joined(separator: " AND "), StatementArguments(arguments))
    }
}
