import Formats
import Foundation

/// Downloads URLs into the cache: conditional requests, resume, retries with backoff, atomic files.
public struct Fetcher: Sendable {
    /// Cache, retries, limits and progress used for every transfer.
    public var settings: FetchSettings

    /// A fetcher with these settings.
    public init(settings: FetchSettings) {
        self.settings = settings
    }

    /// Downloads (or revalidates) one URL and returns the complete cached file.
    public func fetch(_ request: FetchRequest) async throws -> FetchedFile {
        guard let components = URLComponents(string: request.url),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            components.host?.isEmpty == false
        else { throw FetchError.invalidURL(request.url) }

        let slot = settings.cache.slot(for: request.url, fileName: request.fileName)
        try slot.createFolder()
        let progress = settings.progress?.begin()
        defer { progress?.finish() }
        do {
            return try await fetch(request, slot: slot, progress: progress)
        } catch {
            slot.removeFolderIfEmpty()
            throw error
        }
    }

    /// The retry loop for one request.
    private func fetch(_ request: FetchRequest, slot: CacheSlot, progress: ProgressBoard.Handle?) async throws
        -> FetchedFile
    {
        var attempt = 0
        while true {
            attempt += 1
            try Task.checkCancellation()
            let outcome = await attemptOnce(request: request, slot: slot, progress: progress)
            switch outcome {
            case .complete(let headers, let resumed):
                return try finalize(request: request, slot: slot, headers: headers, resumed: resumed)
            case .notModified(let headers):
                return try confirm(request: request, slot: slot, headers: headers)
            case .cancelled:
                throw CancellationError()
            case .fatal(let error):
                if case .tooLarge = error { slot.discardPartial() }
                throw error
            case .restart(let problem):
                slot.discardPartial()
                guard attempt < settings.retry.maxAttempts else {
                    throw FetchError.gaveUp(url: request.url, attempts: attempt, lastProblem: problem)
                }
            case .retryable(let problem, let retryAfter):
                guard attempt < settings.retry.maxAttempts else {
                    throw FetchError.gaveUp(url: request.url, attempts: attempt, lastProblem: problem)
                }
                let delay = settings.retry.delay(
                    beforeRetry: attempt, retryAfter: retryAfter, unitRandom: Double.random(in: 0...1))
                settings.events?(
                    .retrying(
                        url: request.url, nextAttempt: attempt + 1,
                        maxAttempts: settings.retry.maxAttempts, delay: delay, problem: problem))
                try await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
            }
        }
    }

    /// Fetches several requests with at most `jobs` transfers at a time; results keep the input order.
    public func fetchAll(_ requests: [FetchRequest], jobs: Int) async -> [Result<FetchedFile, any Error>] {
        var results = [Result<FetchedFile, any Error>?](repeating: nil, count: requests.count)
        await withTaskGroup(of: (Int, Result<FetchedFile, any Error>).self) { group in
            var next = 0
            func startNext() {
                guard next < requests.count else { return }
                let index = next, request = requests[index]
                next += 1
                group.addTask {
                    do { return (index, .success(try await fetch(request))) } catch { return (index, .failure(error)) }
                }
            }
            for _ in 0..<max(1, jobs) { startNext() }
            for await (index, result) in group {
                results[index] = result
                startNext()
            }
        }
        return results.map { $0 ?? .failure(CancellationError()) }
    }

    /// One HTTP request: resume a partial download, else revalidate the cached copy, else download.
    private func attemptOnce(request: FetchRequest, slot: CacheSlot, progress: ProgressBoard.Handle?) async
        -> AttemptOutcome
    {
        var headers: [String] = []
        var offset: Int64 = 0
        var sentConditional = false
        if let partial = slot.partial(), partial.size > 0, partial.entry.url == request.url,
            partial.entry.acceptsRanges, let validator = partial.entry.ifRangeValidator
        {
            offset = partial.size
            // If-Range: the server sends the rest only if the file is still the same version, else all of it.
            headers = ["Range: bytes=\(offset)-", "If-Range: \(validator)"]
            settings.events?(.resuming(url: request.url, offset: offset))
        } else {
            slot.discardPartial()
            if let cached = slot.validEntry(), cached.url == request.url {
                if let etag = cached.etag { headers.append("If-None-Match: \(etag)") }
                if let lastModified = cached.lastModified { headers.append("If-Modified-Since: \(lastModified)") }
                sentConditional = !headers.isEmpty
            }
        }

        let cancellation = CancellationFlag()
        let context = TransferContext(
            url: request.url, slot: slot, requestedOffset: offset,
            maxBytes: settings.maxBytes, cancellation: cancellation, progress: progress)
        let settings = self.settings
        let url = request.url
        let sentHeaders = headers
        let result = await withTaskCancellationHandler {
            await TransferThread.run {
                CurlTransfer.perform(url: url, extraHeaders: sentHeaders, settings: settings, context: context)
            }
        } onCancel: {
            cancellation.cancel()
        }
        return AttemptOutcome.classify(
            result, context: context, url: url, sentConditional: sentConditional,
            maxBytes: settings.maxBytes, maxRedirects: settings.maxRedirects)
    }

    /// Hashes the finished `.part`, renames it over the final name, then records its metadata.
    private func finalize(request: FetchRequest, slot: CacheSlot, headers: ResponseHeaders, resumed: Bool) throws
        -> FetchedFile
    {
        let digest: FileDigest
        do {
            if !FileManager.default.fileExists(atPath: slot.part.path) {
                // An empty 200 body never opens the file.
                _ = FileManager.default.createFile(atPath: slot.part.path, contents: nil)
            }
            digest = try FileDigest.of(slot.part)
        } catch {
            throw FetchError.fileSystem(path: slot.part.path, message: SystemErrorText.describe(error))
        }
        let entry = CacheEntry(
            url: request.url, etag: headers.etag, lastModified: headers.lastModified,
            sha256: digest.sha256, size: digest.bytes, fetchedAt: Self.timestamp())
        // File first, metadata second: if we stop in between, the old metadata's size no longer
        // matches, the entry counts as invalid and the next run downloads again.
        try AtomicFile.move(slot.part, over: slot.file)
        try JSONFile.write(entry, to: slot.meta)
        try? FileManager.default.removeItem(at: slot.partMeta)
        return FetchedFile(request: request, path: slot.file, entry: entry, origin: resumed ? .resumed : .downloaded)
    }

    /// A 304: keep the cached file, refresh `fetched_at` (and validators the server re-sent).
    private func confirm(request: FetchRequest, slot: CacheSlot, headers: ResponseHeaders) throws -> FetchedFile {
        guard var entry = slot.validEntry() else {
            throw FetchError.transfer(
                url: request.url, message: "el servidor respondió 304 pero la copia en caché desapareció")
        }
        if let etag = headers.etag { entry.etag = etag }
        if let lastModified = headers.lastModified { entry.lastModified = lastModified }
        entry.fetchedAt = Self.timestamp()
        try JSONFile.write(entry, to: slot.meta)
        settings.events?(.notModified(url: request.url))
        return FetchedFile(request: request, path: slot.file, entry: entry, origin: .notModified)
    }

    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
