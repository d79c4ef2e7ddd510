import Formats
import Foundation

/// Hands a table's rows to another sink running on a thread of its own, so building rows (reading the ledger)
/// and writing them (privacy guard, CSV, JSON, the disk) use both cores. Rows travel in batches through a
/// bounded queue: memory stays flat whatever the table's size.
///
/// The wrapped sink sees the calls it would have seen, in order, on one thread. Its errors reach the caller at the
/// next ``write(_:)`` or at ``finish(_:)`` (and every call after that throws the same error); read the wrapped
/// sink's results only after ``finish(_:)`` returned. A caller whose table fails while being built calls
/// ``abandon()``, so nothing writes after the failure and the writer's own earlier error is not lost.
public final class ThreadedTableSink: TableSink {
    private enum Event: Sendable {
        case begin(TableHeading)
        case rows([[Cell]])
        case finish(TableFooting)
    }

    /// Owns the wrapped sink; only the writing thread touches it between ``begin(_:)`` and ``finish(_:)``.
    private final class Writer: @unchecked Sendable {
        let sink: any TableSink
        let handoff: BoundedHandoff<Event>
        private var failure: (any Error)?
        private let done = DispatchSemaphore(value: 0)

        init(sink: any TableSink, handoff: BoundedHandoff<Event>) {
            self.sink = sink
            self.handoff = handoff
        }

        func start() {
            let thread = Thread { [self] in
                do {
                    while let event = try handoff.take() {
                        switch event {
                        case .begin(let heading): try sink.begin(heading)
                        case .rows(let rows): for row in rows { try sink.write(row) }
                        case .finish(let footing): try sink.finish(footing)
                        }
                    }
                } catch is BoundedHandoff<Event>.Cancelled {
                    // The producer went away (its table failed): nothing more to write.
                } catch {
                    failure = error
                    handoff.cancel()
                }
                done.signal()
            }
            thread.start()
        }

        /// Waits for the thread; rethrows what the wrapped sink threw. `failure` is written before `done` is
        /// signalled and read only after.
        func join() throws {
            done.wait()
            if let failure { throw failure }
        }
    }

    private let target: any TableSink
    private var writer: Writer?
    /// The writing thread's error, once it stopped on one.
    private var failure: (any Error)?
    private var batch: [[Cell]] = []
    private let batchSize: Int

    /// A sink that forwards to `sink` on a writing thread, `batchSize` rows at a time.
    public init(_ sink: any TableSink, batchSize: Int = 256) {
        self.target = sink
        self.batchSize = batchSize
    }

    public func begin(_ heading: TableHeading) throws {
        try abandon()
        let writer = Writer(sink: target, handoff: BoundedHandoff(capacity: 8))
        writer.start()
        self.writer = writer
        batch.reserveCapacity(batchSize)
        try send(.begin(heading))
    }

    public func write(_ row: [Cell]) throws {
        if let failure { throw failure }
        batch.append(row)
        if batch.count >= batchSize { try sendBatch() }
    }

    public func finish(_ footing: TableFooting) throws {
        if let failure { throw failure }
        guard let writer else { return }
        try sendBatch()
        try send(.finish(footing))
        writer.handoff.finish(error: nil)
        self.writer = nil
        try join(writer)
    }

    private func sendBatch() throws {
        guard !batch.isEmpty else { return }
        let rows = batch
        batch.removeAll(keepingCapacity: true)
        try send(.rows(rows))
    }

    /// Puts an event in the queue; when the writing thread stopped on an error, throws that error.
    private func send(_ event: Event) throws {
        guard let writer else { return }
        do {
            try writer.handoff.put(event)
        } catch is BoundedHandoff<Event>.Cancelled {
            self.writer = nil
            try join(writer)
        }
    }

    /// Waits for the writing thread; keeps its error for every later call.
    private func join(_ writer: Writer) throws {
        do {
            try writer.join()
        } catch {
            failure = error
            throw error
        }
    }

    /// Stops a table that failed while being built: the writing thread ends after the row it is on and nothing is
    /// written after this returns. Throws the writer's own error if it had already stopped on one (it came first).
    public func abandon() throws {
        batch.removeAll()
        if let writer {
            self.writer = nil
            writer.handoff.cancel()
            try? join(writer)  // keeps the writer's error in `failure`
        }
        // The wrapped sink's own file thread, which would otherwise stop only when the sink is freed.
        let files = Result { try (target as? any FieldTableSink)?.abandonFields() }
        if let failure { throw failure }
        try files.get()
    }

    deinit {
        // A table that failed while being built never finished: the writing thread must end before the files it
        // writes are discarded.
        if let writer {
            writer.handoff.cancel()
            try? writer.join()
        }
    }
}

extension ThreadedTableSink: FieldTableSink {
    /// Field-by-field writing when the wrapped sink takes it: rows are then formatted on the calling thread and
    /// the wrapped sink's files written on its own (no thread of this sink is started).
    func beginFields(_ heading: TableHeading) throws -> FieldRowWriter? {
        guard let target = target as? any FieldTableSink else { return nil }
        try abandon()
        return try target.beginFields(heading)
    }

    func finishFields(_ rows: FieldRowWriter, _ footing: TableFooting) throws {
        try (target as? any FieldTableSink)?.finishFields(rows, footing)
    }

    func abandonFields() throws {
        try (target as? any FieldTableSink)?.abandonFields()
    }
}
