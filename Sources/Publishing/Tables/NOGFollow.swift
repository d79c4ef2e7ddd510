import Checks
import Domain
import Foundation
import Ledger

/// One NOG from end to end, as a journalist asks first: the process, its awards and suppliers, the budget lines
/// it was charged to, the products and directorates it served (share, method, provenance), their meta física
/// and execution, and every check finding that names it. A text view for the screen and a table (the
/// `seguimiento` dataset) for CSV and JSON, built from the same facts.
public struct NOGFollow: Sendable {
    /// One fact of the view: a row of the table and a line of the text.
    struct Fact: Sendable {
        var section: String
        var field: String
        var value: String
        var amount: Money?
        var share: LinkShare?
        var method: LinkMethod?
        var reference: String?
    }

    public let nog: String
    /// False when the ledger does not hold the NOG.
    public let found: Bool
    /// The fiscal year of the links shown.
    public let ejercicio: Int?
    let title: String
    let facts: [Fact]

    /// The facts as the `seguimiento` table.
    public var table: DataTable {
        var table = DataTable(
            name: Dataset.seguimiento.rawValue, title: "Seguimiento del NOG \(nog)",
            columns: [
                DataColumn(
                    "seccion", .string,
                    "proceso, adjudicacion, presupuesto, producto, meta, ejecucion, sin_vincular o verificacion"),
                DataColumn("campo", .string, "Qué dato es, o el código al que se refiere"),
                DataColumn("valor"),
                DataColumn("monto", .number), DataColumn("participacion", .number, "Parte de la compra (vínculos)"),
                DataColumn("metodo", .string, "evidencia, regla o manual (vínculos)"),
                DataColumn("referencia", .string, "De dónde sale: archivo y línea, regla, severidad"),
            ],
            rows: facts.map { fact in
                [
                    .text(fact.section), .text(fact.field), fact.value.isEmpty ? .empty : .text(fact.value),
                    fact.amount.map(Cell.money) ?? .empty, fact.share.map { .decimal($0.decimal) } ?? .empty,
                    fact.method.map { .text($0.rawValue) } ?? .empty, fact.reference.map(Cell.text) ?? .empty,
                ]
            })
        if !found { table.emptyReason = "el NOG \(nog) no está en el libro de datos" }
        return table
    }

    /// The facts as sections on screen.
    public var text: String {
        guard found else { return "" }
        var lines = [title]
        var section = ""
        for fact in facts {
            if fact.section != section {
                section = fact.section
                lines.append("")
                lines.append(Self.heading(section, ejercicio: ejercicio))
            }
            var line = "  "
            switch fact.section {
            case "proceso": line += "\(fact.field): \(fact.value)"
            default:
                line += [fact.field, fact.value].filter { !$0.isEmpty }.joined(separator: "  ")
            }
            var tail: [String] = []
            if let share = fact.share { tail.append(share.percentText) }
            // Goals and execution already say their amounts in words.
            if let amount = fact.amount, fact.section != "meta", fact.section != "ejecucion" {
                tail.append(amount.formatted)
            }
            if let method = fact.method { tail.append(method.label) }
            if let reference = fact.reference { tail.append(reference) }
            if !tail.isEmpty {
                line +=
                    fact.section == "proceso"
                    ? " · " + tail.joined(separator: " · ") : "\n      " + tail.joined(separator: " · ")
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func heading(_ section: String, ejercicio: Int?) -> String {
        switch section {
        case "proceso": "Proceso"
        case "adjudicacion": "Adjudicaciones y proveedores"
        case "presupuesto": "Líneas presupuestarias a las que se cargó (evidencia)"
        case "producto": "Productos y direcciones a los que sirvió\(ejercicio.map { " (\($0))" } ?? "")"
        case "meta": "Meta física y presupuesto de esos productos"
        case "ejecucion": "Ejecución de esos productos"
        case "sin_vincular": "Sin vincular"
        case "verificacion": "Verificaciones que lo nombran"
        default: section
        }
    }
}
