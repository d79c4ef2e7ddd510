import Domain
import Foundation

/// A stored `banderas` run as published: the run row, each indicator's Spanish name and explanation as they were
/// when it ran, and its flags with their evidence.
public struct StoredRedFlagRun: Sendable, Hashable {
    /// An indicator of the run, with the text it was published with.
    public struct Indicator: Sendable, Hashable {
        public var id: String
        /// nil for runs stored before names were kept.
        public var nameES: String?
        public var explanation: String?
        public var flags: Int
        public var evaluated: Int

        /// Creates an indicator entry.
        public init(id: String, nameES: String?, explanation: String?, flags: Int, evaluated: Int) {
            self.id = id
            self.nameES = nameES
            self.explanation = explanation
            self.flags = flags
            self.evaluated = evaluated
        }
    }

    public var run: RedFlagRunRecord
    /// In the order the run listed them.
    public var indicators: [Indicator]
    /// In the order the run raised them (strongest first).
    public var flags: [RedFlag]

    /// Creates a stored run.
    public init(run: RedFlagRunRecord, indicators: [Indicator], flags: [RedFlag]) {
        self.run = run
        self.indicators = indicators
        self.flags = flags
    }
}
