import Foundation

/// Runs blocking libcurl work on a thread of its own, so async callers never block Swift's cooperative pool.
enum TransferThread {
    static func run<Value: Sendable>(_ body: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: body()) }
            thread.name = "transparencia.fetch"
            thread.start()
        }
    }
}
