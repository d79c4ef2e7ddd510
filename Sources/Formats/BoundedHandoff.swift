import Foundation

/// A bounded queue from one producer thread to one consumer: an import reads and decodes on one core while the
/// ledger writes on the other (and a CSV file is tokenized on a third), and the bound keeps memory flat whatever
/// the file's size.
///
/// Either side can stop the other: the producer finishes (with an error or not); the consumer cancels, and the
/// producer's next `put` throws.
public final class BoundedHandoff<Element: Sendable>: @unchecked Sendable {
    // @unchecked: every stored property is read and written with `condition` locked.
    /// Thrown to the producer when the consumer gave up.
    public struct Cancelled: Error {}

    private let condition = NSCondition()
    private let capacity: Int
    /// Elements put and not yet dropped; a taken one is set to nil at once, so the consumer's copy is the only one
    /// left (kept until 16 more were taken, a national OCDS import's taken batches held 4,000 procurements).
    private var buffer: [Element?] = []
    private var head = 0
    private var finished = false
    private var cancelled = false
    private var failure: (any Error)?

    /// A queue holding at most `capacity` elements.
    public init(capacity: Int = 256) {
        self.capacity = capacity
    }

    /// Adds an element, waiting while the queue is full.
    public func put(_ element: Element) throws {
        condition.lock()
        defer { condition.unlock() }
        while buffer.count - head >= capacity && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        buffer.append(element)
        condition.broadcast()
    }

    /// Marks the end of the stream, with the producer's error if it failed.
    public func finish(error: (any Error)?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next element; nil at the end of the stream. Rethrows the producer's error; throws ``Cancelled`` once
    /// the queue was cancelled (so a consumer waiting on a slow producer wakes up).
    public func take() throws -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while head == buffer.count && !finished && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        if head < buffer.count {
            let element = buffer[head].take()
            head += 1
            // The emptied slots are dropped once they are as many as the queue holds.
            if head >= capacity && head * 2 >= buffer.count {
                buffer.removeFirst(head)
                head = 0
            }
            condition.broadcast()
            return element
        }
        if let failure { throw failure }
        return nil
    }

    /// Stops the producer (its next `put` throws ``Cancelled``) and drops what it had put.
    public func cancel() {
        condition.lock()
        cancelled = true
        buffer.removeAll()
        head = 0
        condition.broadcast()
        condition.unlock()
    }
}
