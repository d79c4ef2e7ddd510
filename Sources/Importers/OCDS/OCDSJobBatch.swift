import Foundation

/// Jobs gathered to be read together: a few hundred, and never more than a few megabytes, so memory stays bounded
/// whatever the size of the elements.
struct OCDSJobBatch {
    /// Enough jobs per batch to keep every core busy between hand-overs.
    static let maxJobs = 256
    /// The bytes a batch may hold before it is read.
    static let maxBytes = 16 << 20

    private(set) var jobs: [OCDSJob] = []
    private var bytes = 0

    /// Adds a job; true when the batch is full and should be read now.
    mutating func add(_ job: OCDSJob) -> Bool {
        jobs.append(job)
        bytes += job.size
        return jobs.count >= Self.maxJobs || bytes >= Self.maxBytes
    }

    /// The gathered jobs, leaving the batch empty.
    mutating func take() -> [OCDSJob] {
        defer {
            jobs.removeAll(keepingCapacity: true)
            bytes = 0
        }
        return jobs
    }
}
