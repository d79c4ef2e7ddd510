import Foundation

/// One line of a published summary table: an amount and the percentage the document declares for it.
///
/// Institutions publish such tables (the seed's Tabla 2); the checks recompute the shares from the
/// amounts and compare.
public struct DeclaredShare: Hashable, Sendable, Codable {
    public var ejercicio: Int
    /// 1-based line in the source file, to point the user at it.
    public var line: Int
    public var label: String
    /// The metas product this line stands for, when the file says so.
    public var productCode: String?
    public var amount: Money
    /// The percentage as printed (`16.64`, `57`, `10000`), kept as text so its precision is known.
    public var declaredPercent: String
    /// True for the table's total row.
    public var isTotal: Bool

    public init(
        ejercicio: Int, line: Int, label: String, productCode: String?, amount: Money, declaredPercent: String,
        isTotal: Bool
    ) {
        self.ejercicio = ejercicio
        self.line = line
        self.label = label
        self.productCode = productCode
        self.amount = amount
        self.declaredPercent = declaredPercent
        self.isTotal = isTotal
    }

    /// The declared percentage as an exact decimal.
    public var percentValue: Decimal? { Decimal(string: declaredPercent, locale: Locale(identifier: "en_US_POSIX")) }

    /// How many decimals the document printed (`16.64` → 2, `57` → 0).
    public var percentDecimals: Int {
        guard let dot = declaredPercent.firstIndex(of: ".") else { return 0 }
        return declaredPercent.distance(from: dot, to: declaredPercent.endIndex) - 1
    }
}
