import Foundation
import Synchronization
import Testing

@testable import Formats

/// The hand-off between an import's reading and writing threads.
struct BoundedHandoffTests {
    /// How many tracked elements were freed.
    final class Counter: Sendable {
        let freed = Mutex(0)
        var count: Int { freed.withLock { $0 } }
    }

    /// An element that says when it is freed.
    final class Tracked: Sendable {
        let counter: Counter
        init(_ counter: Counter) { self.counter = counter }
        deinit { counter.freed.withLock { $0 += 1 } }
    }

    @Test("cancelling drops what the producer had put, so a feed given up (a file already imported) holds nothing")
    func cancelDropsElements() throws {
        let freed = Counter()
        let handoff = BoundedHandoff<Tracked>(capacity: 8)
        for _ in 0..<5 { try handoff.put(Tracked(freed)) }
        #expect(freed.count == 0)
        handoff.cancel()
        #expect(freed.count == 5)
        #expect(throws: BoundedHandoff<Tracked>.Cancelled.self) { try handoff.take() }
        #expect(throws: BoundedHandoff<Tracked>.Cancelled.self) { try handoff.put(Tracked(freed)) }
    }

    @Test("a taken element is the consumer's alone: dropping it frees it, while the queue holds what is left")
    func takenElementsAreNotKept() throws {
        let freed = Counter()
        let handoff = BoundedHandoff<Tracked>(capacity: 4)
        for _ in 0..<3 { try handoff.put(Tracked(freed)) }
        for taken in 1...2 {
            _ = try handoff.take()
            #expect(freed.count == taken)
        }
        handoff.finish(error: nil)
        #expect(freed.count == 2)
    }

    @Test("elements come out in order, then the producer's end or error")
    func orderThenEnd() throws {
        let handoff = BoundedHandoff<Int>(capacity: 4)
        let producer = Thread {
            for value in 0..<100 { try? handoff.put(value) }
            handoff.finish(error: nil)
        }
        producer.start()
        var taken: [Int] = []
        while let value = try handoff.take() { taken.append(value) }
        #expect(taken == Array(0..<100))
    }
}
