import Foundation

/// A piece of an OCDS file whose reading needs nothing from the pieces around it, so several are read at once.
enum OCDSJob: Sendable {
    /// One release's bytes and where they sit.
    typealias Release = (bytes: Data, location: OCDSLocation)

    /// One element of `records[]`.
    case record(Data, OCDSLocation)
    /// All releases of one ocid, in file order.
    case releases([Release])

    /// Bytes held, to bound a batch's memory.
    var size: Int {
        switch self {
        case .record(let bytes, _): bytes.count
        case .releases(let releases): releases.reduce(0) { $0 + $1.bytes.count }
        }
    }
}
