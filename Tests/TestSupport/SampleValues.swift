import Domain
import Foundation

/// Small domain values for ledger and check tests.
public enum SampleValues {
    /// A product with the given code, goal and budget under SOSEP's sample structure.
    public static func product(
        _ code: String, year: Int = 2022, unit: String = "Persona", meta: Decimal = 100, quetzales: Int64 = 1000,
        actividad: String = "001"
    ) -> Product {
        Product(
            ejercicio: year, code: code, directorate: Directorate(code: "D\(code)", name: "Dirección \(code)"),
            name: "Producto \(code)", meta: PhysicalGoal(unidadMedida: unit, cantidad: meta),
            presupuestoVigente: Money(quetzales: quetzales),
            structure: BudgetStructure(
                entidad: "11130016", unidadEjecutora: "208", programa: "11", actividad: actividad))
    }

    /// A subproduct of a product.
    public static func subproduct(_ code: String, of product: String, unit: String = "Persona", meta: Decimal)
        -> Subproduct
    {
        Subproduct(
            ejercicio: 2022, code: code, productCode: product, name: "Subproducto \(code)",
            meta: PhysicalGoal(unidadMedida: unit, cantidad: meta))
    }

    /// The seed's Tabla 2 exactly as published: rounded shares and a 10000 % total.
    public static let tabla2: [DeclaredShare] = [
        DeclaredShare(
            ejercicio: 2022, line: 5, label: "Dirección y coordinación", productCode: "P01",
            amount: Money(quetzales: 29_634_540), declaredPercent: "16.64", isTotal: false),
        DeclaredShare(
            ejercicio: 2022, line: 6, label: "Atención Integral a la Primera Infancia", productCode: "P02",
            amount: Money(quetzales: 102_153_732), declaredPercent: "57", isTotal: false),
        DeclaredShare(
            ejercicio: 2022, line: 7, label: "Servicio y Asistencia Social", productCode: "P03",
            amount: Money(quetzales: 8_351_601), declaredPercent: "5", isTotal: false),
        DeclaredShare(
            ejercicio: 2022, line: 8, label: "Desarrollo de la Mujer", productCode: "P04",
            amount: Money(quetzales: 7_890_351), declaredPercent: "4", isTotal: false),
        DeclaredShare(
            ejercicio: 2022, line: 9, label: "Atención Integral al Adulto Mayor", productCode: "P05",
            amount: Money(quetzales: 30_030_876), declaredPercent: "17", isTotal: false),
        DeclaredShare(
            ejercicio: 2022, line: 10, label: "TOTAL", productCode: nil, amount: Money(quetzales: 178_061_100),
            declaredPercent: "10000", isTotal: true),
    ]

    /// A source identity for a test import.
    public static func source(_ kind: String, sha256: String) -> (kind: String, file: String, sha256: String) {
        (kind, "\(kind).csv", sha256)
    }
}
