import Foundation

/// One progress line on stderr for all running transfers: bytes, rate and time left.
///
/// Transfers report from their own threads; the board aggregates them under a lock and redraws
/// at most a few times a second, and only once a download has run for `quietFor` seconds, so
/// short downloads print nothing.
public final class ProgressBoard: @unchecked Sendable {
    // @unchecked: all mutable state is guarded by `lock`.
    private struct Transfer {
        var started: Date
        var firstDone: Int64?
        var done: Int64 = 0
        var total: Int64?
    }

    private let lock = NSLock()
    private let write: @Sendable (String) -> Void
    private let quietFor: Double
    private let interval: Double
    private var transfers: [Int: Transfer] = [:]
    private var nextID = 0
    private var lastDraw = Date.distantPast
    private var drewSomething = false

    /// - parameter write: receives each redraw (defaults to stderr).
    public init(
        quietFor: Double = 1, interval: Double = 0.25,
        write: @escaping @Sendable (String) -> Void = ProgressBoard.standardError
    ) {
        self.quietFor = quietFor
        self.interval = interval
        self.write = write
    }

    /// Writes to stderr without a newline.
    public static let standardError: @Sendable (String) -> Void = { text in
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Registers a transfer; report through the handle and call `finish()` on it at the end.
    public func begin() -> Handle {
        lock.withLock {
            nextID += 1
            transfers[nextID] = Transfer(started: Date())
            return Handle(board: self, id: nextID)
        }
    }

    /// A transfer's connection to the board.
    public struct Handle: Sendable {
        let board: ProgressBoard
        let id: Int

        /// Bytes of the file present so far (resumed bytes included) and the file's size if known.
        public func update(done: Int64, total: Int64?) { board.update(id: id, done: done, total: total) }

        /// Removes the transfer; clears the line when nothing else is running.
        public func finish() { board.finish(id: id) }
    }

    private func update(id: Int, done: Int64, total: Int64?) {
        let line: String? = lock.withLock {
            guard var transfer = transfers[id] else { return nil }
            if transfer.firstDone == nil { transfer.firstDone = done }
            transfer.done = done
            transfer.total = total
            transfers[id] = transfer
            let now = Date()
            guard now.timeIntervalSince(lastDraw) >= interval,
                transfers.values.contains(where: { now.timeIntervalSince($0.started) >= quietFor })
            else { return nil }
            lastDraw = now
            drewSomething = true
            return renderLocked(now: now)
        }
        if let line { write("\r\u{1B}[K" + line) }
    }

    private func finish(id: Int) {
        let clear: Bool = lock.withLock {
            transfers[id] = nil
            guard transfers.isEmpty, drewSomething else { return false }
            drewSomething = false
            return true
        }
        if clear { write("\r\u{1B}[K") }
    }

    private func renderLocked(now: Date) -> String {
        let values = Array(transfers.values)
        let done = values.reduce(Int64(0)) { $0 + $1.done }
        let fresh = values.reduce(Int64(0)) { $0 + ($1.done - ($1.firstDone ?? $1.done)) }
        let elapsed = values.map { now.timeIntervalSince($0.started) }.max() ?? 0
        let totals = values.compactMap(\.total)
        let total: Int64? = totals.count == values.count ? totals.reduce(0, +) : nil
        let rate = elapsed > 0 ? Int64(Double(fresh) / elapsed) : 0
        return ProgressLine.render(active: values.count, done: done, total: total, bytesPerSecond: rate)
    }
}
