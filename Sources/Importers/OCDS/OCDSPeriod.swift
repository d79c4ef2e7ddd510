import Foundation

/// An OCDS period (`tenderPeriod`, `contracts[].period`), dates kept as text until mapped.
struct OCDSPeriod: Decodable, Sendable {
    var startDate: String?
    var endDate: String?
}
