import Domain
import Foundation
import GRDB

/// An executed physical goal to a cut-off month (table `executed_goal`), keyed by (ejercicio, code, mes).
struct ExecutedGoalRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    var id: Int64?
    var ejercicio: Int
    var code: String
    var mes: Int
    /// The exact quantity as text, like `meta_fisica`.
    var cantidad: String
    var importRunID: Int64

    static let databaseTableName = "executed_goal"

    enum CodingKeys: String, CodingKey {
        case id, ejercicio, code, mes, cantidad
        case importRunID = "import_run_id"
    }

    enum Columns {
        static let ejercicio = Column(CodingKeys.ejercicio)
        static let code = Column(CodingKeys.code)
        static let mes = Column(CodingKeys.mes)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    init(_ goal: ExecutedGoal, importRunID: Int64) {
        self.ejercicio = goal.ejercicio
        self.code = goal.code
        self.mes = goal.mes
        self.cantidad = "\(goal.cantidad)"
        self.importRunID = importRunID
    }

    /// The Domain value.
    /// - Throws: ``LedgerError/unreadableValue(table:row:column:value:)`` when the stored quantity is not a number.
    func goal() throws -> ExecutedGoal {
        ExecutedGoal(
            ejercicio: ejercicio, code: code, mes: mes,
            cantidad: try LedgerDecimal.parse(
                cantidad, table: "executed_goal", row: "\(ejercicio)/\(code)/\(mes)", column: "cantidad"))
    }

    func sameContent(as other: ExecutedGoalRecord) -> Bool { cantidad == other.cantidad }
}
