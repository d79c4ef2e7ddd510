import Foundation

/// One red flag: a reason to look at a process, a group of purchases, a unit or a supplier. Never a finding.
public struct RedFlag: Hashable, Sendable, Codable {
    /// The indicator that raised it (`TR02`).
    public var indicatorID: String
    public var severity: RedFlagSeverity
    public var subject: RedFlagSubject
    /// The fiscal year the indicator worked in.
    public var ejercicio: Int
    /// The indicator's measure, as exact text (`2.99` for a sum 2.99 times the threshold, `0.93` for a share).
    public var value: String?
    /// The amount at stake, when there is one (the episode's sum, the award).
    public var amount: Money?
    /// One Spanish sentence with this flag's facts (`3 compras a NIT … en 3 días suman Q269,325.50 > Q90,000.00`).
    public var detail: String
    /// The rows behind it.
    public var evidence: [RedFlagEvidence]

    /// Creates a flag.
    public init(
        indicatorID: String, severity: RedFlagSeverity, subject: RedFlagSubject, ejercicio: Int, value: String? = nil,
        amount: Money? = nil, detail: String, evidence: [RedFlagEvidence] = []
    ) {
        self.indicatorID = indicatorID
        self.severity = severity
        self.subject = subject
        self.ejercicio = ejercicio
        self.value = value
        self.amount = amount
        self.detail = detail
        self.evidence = evidence
    }
}
