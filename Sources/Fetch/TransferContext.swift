import Formats
import Foundation

/// The state libcurl's C callbacks work on during one attempt, passed to them as an `Unmanaged` pointer.
///
/// `@unchecked Sendable`: it is created on the caller's thread, then used only by the one thread
/// that runs `curl_easy_perform`, and read again after that call returns; never concurrently.
final class TransferContext: @unchecked Sendable {
    /// Why a callback stopped the transfer.
    enum Abort: Equatable {
        case tooLarge
        case rangeMismatch
        case fileSystem(String)
    }

    let url: String
    let slot: CacheSlot
    /// The byte offset requested with `Range` (0 for a full download).
    let requestedOffset: Int64
    let maxBytes: Int64
    let cancellation: CancellationFlag
    let progress: ProgressBoard.Handle?

    private(set) var headers = ResponseHeaders()
    /// Where the body written this attempt starts in the file (0 after a 200, `requestedOffset` after a 206).
    private(set) var startOffset: Int64 = 0
    private(set) var written: Int64 = 0
    private(set) var abort: Abort?
    /// The start of an error response's body, kept for the message.
    private(set) var errorBody = Data()
    private var output: FileHandle?

    init(
        url: String, slot: CacheSlot, requestedOffset: Int64, maxBytes: Int64,
        cancellation: CancellationFlag, progress: ProgressBoard.Handle?
    ) {
        self.url = url
        self.slot = slot
        self.requestedOffset = requestedOffset
        self.maxBytes = maxBytes
        self.cancellation = cancellation
        self.progress = progress
    }

    var isWritingBody: Bool { output != nil }

    /// One header line from libcurl; false stops the transfer.
    func receiveHeader(_ line: String) -> Bool {
        if let fresh = ResponseHeaders.statusLine(line) {
            // A new response (after a redirect or an interim 1xx): forget the previous one's headers.
            headers = fresh
            return true
        }
        if line.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return headers.status == 200 || headers.status == 206 ? beginBody() : true
        }
        headers.add(line: line)
        return true
    }

    /// Opens the `.part` file for a successful response, checking the range and the size first.
    private func beginBody() -> Bool {
        if headers.status == 206 {
            guard let range = headers.contentRangeStart, range.start == requestedOffset else {
                abort = .rangeMismatch
                return false
            }
            startOffset = requestedOffset
            if let complete = range.completeLength, complete > maxBytes { return stop(.tooLarge) }
        } else {
            // A 200 to a ranged request means the server sends the whole file again: start over.
            startOffset = 0
            if let length = headers.contentLength, length > maxBytes { return stop(.tooLarge) }
        }
        do {
            if startOffset == 0 || !FileManager.default.fileExists(atPath: slot.part.path) {
                guard FileManager.default.createFile(atPath: slot.part.path, contents: nil) else {
                    return stop(.fileSystem("no se pudo crear el archivo temporal"))
                }
                startOffset = 0
            }
            let handle = try FileHandle(forWritingTo: slot.part)
            try handle.truncate(atOffset: UInt64(startOffset))
            try handle.seekToEnd()
            output = handle
            // Record the validator before the first byte, so a crash mid-body can still resume safely.
            try JSONFile.write(
                PartialEntry(
                    url: url, etag: headers.etag, lastModified: headers.lastModified,
                    acceptsRanges: headers.acceptRanges == "bytes"),
                to: slot.partMeta)
        } catch {
            return stop(.fileSystem(SystemErrorText.describe(error)))
        }
        return true
    }

    /// A chunk of body from libcurl; false stops the transfer.
    func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let output else {
            // Body of an error response (500, 429…): keep a little for the message, write nothing.
            if errorBody.count < 512 { errorBody.append(contentsOf: bytes.prefix(512 - errorBody.count)) }
            return true
        }
        let count = Int64(bytes.count)
        guard startOffset + written + count <= maxBytes else { return stop(.tooLarge) }
        guard let base = bytes.baseAddress else { return true }
        do {
            try output.write(
                contentsOf: Data(
                    bytesNoCopy: UnsafeMutableRawPointer(mutating: base),
                    count: bytes.count, deallocator: .none))
        } catch {
            return stop(.fileSystem(SystemErrorText.describe(error)))
        }
        written += count
        return true
    }

    /// Progress from libcurl (bytes of this response); false asks libcurl to abort (cancellation).
    func receiveProgress(downloaded: Int64, total: Int64) -> Bool {
        if cancellation.isCancelled { return false }
        if isWritingBody {
            progress?.update(done: startOffset + downloaded, total: total > 0 ? startOffset + total : nil)
        }
        return true
    }

    /// Flushes and closes the `.part` file (called once `curl_easy_perform` returns).
    func closeOutput() {
        try? output?.close()
        output = nil
    }

    private func stop(_ reason: Abort) -> Bool {
        abort = reason
        return false
    }
}
