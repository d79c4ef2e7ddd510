import Domain
import Foundation

/// `adjudicaciones` and `proveedores` read the same processes with their awards (1.7 s each on a national year).
/// When an export writes `proveedores` right after `adjudicaciones` on one thread, the suppliers are added up while
/// `adjudicaciones` is written, and `proveedores` is written from them without reading the processes again. With
/// other tables between them the two read apart, as before: the directory (a national year's 180,000 suppliers)
/// would otherwise be held through tables that hold much themselves.
///
/// Adding up can fail (a supplier's awarded sum that leaves 64-bit centavos): the error is kept and thrown when
/// `proveedores` is written, so `adjudicaciones` still succeeds and the failure is `proveedores`', as when each
/// table read the processes itself.
struct SupplierDirectoryBatch {
    /// What `adjudicaciones` left for `proveedores`.
    private enum Kept {
        case directory(SupplierDirectory, processes: Int)
        case failure(any Error)
    }

    private var collects: Bool
    private var kept: Kept?

    /// - Parameter requested: the datasets this thread writes, in order.
    init(requested: [Dataset]) {
        if let awards = requested.firstIndex(of: .adjudicaciones), awards + 1 < requested.count {
            collects = requested[awards + 1] == .proveedores
        } else {
            collects = false
        }
    }

    /// Writes `adjudicaciones` (keeping its suppliers) or `proveedores` (from the kept ones) into `sink` and
    /// returns true; returns false for any other dataset, or when the two are not written together, which are
    /// written as usual. A publication that keeps whole tables (``Datasets/tableCache``) builds them its own way.
    mutating func write(_ dataset: Dataset, datasets: Datasets, scope: DatasetScope, to sink: any TableSink)
        throws -> Bool
    {
        guard collects, datasets.tableCache == nil else { return false }
        let procurement = ProcurementDatasets(ledger: datasets.ledger, scope: scope)
        switch dataset {
        case .adjudicaciones:
            var directory = SupplierDirectory()
            var failure: (any Error)?
            let processes = try procurement.writeAwards(to: sink) { process in
                guard failure == nil else { return }
                do { try directory.add(process) } catch { failure = error }
            }
            kept = failure.map(Kept.failure) ?? .directory(directory, processes: processes)
            return true
        case .proveedores:
            guard let kept else { return false }
            self.kept = nil
            collects = false
            switch kept {
            case .failure(let error): throw error
            case .directory(let directory, let processes):
                try procurement.writeSuppliers(directory, processes: processes, to: sink)
            }
            return true
        default:
            return false
        }
    }
}
