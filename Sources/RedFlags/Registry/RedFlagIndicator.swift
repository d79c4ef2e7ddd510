import Domain
import Foundation

/// One computed indicator: what it is, the parameters it accepts, and how it reads the year's purchases.
protocol RedFlagIndicator: Sendable {
    static var info: RedFlagIndicatorInfo { get }
    static var parameterSpecs: [ParameterSpec] { get }
    init(parameters: IndicatorParameters)
    func evaluate(_ context: FlagContext) throws -> IndicatorResult
}

/// What an indicator returns: its flags, how much it could evaluate, and coverage notes.
struct IndicatorResult: Sendable {
    var flags: [RedFlag] = []
    /// Purchases, groups, units or suppliers it could evaluate.
    var evaluated = 0
    var notes: [String] = []
}
