import ArgumentParser
import Dispatch
import Foundation
import Pipeline

/// Ctrl-C and SIGTERM during an import: the pipeline is asked to stop, its transaction is rolled back, and the
/// user reads that the ledger did not change (exit 130 or 143, as a shell expects). Outside an import the
/// signals keep their usual effect.
final class Interruption: @unchecked Sendable {
    // @unchecked: `signalNumber` is written on the signal queue before the cancellation it triggers is seen.
    static let shared = Interruption()

    let cancellation = ImportCancellation()
    private var signalNumber: Int32 = 0
    private let queue = DispatchQueue(label: "transparencia.senales")

    /// Runs an import with Ctrl-C and SIGTERM turned into a cancellation of it.
    func whileImporting<T>(_ body: () throws -> T) throws -> T {
        let sources = [SIGINT, SIGTERM].map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [self] in
                signalNumber = number
                cancellation.cancel()
            }
            source.resume()
            return source
        }
        defer {
            for source in sources { source.cancel() }
            signal(SIGINT, SIG_DFL)
            signal(SIGTERM, SIG_DFL)
        }
        do {
            let result = try body()
            if cancellation.isCancelled {
                Terminal.note("interrumpido al terminar: lo importado hasta aquí ya quedó guardado")
                throw ExitCode(128 + signalNumber)
            }
            return result
        } catch PipelineError.cancelled {
            Terminal.note("importación cancelada; el libro de datos no cambió")
            throw ExitCode(128 + (signalNumber == 0 ? SIGINT : signalNumber))
        }
    }
}
