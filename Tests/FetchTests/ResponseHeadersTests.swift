import Foundation
import Testing

@testable import Fetch

struct ResponseHeadersTests {
    @Test("a status line starts a fresh response and fields are read case-insensitively")
    func parsesLines() throws {
        var headers = try #require(ResponseHeaders.statusLine("HTTP/1.1 206 Partial Content\r\n"))
        headers.add(line: "etag: \"abc\"\r\n")
        headers.add(line: "Content-Range: bytes 100-999/1000\r\n")
        headers.add(line: "Accept-Ranges: Bytes\r\n")
        headers.add(line: "Content-Length: 900\r\n")
        #expect(headers.status == 206)
        #expect(headers.etag == "\"abc\"")
        #expect(headers.acceptRanges == "bytes")
        #expect(headers.contentLength == 900)
        let range = try #require(headers.contentRangeStart)
        #expect(range.start == 100)
        #expect(range.completeLength == 1000)
        #expect(ResponseHeaders.statusLine("Content-Type: text/plain") == nil)
        #expect(ResponseHeaders.statusLine("HTTP/2 304\r\n")?.status == 304)
    }

    @Test("Retry-After is read as seconds or as an HTTP date")
    func retryAfter() throws {
        var seconds = ResponseHeaders(status: 429)
        seconds.add(line: "Retry-After: 120")
        #expect(seconds.retryAfterSeconds() == 120)

        var date = ResponseHeaders(status: 503)
        date.add(line: "Retry-After: Wed, 21 Oct 2015 07:28:00 GMT")
        let now = try #require(HTTPDate.parse("Wed, 21 Oct 2015 07:27:30 GMT"))
        #expect(date.retryAfterSeconds(now: now) == 30)

        var garbage = ResponseHeaders(status: 503)
        garbage.add(line: "Retry-After: pronto")
        #expect(garbage.retryAfterSeconds() == nil)
    }

    @Test("If-Range uses a strong ETag, else Last-Modified, never a weak ETag")
    func ifRangeValidator() {
        #expect(
            PartialEntry(url: "u", etag: "\"a\"", lastModified: "d", acceptsRanges: true).ifRangeValidator == "\"a\"")
        #expect(PartialEntry(url: "u", etag: "W/\"a\"", lastModified: "d", acceptsRanges: true).ifRangeValidator == "d")
        #expect(PartialEntry(url: "u", etag: "W/\"a\"", lastModified: nil, acceptsRanges: true).ifRangeValidator == nil)
    }
}
