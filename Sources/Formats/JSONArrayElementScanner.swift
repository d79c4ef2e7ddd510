import Foundation

/// Cuts a JSON document into its elements without loading it: the elements of the top-level `records` or
/// `releases` array of a package (or of a root array), one at a time, each as its own bytes.
///
/// A Guatecompras monthly record package is 200–300 MB of minified JSON; decoding it whole would need
/// gigabytes. The scanner reads fixed-size chunks and tracks only strings, escapes and bracket depth, so its
/// memory is one chunk plus the current element; each element is then decoded on its own (for example with
/// `JSONDecoder`). It checks UTF-8, NUL bytes, nesting depth, element size, bracket balance and truncation,
/// and reports each problem with the byte offset and line. The content of elements is not validated here: the
/// decoder does that.
///
/// When the root is an object without any of the target keys (a bare release), the root object itself is
/// yielded once at the end (if it fits the element size limit).
///
/// Envelopes that nest the array one level down, as CKAN's `{"success": true, "result": {"total": 3, "records":
/// […]}}`, are read by naming the nesting object in `containerKeys`; the numbers, booleans and nulls of the
/// envelope's members (`result.total`) are kept in ``memberScalars``.
public final class JSONArrayElementScanner {
    /// The file's name, for errors.
    public let fileName: String
    /// Top-level keys of the root object seen so far, in order.
    public private(set) var topLevelKeys: [String] = []
    /// True once the root turned out to be an array.
    public private(set) var rootIsArray = false
    /// Bytes consumed so far (for progress).
    public private(set) var bytesRead: Int64 = 0
    /// Numbers, booleans and nulls of the root object's members and of a container object's members, as written
    /// (at most 64 bytes each), by path: `total`, `result.total`, `result.success`.
    public private(set) var memberScalars: [String: String] = [:]

    private let targetKeys: Set<String>
    private let containerKeys: Set<String>
    /// The depth of the object whose keys are tracked: 1 (the root), or 2 inside a container key's object.
    private var keyDepth = 1
    private var containerKey: String?
    private var nestedTargetSeen = false
    private var scalarBytes: [UInt8] = []
    private let limits: JSONScanLimits
    private let nextChunk: () throws -> Data?

    private var chunk = Data()
    private var position = 0
    private var chunkOffset: Int64 = 0
    private var atEnd = false
    private var validator = UTF8Validator()

    private var stack: [UInt8] = []
    private var line = 1
    private var inString = false
    private var escaped = false
    private var rootSeen = false
    private var rootClosed = false
    private var expectingKey = false
    private var afterColon = false
    private var capturingKey = false
    private var keyBytes: [UInt8] = []
    private var currentKey: String?
    private var targetDepth: Int?
    private var targetKey: String?
    private var elementIndex = 0

    private enum Capture { case none, container, string, scalar }
    private var capture = Capture.none
    private var captureStart = 0
    private var element = Data()
    private var elementOffset: Int64 = 0
    private var elementLine = 1

    private var rootCapture: Data? = nil
    private var rootCaptureStart = 0
    private var rootYielded = false

    /// Scans bytes handed over by `nextChunk` (nil at end of input).
    /// - Parameters:
    ///   - fileName: the name used in errors.
    ///   - targetKeys: top-level keys whose array elements are yielded.
    ///   - containerKeys: top-level keys of objects whose own target-key arrays are yielded too (`result`).
    ///   - limits: depth and size limits.
    ///   - nextChunk: the next bytes of the document, or nil at its end.
    public init(
        fileName: String, targetKeys: Set<String> = ["records", "releases"], containerKeys: Set<String> = [],
        limits: JSONScanLimits = .init(), nextChunk: @escaping () throws -> Data?
    ) {
        self.fileName = fileName
        self.targetKeys = targetKeys
        self.containerKeys = containerKeys
        self.limits = limits
        self.nextChunk = nextChunk
    }

    /// Scans a file, reading it in chunks.
    public convenience init(
        url: URL, targetKeys: Set<String> = ["records", "releases"], limits: JSONScanLimits = .init(),
        chunkSize: Int = 1 << 20
    ) throws {
        let reader = try ChunkedFileReader(url: url, chunkSize: chunkSize)
        self.init(fileName: url.lastPathComponent, targetKeys: targetKeys, limits: limits) { try reader.nextChunk() }
    }

    /// The next element, or nil when the document ended properly.
    /// - Throws: ``FormatsError`` for invalid UTF-8, NUL bytes, bad nesting, oversized elements or truncation.
    public func next() throws -> JSONElement? {
        while true {
            if position >= chunk.count {
                if capture != .none { try flushCapture(upTo: chunk.count) }
                if rootCapture != nil { flushRootCapture(upTo: chunk.count) }
                if atEnd { return try finish() }
                guard let data = try nextChunk(), !data.isEmpty else {
                    atEnd = true
                    continue
                }
                chunkOffset += Int64(chunk.count)
                chunk = data
                position = 0
                captureStart = 0
                rootCaptureStart = 0
                bytesRead += Int64(data.count)
                data.withUnsafeBytes { validator.consume($0) }
                if let bad = validator.firstInvalidOffset {
                    throw FormatsError.invalidUTF8(file: fileName, offset: bad, line: line + newlines(before: bad))
                }
            }
            if let element = try scanChunk() { return element }
        }
    }

    private func newlines(before absoluteOffset: Int64) -> Int {
        let end = max(0, min(chunk.count, Int(absoluteOffset - chunkOffset)))
        return chunk.prefix(end).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    private func offset(_ index: Int) -> Int64 { chunkOffset + Int64(index) }

    private func syntax(_ index: Int, _ detail: String) -> FormatsError {
        FormatsError.jsonSyntax(file: fileName, offset: offset(index), line: line, detail: detail)
    }

    /// Scans the current chunk from `position`; returns as soon as an element is complete.
    private func scanChunk() throws -> JSONElement? {
        try chunk.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> JSONElement? in
            let bytes = raw.bindMemory(to: UInt8.self)
            let count = bytes.count
            var index = position
            // A UTF-8 byte-order mark, as Windows tools write, is not JSON but harmless: skip it.
            if chunkOffset == 0 && index == 0 && !rootSeen && count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB
                && bytes[2] == 0xBF
            {
                index = 3
            }
            while index < count {
                if inString && !escaped && !capturingKey {
                    // Most bytes of a package are inside strings: skip to the next quote, backslash or control
                    // byte without touching the rest of the state.
                    index = ByteScan.stringStop(bytes, from: index)
                    if index == count { break }
                }
                let byte = bytes[index]
                if inString {
                    if escaped {
                        escaped = false
                    } else if byte == 0x5C {
                        escaped = true
                    } else if byte == 0x22 {
                        inString = false
                        if capturingKey {
                            capturingKey = false
                            let key = String(decoding: keyBytes, as: UTF8.self)
                            currentKey = key
                            scalarBytes.removeAll(keepingCapacity: true)
                            if keyDepth == 1 { topLevelKeys.append(key) }
                        } else if capture == .string && stack.count == targetDepth {
                            index += 1
                            position = index
                            return try completeElement(endingAt: index)
                        }
                    } else if byte == 0 {
                        throw FormatsError.nulByte(file: fileName, line: line)
                    } else if capturingKey {
                        guard keyBytes.count < limits.maxKeyBytes else {
                            throw syntax(index, "clave de más de \(limits.maxKeyBytes) bytes")
                        }
                        keyBytes.append(byte)
                    } else if byte == 0x0A {
                        line += 1
                    }
                    index += 1
                    continue
                }
                switch byte {
                case 0x20, 0x09, 0x0D:
                    if capture == .scalar && stack.count == targetDepth {
                        position = index
                        return try completeElement(endingAt: index)
                    }
                case 0x0A:
                    if capture == .scalar && stack.count == targetDepth {
                        position = index
                        return try completeElement(endingAt: index)
                    }
                    line += 1
                case 0x22:
                    if stack.count == keyDepth && !rootIsArray && expectingKey {
                        expectingKey = false
                        capturingKey = true
                        keyBytes.removeAll(keepingCapacity: true)
                    } else {
                        try valueStarts(at: index, kind: .string)
                    }
                    inString = true
                case 0x7B, 0x5B:
                    try valueStarts(at: index, kind: .container)
                    let openingTarget =
                        stack.count == keyDepth && !rootIsArray && byte == 0x5B
                        && currentKey.map(targetKeys.contains) == true
                    let openingContainer =
                        stack.count == 1 && keyDepth == 1 && !rootIsArray && byte == 0x7B
                        && currentKey.map(containerKeys.contains) == true
                    stack.append(byte)
                    guard stack.count <= limits.maxDepth else {
                        throw FormatsError.jsonTooDeep(
                            file: fileName, offset: offset(index), line: line, limit: limits.maxDepth)
                    }
                    if stack.count == 1 {
                        rootSeen = true
                        if byte == 0x5B {
                            rootIsArray = true
                            targetDepth = 1
                        } else {
                            expectingKey = true
                            rootCapture = Data()
                            rootCaptureStart = index
                        }
                    } else if openingTarget {
                        targetDepth = stack.count
                        targetKey = currentKey
                        elementIndex = 0
                        rootCapture = nil
                        if keyDepth > 1 { nestedTargetSeen = true }
                    } else if openingContainer {
                        keyDepth = 2
                        containerKey = currentKey
                        currentKey = nil
                        expectingKey = true
                    }
                case 0x7D, 0x5D:
                    if capture == .scalar && stack.count == targetDepth {
                        position = index
                        return try completeElement(endingAt: index)
                    }
                    if stack.count == keyDepth { keepMemberScalar() }
                    guard let open = stack.popLast() else { throw syntax(index, "cierre sin apertura") }
                    guard (open == 0x7B && byte == 0x7D) || (open == 0x5B && byte == 0x5D) else {
                        throw syntax(index, "«\(Character(Unicode.Scalar(byte)))» no corresponde a la apertura")
                    }
                    if let depth = targetDepth, stack.count == depth - 1 {
                        targetDepth = nil
                        targetKey = nil
                    } else if capture == .container && stack.count == targetDepth {
                        index += 1
                        position = index
                        return try completeElement(endingAt: index)
                    }
                    if stack.isEmpty {
                        rootClosed = true
                        if rootCapture != nil { flushRootCapture(upTo: index + 1) }
                    }
                    if keyDepth == 2 && stack.count == 1 {
                        // The container object closed: keys are the root's again.
                        keyDepth = 1
                        containerKey = nil
                    }
                    if stack.count == keyDepth { afterColon = false }
                case 0x2C:
                    if capture == .scalar && stack.count == targetDepth {
                        position = index
                        return try completeElement(endingAt: index)
                    }
                    if stack.count == keyDepth && !rootIsArray {
                        keepMemberScalar()
                        expectingKey = true
                        afterColon = false
                    }
                case 0x3A:
                    if stack.count == keyDepth { afterColon = true }
                case 0:
                    throw FormatsError.nulByte(file: fileName, line: line)
                default:
                    // A number or literal: the bytes up to the next whitespace or structural byte are one value.
                    var end = index + 1
                    while end < count, !Self.endsScalar(bytes[end]) { end += 1 }
                    try valueStarts(at: index, kind: .scalar)
                    if stack.count == keyDepth && afterColon && !rootIsArray {
                        for position in index..<end where scalarBytes.count < 64 { scalarBytes.append(bytes[position]) }
                    }
                    index = end - 1
                }
                index += 1
            }
            position = index
            return nil
        }
    }

    /// Whether a byte outside strings ends a number or literal: whitespace, a quote, a bracket, `,`, `:` or NUL.
    @inline(__always)
    private static func endsScalar(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0D, 0x0A, 0x22, 0x7B, 0x5B, 0x7D, 0x5D, 0x2C, 0x3A, 0: true
        default: false
        }
    }

    /// Keeps the scalar value of the member that just ended, if it was a number, boolean or null.
    private func keepMemberScalar() {
        guard !scalarBytes.isEmpty, let key = currentKey else { return }
        let path = containerKey.map { "\($0).\(key)" } ?? key
        memberScalars[path] = String(decoding: scalarBytes, as: UTF8.self)
        scalarBytes.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    private func valueStarts(at index: Int, kind: Capture) throws {
        if stack.isEmpty {
            if rootClosed { throw syntax(index, "contenido después del final del documento") }
            if kind != .container { throw syntax(index, "el documento no es un objeto ni un arreglo JSON") }
            return
        }
        guard capture == .none, stack.count == targetDepth else { return }
        capture = kind
        captureStart = index
        element.removeAll(keepingCapacity: true)
        elementOffset = offset(index)
        elementLine = line
    }

    private func flushCapture(upTo end: Int) throws {
        let size = element.count + (end - captureStart)
        guard size <= limits.maxElementBytes else {
            throw FormatsError.jsonElementTooLarge(
                file: fileName, offset: elementOffset, line: elementLine, limit: limits.maxElementBytes)
        }
        if end > captureStart { element.append(chunk[chunk.startIndex + captureStart..<chunk.startIndex + end]) }
        captureStart = end
    }

    private func flushRootCapture(upTo end: Int) {
        guard var captured = rootCapture else { return }
        if captured.count + (end - rootCaptureStart) > limits.maxElementBytes {
            rootCapture = nil
            return
        }
        if end > rootCaptureStart {
            captured.append(chunk[chunk.startIndex + rootCaptureStart..<chunk.startIndex + end])
        }
        rootCapture = captured
        rootCaptureStart = end
    }

    private func completeElement(endingAt end: Int) throws -> JSONElement {
        try flushCapture(upTo: end)
        capture = .none
        let result = JSONElement(
            bytes: element, offset: elementOffset, line: elementLine, index: elementIndex, arrayKey: targetKey)
        elementIndex += 1
        return result
    }

    private func finish() throws -> JSONElement? {
        if inString || !stack.isEmpty || capture != .none {
            throw FormatsError.jsonTruncated(file: fileName, offset: chunkOffset + Int64(chunk.count), line: line)
        }
        guard rootSeen else { throw FormatsError.empty(file: fileName) }
        if !rootIsArray && !topLevelKeys.contains(where: targetKeys.contains) && !nestedTargetSeen && !rootYielded {
            rootYielded = true
            guard let root = rootCapture else {
                throw FormatsError.jsonElementTooLarge(
                    file: fileName, offset: 0, line: 1, limit: limits.maxElementBytes)
            }
            return JSONElement(bytes: root, offset: 0, line: 1, index: -1, arrayKey: nil)
        }
        return nil
    }
}
