/// What procurement totals are grouped by.
public enum ProcurementGrouping: Sendable {
    /// The modality's catalog code (`modalidad`).
    case modality
    /// The status of the tender in Guatecompras (`estado`).
    case status

    /// The `procurement` column holding the key.
    var column: String {
        switch self {
        case .modality: "modality_code"
        case .status: "status"
        }
    }
}
