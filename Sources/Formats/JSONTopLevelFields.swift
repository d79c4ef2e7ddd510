import Foundation

/// The keys of a JSON object element and the text of a few of its top-level string members, read by a byte scan
/// without decoding the element.
///
/// Grouping a release package by ocid needs only each release's `ocid`; decoding every release fully just to
/// read it doubled the cost of importing release packages.
public struct JSONTopLevelFields: Sendable, Hashable {
    /// Every top-level key, in order.
    public var keys: [String] = []
    /// The unescaped text of the wanted keys whose values are strings.
    public var strings: [String: String] = [:]

    /// Scans an element; nil when it is not a JSON object (the caller decodes it to report why).
    public static func scan(_ bytes: Data, wanted: Set<String>) -> JSONTopLevelFields? {
        bytes.withUnsafeBytes { raw -> JSONTopLevelFields? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var index = 0
            while index < bytes.count,
                bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D
                    || bytes[index] == 0x09
            {
                index += 1
            }
            guard index < bytes.count, bytes[index] == 0x7B else { return nil }
            var fields = JSONTopLevelFields()
            var depth = 0
            var expectingKey = false
            var pendingKey: String?
            var afterColon = false
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x22:
                    let start = index + 1
                    var end = ByteScan.stringStop(bytes, from: start)
                    while end < bytes.count && bytes[end] != 0x22 {
                        // A backslash escapes the byte after it; control bytes are left to the decoder.
                        end = ByteScan.stringStop(bytes, from: end + (bytes[end] == 0x5C ? 2 : 1))
                    }
                    guard end < bytes.count else { return nil }
                    if depth == 1 && expectingKey {
                        let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                        fields.keys.append(key)
                        pendingKey = key
                        expectingKey = false
                    } else if depth == 1 && afterColon, let key = pendingKey, wanted.contains(key) {
                        let slice = Data(UnsafeBufferPointer(rebasing: bytes[(start - 1)...end]))
                        if case .string(let text)? = try? JSONValue.parse(slice) { fields.strings[key] = text }
                    }
                    afterColon = false
                    index = end
                case 0x7B, 0x5B:
                    depth += 1
                    if depth == 1 { expectingKey = true }
                    afterColon = false
                case 0x7D, 0x5D:
                    depth -= 1
                    if depth == 0 { return fields }
                case 0x3A:
                    if depth == 1 { afterColon = true }
                case 0x2C:
                    if depth == 1 {
                        expectingKey = true
                        afterColon = false
                    }
                case 0x20, 0x0A, 0x0D, 0x09:
                    break
                default:
                    afterColon = false
                }
                index += 1
            }
            return nil
        }
    }
}
