import Domain
import Foundation

/// Plans many purchases on every core. Each decision depends only on its purchase, its evidence and the planner
/// (which is pure), so contiguous slices are planned side by side and joined back in the order given: the result,
/// and the error thrown when a purchase cannot be planned (the first in that order), are those of a plain loop.
enum ParallelPlanning {
    /// Below this many purchases a plain loop is cheaper than starting threads.
    static let threshold = 4_000

    /// - Parameter consume: called on the calling thread with each slice's decisions, in order, as soon as the
    ///   slices before it were consumed, while the later slices are still being planned (a linking pass writes
    ///   them meanwhile). When it throws, planning stops and the error is rethrown: an error consuming a slice
    ///   comes before a planning error in a later slice.
    static func decisions(
        _ planner: LinkPlanner, procurements: [LinkableProcurement], evidence: [String: [StoredLinkEvidence]],
        consume: ([LinkDecision]) throws -> Void = { _ in }
    ) throws -> [LinkDecision] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard procurements.count >= threshold, cores > 1 else {
            let decisions = try procurements.map { try planner.plan($0, evidence: evidence[$0.nog] ?? []) }
            try consume(decisions)
            return decisions
        }
        // A few slices per core, so a slow slice (many evidence rows) does not leave a core idle, and the first
        // slice is ready for `consume` early.
        let sliceCount = cores * 4
        let sliceSize = (procurements.count + sliceCount - 1) / sliceCount
        let slices = SliceResults(count: sliceCount)
        let planning = DispatchGroup()
        DispatchQueue.global().async(group: planning) {
            DispatchQueue.concurrentPerform(iterations: sliceCount) { slice in
                let start = slice * sliceSize
                let end = min(start + sliceSize, procurements.count)
                guard start < end, !slices.isStopped else { return slices.store(.success([]), at: slice) }
                let result = Result {
                    try procurements[start..<end].map { try planner.plan($0, evidence: evidence[$0.nog] ?? []) }
                }
                slices.store(result, at: slice)
            }
        }
        // Nothing outlives the call: on an error the remaining slices are skipped, and waited for.
        defer {
            slices.stop()
            planning.wait()
        }
        var out: [LinkDecision] = []
        out.reserveCapacity(procurements.count)
        for slice in 0..<sliceCount {
            let decisions = try slices.take(slice).get()
            try consume(decisions)
            out += decisions
        }
        return out
    }
}
