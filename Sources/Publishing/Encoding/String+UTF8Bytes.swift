import Foundation

extension String {
    /// Runs `body` on the text's UTF-8 bytes in one buffer: the encoders work on bytes, and a bridged string
    /// without contiguous storage is made native once here rather than copied into an array at each call site.
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        var text = self
        return try text.withUTF8(body)
    }
}
