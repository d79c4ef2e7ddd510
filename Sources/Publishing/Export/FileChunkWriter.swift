import Formats
import Foundation

/// Writes a table's CSV and JSON bytes, chunk by chunk, on a thread of its own: the thread that formats rows
/// hands full buffers over and goes on while this one hashes them and waits for the disk.
///
/// Only the CSV is hashed: the descriptor gives the CSV's SHA-256 and size, and none for the JSON (see
/// ``DataPackageDescriptor``), whose hash would cost a second of CPU on a national year for nothing.
///
/// Errors of the files reach the formatting thread at its next ``write(csv:json:)`` or at ``finish()``; a table
/// that fails while being built calls ``abandon()``, so nothing is written after the failure.
final class FileChunkWriter {
    private struct Chunk: Sendable {
        var csv: ByteStorage
        var json: ByteStorage
    }

    /// Owns the two files; only the writing thread touches them until it ended.
    private final class Files: @unchecked Sendable {
        let csv: BufferedFileWriter
        let json: BufferedFileWriter
        let handoff = BoundedHandoff<Chunk>(capacity: 3)
        /// The CSV's SHA-256 and size, complete once `done` is signalled.
        var csvDigest = FileDigest.Running()
        let pool: ByteStoragePool
        /// Written by the thread before `done` is signalled, read only after.
        var failure: (any Error)?
        let done = DispatchSemaphore(value: 0)

        init(csv: BufferedFileWriter, json: BufferedFileWriter, pool: ByteStoragePool) {
            self.csv = csv
            self.json = json
            self.pool = pool
        }
    }

    private let files: Files
    private var running = true

    /// Written chunks go back to `pool`.
    init(csv: BufferedFileWriter, json: BufferedFileWriter, pool: ByteStoragePool) {
        files = Files(csv: csv, json: json, pool: pool)
        let thread = Thread { [files] in
            do {
                while let chunk = try files.handoff.take() {
                    try files.csv.writeThrough(chunk.csv.bytes)
                    files.csvDigest.update(chunk.csv.bytes)
                    try files.json.writeThrough(chunk.json.bytes)
                    files.pool.recycle(chunk.csv)
                    files.pool.recycle(chunk.json)
                }
            } catch is BoundedHandoff<Chunk>.Cancelled {
                // The table failed while being built: nothing more to write.
            } catch {
                files.failure = error
                files.handoff.cancel()
            }
            files.done.signal()
        }
        thread.start()
    }

    /// Hands both buffers to the writing thread.
    /// - Throws: the error a file write stopped on.
    func write(csv: ByteStorage, json: ByteStorage) throws {
        do {
            try files.handoff.put(Chunk(csv: csv, json: json))
        } catch is BoundedHandoff<Chunk>.Cancelled {
            try join()
        }
    }

    /// Waits for every chunk to be written and closes both files; returns the CSV's size and SHA-256.
    func finish() throws -> FileDigest {
        files.handoff.finish(error: nil)
        try join()
        try files.csv.close()
        try files.json.close()
        return files.csvDigest.finish()
    }

    /// Stops after the chunk being written; nothing is written once this returns.
    /// - Throws: the error a file write had stopped on before.
    func abandon() throws {
        files.handoff.cancel()
        try join()
    }

    private func join() throws {
        if running {
            files.done.wait()
            running = false
        }
        if let failure = files.failure { throw failure }
    }

    deinit {
        if running {
            files.handoff.cancel()
            files.done.wait()
        }
    }
}
