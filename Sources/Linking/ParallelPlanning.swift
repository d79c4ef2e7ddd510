import Domain
import Foundation

/// Plans many purchases on every core. Each decision depends only on its purchase, its evidence and the planner
/// (which is pure), so contiguous slices are planned side by side and joined back in the order given: the result,
/// and the error thrown when a purchase cannot be planned (the first in that order), are those of a plain loop.
enum ParallelPlanning {
    /// Below this many purchases a plain loop is cheaper than starting threads.
    static let threshold = 4_000

    static func decisions(
        _ planner: LinkPlanner, procurements: [LinkableProcurement], evidence: [String: [StoredLinkEvidence]]
    ) throws -> [LinkDecision] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard procurements.count >= threshold, cores > 1 else {
            return try procurements.map { try planner.plan($0, evidence: evidence[$0.nog] ?? []) }
        }
        // A few slices per core, so a slow slice (many evidence rows) does not leave a core idle.
        let sliceCount = cores * 4
        let sliceSize = (procurements.count + sliceCount - 1) / sliceCount
        let slices = SliceResults(count: sliceCount)
        DispatchQueue.concurrentPerform(iterations: sliceCount) { slice in
            let start = slice * sliceSize
            let end = min(start + sliceSize, procurements.count)
            guard start < end else { return }
            let result = Result {
                try procurements[start..<end].map { try planner.plan($0, evidence: evidence[$0.nog] ?? []) }
            }
            slices.store(result, at: slice)
        }
        var out: [LinkDecision] = []
        out.reserveCapacity(procurements.count)
        for result in slices.all() {
            guard let result else { continue }
            out += try result.get()
        }
        return out
    }
}
