import Foundation

/// The result of one `banderas` run: which indicators ran with which parameters, and the flags they raised.
///
/// The parameters' hash identifies the settings exactly (effective values, thresholds and exclusions used), so
/// the same ledger and the same hash give the same flags.
public struct RedFlagRun: Hashable, Sendable, Codable {
    /// What one indicator did in the run.
    public struct IndicatorOutcome: Hashable, Sendable, Codable {
        public var info: RedFlagIndicatorInfo
        /// The effective parameters (defaults overridden by the settings file).
        public var parameters: [RedFlagParameter]
        /// How many flags it raised.
        public var flagCount: Int
        /// How many purchases or groups it could evaluate (those with the data it needs).
        public var evaluated: Int
        /// Spanish notes about its coverage (`42 procesos sin fecha de cierre no se evaluaron`).
        public var notes: [String]

        /// Creates an outcome.
        public init(
            info: RedFlagIndicatorInfo, parameters: [RedFlagParameter], flagCount: Int, evaluated: Int,
            notes: [String] = []
        ) {
            self.info = info
            self.parameters = parameters
            self.flagCount = flagCount
            self.evaluated = evaluated
            self.notes = notes
        }
    }

    public var ejercicio: Int
    /// Lowercase hex SHA-256 of the canonical parameters text.
    public var parametersHash: String
    /// The canonical parameters text that was hashed (one `clave = valor` per line).
    public var parametersText: String
    /// The indicators run, in registry order.
    public var indicators: [IndicatorOutcome]
    /// Every flag raised, in indicator order then by subject.
    public var flags: [RedFlag]
    /// Purchases the run read (NOG processes and NPG purchases from execution evidence).
    public var purchasesRead: Int
    /// Spanish notes about the whole run (data the ledger lacks).
    public var notes: [String]

    /// Creates a run.
    public init(
        ejercicio: Int, parametersHash: String, parametersText: String, indicators: [IndicatorOutcome],
        flags: [RedFlag], purchasesRead: Int, notes: [String] = []
    ) {
        self.ejercicio = ejercicio
        self.parametersHash = parametersHash
        self.parametersText = parametersText
        self.indicators = indicators
        self.flags = flags
        self.purchasesRead = purchasesRead
        self.notes = notes
    }
}
