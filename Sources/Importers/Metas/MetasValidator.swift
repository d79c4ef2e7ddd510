import Domain
import Foundation

/// Turns raw metas rows (from CSV or JSON) into products, subproducts and executed goals, collecting every
/// problem: bad numbers, duplicate codes, subproducts whose product is missing, executed goals without cut-off.
struct MetasValidator {
    private var parsing: FieldParsing
    private let file: String
    private let options: MetasImportOptions

    init(file: String, options: MetasImportOptions = MetasImportOptions()) {
        self.file = file
        self.options = options
        self.parsing = FieldParsing(file: file)
    }

    /// Validates rows whose columns are `keys`; `executedOnly` when the file holds executed goals alone.
    mutating func validate(_ rows: [RawRow], keys: Set<String>, executedOnly: Bool) -> (Metas, [Diagnostic]) {
        let executed = ExecutedGoalReading(keys: keys, rows: rows, optionMonth: options.mes)
        if executedOnly {
            let metas = validateExecuted(rows, executed)
            return (metas, parsing.diagnostics)
        }
        var metas = validatePlanned(rows)
        for row in rows {
            let ejercicio = Int(row[MetasColumns.ejercicio])
            let code = row[MetasColumns.codigo]
            if let goal = executed.read(row, ejercicio: ejercicio, code: code.isEmpty ? nil : code, parsing: &parsing) {
                metas.executed.append(goal)
            }
        }
        return (metas, parsing.diagnostics)
    }

    /// A file of executed goals alone: each row names a code (already in the ledger) and its executed quantity.
    private mutating func validateExecuted(_ rows: [RawRow], _ executed: ExecutedGoalReading) -> Metas {
        typealias C = MetasColumns
        var metas = Metas()
        var firstSeen: [String: RawRow] = [:]
        for row in rows {
            let ejercicio: Int?
            if row[C.ejercicio].isEmpty, let year = options.ejercicio {
                ejercicio = year
            } else if row[C.ejercicio].isEmpty {
                parsing.fail(row, C.ejercicio, "falta el ejercicio: agregue la columna «ejercicio» o indique --year")
                ejercicio = nil
            } else {
                ejercicio = parsing.integer(row, C.ejercicio)
            }
            let code = parsing.text(row, C.codigo)
            guard let goal = executed.read(row, ejercicio: ejercicio, code: code, parsing: &parsing) else {
                if let code, executed.accumulatedColumn.map({ row[$0].isEmpty }) ?? true,
                    !executed.monthColumns.contains(where: { !row[$0.column].isEmpty })
                {
                    parsing.fail(
                        row, executed.accumulatedColumn ?? C.codigo, "«\(code)» no tiene cantidad ejecutada")
                }
                continue
            }
            let key = "\(goal.ejercicio)/\(goal.code)/\(goal.mes)"
            if let earlier = firstSeen[key] {
                let place = earlier.line.map { "la línea \($0)" } ?? (earlier.path ?? "antes")
                parsing.fail(
                    row, C.codigo,
                    "el código «\(goal.code)» del ejercicio \(goal.ejercicio) ya tiene ejecución al mes \(goal.mes) "
                        + "(en \(place))")
                continue
            }
            firstSeen[key] = row
            metas.executed.append(goal)
        }
        return metas
    }

    private mutating func validatePlanned(_ rows: [RawRow]) -> Metas {
        typealias C = MetasColumns
        var metas = Metas()
        var firstSeen: [String: RawRow] = [:]
        var pendingSubproducts: [(Subproduct, RawRow)] = []
        for row in rows {
            let ejercicio = parsing.integer(row, C.ejercicio)
            let code = parsing.text(row, C.codigo)
            let name = parsing.text(row, C.nombre)
            let unit = parsing.text(row, C.unidadMedida)
            let quantity = parsing.quantity(row, C.metaFisica)
            let level = row[C.nivel].lowercased()
            if let ejercicio, let code {
                let key = "\(ejercicio)/\(code)"
                if let earlier = firstSeen[key] {
                    let place = earlier.line.map { "la línea \($0)" } ?? (earlier.path ?? "antes")
                    parsing.fail(
                        row, C.codigo,
                        "el código «\(code)» del ejercicio \(ejercicio) está duplicado (ya aparece en \(place))")
                } else {
                    firstSeen[key] = row
                }
            }
            switch level {
            case "producto":
                let amount = parsing.money(row, C.presupuestoVigente, required: true)
                let directorateCode = parsing.text(row, C.direccionCodigo)
                let directorate = parsing.text(row, C.direccion)
                let structure = budgetStructure(row)
                guard let ejercicio, let code, let name, let unit, let quantity, let amount, let directorateCode,
                    let directorate, let structure
                else { continue }
                metas.products.append(
                    Product(
                        ejercicio: ejercicio, code: code,
                        directorate: Directorate(code: directorateCode, name: directorate),
                        name: name, meta: PhysicalGoal(unidadMedida: unit, cantidad: quantity),
                        presupuestoVigente: amount,
                        structure: structure))
            case "subproducto":
                let parent = parsing.text(row, C.productoPadre)
                let amount = parsing.money(row, C.presupuestoVigente, required: false)
                guard let ejercicio, let code, let name, let unit, let quantity, let parent else { continue }
                pendingSubproducts.append(
                    (
                        Subproduct(
                            ejercicio: ejercicio, code: code, productCode: parent, name: name,
                            meta: PhysicalGoal(unidadMedida: unit, cantidad: quantity), presupuestoVigente: amount), row
                    ))
            default:
                parsing.fail(row, C.nivel, "«\(row[C.nivel])» no es un nivel válido (use «producto» o «subproducto»)")
            }
        }
        let productKeys = Set(metas.products.map { "\($0.ejercicio)/\($0.code)" })
        let declaredProducts = Set(
            rows.filter { $0[C.nivel].lowercased() == "producto" }.map { "\($0[C.ejercicio])/\($0[C.codigo])" })
        for (subproduct, row) in pendingSubproducts {
            let key = "\(subproduct.ejercicio)/\(subproduct.productCode)"
            if productKeys.contains(key) {
                metas.subproducts.append(subproduct)
            } else if !declaredProducts.contains(key) {
                parsing.fail(
                    row, C.productoPadre,
                    "el producto «\(subproduct.productCode)» del ejercicio \(subproduct.ejercicio) no existe en el archivo"
                )
            }
        }
        return metas
    }

    /// The product's budget structure; subprograma, proyecto and obra default to zeros when blank.
    private mutating func budgetStructure(_ row: RawRow) -> BudgetStructure? {
        typealias C = MetasColumns
        let entidad = parsing.text(row, C.entidad)
        let unidad = parsing.text(row, C.unidadEjecutora)
        let programa = parsing.text(row, C.programa)
        let actividad = parsing.text(row, C.actividad)
        for column in [C.entidad, C.unidadEjecutora, C.programa, C.subprograma, C.proyecto, C.actividad, C.obra]
        where !row[column].allSatisfy(\.isNumber) {
            parsing.fail(row, column, "el código «\(row[column])» debe tener solo dígitos")
        }
        guard let entidad, let unidad, let programa, let actividad else { return nil }
        return BudgetStructure(
            entidad: entidad, unidadEjecutora: unidad, programa: programa,
            subprograma: row[C.subprograma].isEmpty ? "00" : row[C.subprograma],
            proyecto: row[C.proyecto].isEmpty ? "000" : row[C.proyecto], actividad: actividad,
            obra: row[C.obra].isEmpty ? "000" : row[C.obra])
    }
}
