import Dispatch
import Formats
import Foundation
import Synchronization

/// The ocids of a batch of releases, found on a thread of its own while the first pass over a release package cuts
/// the next batch: that pass runs on one core, and finding each release's ocid was a third of it.
final class OCDSOcidScan: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let found = Mutex<[String?]>([])

    /// Starts finding the ocid of each release (by ``JSONTopLevelFields``; nil where the release must be decoded).
    init(_ releases: [Data]) {
        let thread = Thread { [self] in
            let ocids = releases.map { JSONTopLevelFields.scan($0, wanted: ["ocid"])?.strings["ocid"] }
            found.withLock { $0 = ocids }
            done.signal()
        }
        thread.start()
    }

    /// Each release's ocid, in order, once all are found (call once).
    func ocids() -> [String?] {
        done.wait()
        return found.withLock { $0 }
    }
}
