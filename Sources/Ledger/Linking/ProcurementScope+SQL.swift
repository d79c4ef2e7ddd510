import Domain
import Foundation
import GRDB

extension ProcurementScope {
    /// The SQL condition (on `procurement` aliased `p`) and its arguments that select the scope's purchases.
    var sqlCondition: (sql: String, arguments: StatementArguments) {
        let prefix = String(year) + "-%"
        var conditions = ["(p.published_at LIKE ? OR (p.published_at IS NULL AND p.awarded_at LIKE ?))"]
        var arguments: [(any DatabaseValueConvertible)?] = [prefix, prefix]
        if let placement = buyerCondition {
            conditions.append(placement.sql)
            arguments += placement.arguments
        }
        return (conditions.joined(separator: " AND "), StatementArguments(arguments))
    }

    /// The scope's buyer alone, whatever the purchase's date (on `procurement` aliased `p`); nil when the scope
    /// names no buyer and so covers every purchase.
    var buyerCondition: (sql: String, arguments: [any DatabaseValueConvertible])? {
        if let buyingUnit {
            return ("(p.buying_unit_code = ? OR p.buying_unit_name LIKE ?)", [buyingUnit, "%\(buyingUnit)%"])
        }
        guard
            let placement = BuyerPlacement(
                entity: guatecomprasEntity, units: guatecomprasUnits, names: buyerNames,
                keepsUnplacedWithoutNames: false
            ).sql(table: "p.")
        else { return nil }
        return (placement.sql, placement.arguments)
    }

    /// A condition on a table's `nog` column that keeps the scope buyer's purchases (of any date: a year's links
    /// may name a purchase published the year before), or nil when the scope names no buyer.
    func nogCondition(column: String) -> (sql: String, arguments: [any DatabaseValueConvertible])? {
        buyerCondition.map { ("\(column) IN (SELECT p.nog FROM procurement p WHERE \($0.sql))", $0.arguments) }
    }
}
