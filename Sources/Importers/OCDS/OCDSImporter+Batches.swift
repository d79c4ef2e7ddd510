import Dispatch
import Foundation
import Synchronization

extension OCDSImporter.Run {
    /// Starts reading a batch of jobs on every core and returns at once, so the caller cuts the next batch from the
    /// file meanwhile; the batch before it is handed over first. Events come out in file order, with the same
    /// counts as reading the jobs one by one (decoding, compiling and mapping dominate an import).
    mutating func submit(_ jobs: [OCDSJob]) throws {
        try drain()
        guard !jobs.isEmpty else { return }
        let batch = OCDSBatchInFlight(chunks: min(jobs.count, max(1, ProcessInfo.processInfo.activeProcessorCount) * 4))
        let importer = importer
        let fileName = fileName
        let keepsOffsets = origin == nil
        batch.start {
            DispatchQueue.concurrentPerform(iterations: batch.chunks) { chunk in
                batch.store(
                    Self.read(
                        jobs[(jobs.count * chunk / batch.chunks)..<(jobs.count * (chunk + 1) / batch.chunks)],
                        importer: importer, fileName: fileName, keepsOffsets: keepsOffsets),
                    chunk: chunk)
            }
        }
        inFlight = batch
    }

    /// Waits for the batch in flight, if any, and hands over its events, counts and first failure.
    mutating func drain() throws {
        guard let batch = inFlight else { return }
        inFlight = nil
        for result in batch.results() {
            guard let result else { continue }
            for event in result.events { try handle(event) }
            summary.recordsRead += result.summary.recordsRead
            summary.rejected += result.summary.rejected
            summary.repaired += result.summary.repaired
            if let failure = result.failure { throw failure }
        }
    }

    /// Hands over everything still in flight, then rethrows `error`: the elements before a failing one are
    /// handed over (and their failures win) as when jobs were read one by one.
    mutating func drain(before error: any Error) throws -> Never {
        try drain()
        throw error
    }

    /// Reads one chunk of a batch with a worker of its own.
    private static func read(
        _ jobs: ArraySlice<OCDSJob>, importer: OCDSImporter, fileName: String, keepsOffsets: Bool
    ) -> OCDSBatchInFlight.ChunkResult {
        var events: [OCDSImportEvent] = []
        var worker = OCDSImporter.Run(importer: importer, fileName: fileName) { events.append($0) }
        if !keepsOffsets {
            // Only whether messages give byte offsets matters here; locations come with each job.
            worker.origin = { _ in OCDSLocation(file: fileName, line: 0, offset: 0, path: "") }
        }
        var failure: (any Error)?
        for job in jobs {
            do {
                switch job {
                case .record(let bytes, let location): try worker.record(bytes, at: location)
                case .releases(let releases): try worker.compileGroup(releases)
                }
            } catch {
                failure = error
                break
            }
        }
        return OCDSBatchInFlight.ChunkResult(events: events, summary: worker.summary, failure: failure)
    }
}
