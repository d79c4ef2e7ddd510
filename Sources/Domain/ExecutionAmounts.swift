import Foundation

/// The amounts of one budget line at one cut-off, in exact centavos.
///
/// `modificado` is the net of every modification (adiciones − disminuciones ± traspasos ± transferencias);
/// sources that print only a signed `modificado` and sources that print the parts end up equal here.
/// Precomprometido and comprometido are nil when the source does not report them (the MINFIN open-data
/// layout has neither).
public struct ExecutionAmounts: Hashable, Sendable, Codable {
    public var asignado: Money
    public var modificado: Money
    public var vigente: Money
    public var precomprometido: Money?
    public var comprometido: Money?
    public var devengado: Money
    public var pagado: Money
    /// Devengado per month (1…12) when the source breaks it down; empty otherwise.
    public var devengadoMensual: MonthlyAmounts
    /// The parts of ``modificado`` (adiciones, disminuciones, traspasos…) when the source prints them; nil when
    /// it gives only the net.
    public var modificaciones: BudgetModifications?

    public init(
        asignado: Money, modificado: Money, vigente: Money, precomprometido: Money? = nil, comprometido: Money? = nil,
        devengado: Money, pagado: Money, devengadoMensual: MonthlyAmounts = [:],
        modificaciones: BudgetModifications? = nil
    ) {
        self.asignado = asignado
        self.modificado = modificado
        self.vigente = vigente
        self.precomprometido = precomprometido
        self.comprometido = comprometido
        self.devengado = devengado
        self.pagado = pagado
        self.devengadoMensual = devengadoMensual
        self.modificaciones = modificaciones
    }

    /// All zero: the neutral element for sums.
    public static let zero = ExecutionAmounts(
        asignado: .zero, modificado: .zero, vigente: .zero, devengado: .zero, pagado: .zero)

    /// Devengado of the given months (from the monthly breakdown).
    /// - Throws: ``MoneyOverflowError`` when the months add up beyond 64-bit centavos.
    public func devengado(inMonths months: ClosedRange<Int>) throws(MoneyOverflowError) -> Money {
        try Money.sum(months.compactMap { devengadoMensual[$0] })
    }

    /// % ejecución: devengado / vigente, in percent with two decimals (nil when vigente is zero).
    public var porcentajeEjecucion: Decimal? { devengado.percent(of: vigente) }

    /// Adds another line's amounts in place: `self = try self + other`, without building a new value (and a new
    /// month map) for every line of a running total.
    /// - Throws: ``MoneyOverflowError`` when any amount adds up beyond 64-bit centavos; `self` is then unchanged.
    public mutating func add(_ other: ExecutionAmounts) throws(MoneyOverflowError) {
        if isZero {
            self = other
            return
        }
        if other.isZero { return }
        // Every sum is checked before anything changes, so a throw leaves `self` as it was.
        let parts: BudgetModifications?
        if let left = modificaciones, let right = other.modificaciones { parts = try left + right } else { parts = nil }
        for (month, amount) in other.devengadoMensual { _ = try (devengadoMensual[month] ?? .zero) + amount }
        let sums = (
            asignado: try asignado + other.asignado, modificado: try modificado + other.modificado,
            vigente: try vigente + other.vigente, devengado: try devengado + other.devengado,
            pagado: try pagado + other.pagado
        )
        var precomprometidoSum: Money?
        if precomprometido != nil || other.precomprometido != nil {
            precomprometidoSum = try (precomprometido ?? .zero) + (other.precomprometido ?? .zero)
        }
        var comprometidoSum: Money?
        if comprometido != nil || other.comprometido != nil {
            comprometidoSum = try (comprometido ?? .zero) + (other.comprometido ?? .zero)
        }
        (asignado, modificado, vigente, devengado, pagado) = sums
        precomprometido = precomprometidoSum
        comprometido = comprometidoSum
        modificaciones = parts
        for (month, amount) in other.devengadoMensual {
            devengadoMensual[month] = Money(centavos: (devengadoMensual[month] ?? .zero).centavos + amount.centavos)
        }
    }

    /// True when equal to ``zero`` (compared field by field, cheaper than `==` with its month map).
    private var isZero: Bool {
        asignado == .zero && modificado == .zero && vigente == .zero && precomprometido == nil && comprometido == nil
            && devengado == .zero && pagado == .zero && devengadoMensual.isEmpty && modificaciones == nil
    }

    /// Adds another line's amounts (an unknown comprometido stays unknown only if both are; the parts of the
    /// modifications stay known only if both lines have them).
    /// - Throws: ``MoneyOverflowError`` when any amount adds up beyond 64-bit centavos.
    public static func + (lhs: ExecutionAmounts, rhs: ExecutionAmounts) throws(MoneyOverflowError) -> ExecutionAmounts {
        func optionalSum(_ a: Money?, _ b: Money?) throws(MoneyOverflowError) -> Money? {
            a == nil && b == nil ? nil : try (a ?? .zero) + (b ?? .zero)
        }
        // `.zero` is the start of every sum: it must not make the parts unknown.
        let parts: BudgetModifications?
        if lhs == .zero {
            parts = rhs.modificaciones
        } else if rhs == .zero {
            parts = lhs.modificaciones
        } else if let left = lhs.modificaciones, let right = rhs.modificaciones {
            parts = try left + right
        } else {
            parts = nil
        }
        var months = lhs.devengadoMensual
        for (month, amount) in rhs.devengadoMensual { months[month] = try (months[month] ?? .zero) + amount }
        return ExecutionAmounts(
            asignado: try lhs.asignado + rhs.asignado, modificado: try lhs.modificado + rhs.modificado,
            vigente: try lhs.vigente + rhs.vigente,
            precomprometido: try optionalSum(lhs.precomprometido, rhs.precomprometido),
            comprometido: try optionalSum(lhs.comprometido, rhs.comprometido),
            devengado: try lhs.devengado + rhs.devengado, pagado: try lhs.pagado + rhs.pagado,
            devengadoMensual: months, modificaciones: parts)
    }
}
