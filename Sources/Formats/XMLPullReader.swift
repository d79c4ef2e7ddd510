import CLibXML2
import Foundation

/// A streaming XML reader over libxml2's `xmlTextReader`, hardened for parts of untrusted archives.
///
/// It never loads a DTD, never substitutes entities and never touches the network
/// (`XML_PARSE_NONET`, no `XML_PARSE_NOENT`/`XML_PARSE_DTDLOAD`); a document with a `<!DOCTYPE>` is
/// refused before parsing, which rules out external entities (XXE) and entity expansion
/// ("billion laughs") at once: no part of an XLSX has a reason to carry a DTD. Element depth is capped.
/// Readers exist only inside ``withReader(_:file:part:limits:_:)``, which frees them on every path.
public final class XMLPullReader {
    /// Limits on what a part may contain.
    public struct Limits: Sendable, Hashable {
        /// Deepest element nesting accepted (worksheets need about 6; libxml2 itself stops at 256).
        public var maxDepth = 100
        /// Largest text node, in bytes.
        public var maxTextBytes = 1 << 20
        /// The default limits.
        public init() {}
    }

    /// One step through the document.
    public enum Event: Equatable, Sendable {
        /// An element opens; `isEmpty` for `<c r="A1"/>`, which has no matching end event.
        case start(name: String, attributes: [String: String], isEmpty: Bool)
        /// An element closes.
        case end(name: String)
        /// Character data (text, CDATA or whitespace).
        case text(String)
    }

    private let reader: xmlTextReaderPtr
    private let file: String
    private let part: String
    private let limits: Limits

    private init(reader: xmlTextReaderPtr, file: String, part: String, limits: Limits) {
        self.reader = reader
        self.file = file
        self.part = part
        self.limits = limits
    }

    /// Runs `body` with a reader over `data`, freeing the reader afterwards.
    /// - Parameters:
    ///   - data: the XML bytes (their own declaration decides the encoding; UTF-8 by default).
    ///   - file: the archive or file name, for messages.
    ///   - part: the part inside the archive, for messages.
    /// - Throws: ``FormatsError/xmlForbidden(file:part:line:detail:)`` for a DTD or entity,
    ///   ``FormatsError/xmlMalformed(file:part:line:detail:)`` for broken XML.
    public static func withReader<T>(
        _ data: Data, file: String, part: String, limits: Limits = Limits(), _ body: (XMLPullReader) throws -> T
    ) throws -> T {
        XMLLibrary.initialize()
        if let line = XMLDTDScanner.doctypeLine(in: data) {
            throw FormatsError.xmlForbidden(
                file: file, part: part, line: line,
                detail: "declara un DOCTYPE (DTD); se rechaza para evitar entidades externas o expansivas")
        }
        guard data.count < Int(Int32.max) else {
            throw FormatsError.zipLimit(file: file, entry: part, detail: "la parte XML supera 2 GB")
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let pointer: xmlTextReaderPtr? = data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else {
                return xmlReaderForMemory("", 0, part, nil, options)
            }
            return xmlReaderForMemory(base.assumingMemoryBound(to: CChar.self), Int32(buffer.count), part, nil, options)
        }
        guard let pointer else {
            throw FormatsError.xmlMalformed(
                file: file, part: part, line: nil, detail: "xmlReaderForMemory devolvió NULL")
        }
        defer { xmlFreeTextReader(pointer) }
        // xmlReaderForMemory does not copy: `data` must stay alive while the reader runs. libxml2's messages are
        // collected rather than printed: failures are reported from xmlGetLastError, in Spanish.
        return try XMLLibrary.collectingMessages { _ in
            try withExtendedLifetime(data) {
                try body(XMLPullReader(reader: pointer, file: file, part: part, limits: limits))
            }
        }
    }

    /// The line the reader is on, for messages.
    public var line: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }

    /// The next event, or nil at the end of the document.
    public func next() throws -> Event? {
        while true {
            xmlResetLastError()
            let status = xmlTextReaderRead(reader)
            if status == 0 { return nil }
            if status < 0 { throw malformed() }
            let depth = Int(xmlTextReaderDepth(reader))
            if depth > limits.maxDepth {
                throw FormatsError.xmlForbidden(
                    file: file, part: part, line: line, detail: "anidamiento de más de \(limits.maxDepth) niveles")
            }
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                return .start(
                    name: localName(), attributes: attributes(), isEmpty: xmlTextReaderIsEmptyElement(reader) == 1)
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                return .end(name: localName())
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                guard let value = xmlTextReaderConstValue(reader) else { continue }
                let length = strlen(UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))
                if length > limits.maxTextBytes {
                    throw FormatsError.xmlForbidden(
                        file: file, part: part, line: line, detail: "un texto supera \(limits.maxTextBytes) bytes")
                }
                return .text(String(cString: value))
            case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue), Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue),
                Int32(XML_READER_TYPE_ENTITY.rawValue):
                throw FormatsError.xmlForbidden(
                    file: file, part: part, line: line, detail: "contiene una DTD o una entidad no permitida")
            default:
                continue  // comments, processing instructions, XML declaration
            }
        }
    }

    /// Skips the rest of the current element (after a `.start` that is not empty), including its children.
    public func skipElement() throws {
        var depth = 1
        while depth > 0, let event = try next() {
            switch event {
            case .start(_, _, let isEmpty): if !isEmpty { depth += 1 }
            case .end: depth -= 1
            case .text: continue
            }
        }
    }

    private func localName() -> String {
        guard let name = xmlTextReaderConstLocalName(reader) else { return "" }
        return String(cString: name)
    }

    private func attributes() -> [String: String] {
        guard xmlTextReaderHasAttributes(reader) == 1 else { return [:] }
        var result: [String: String] = [:]
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            guard let name = xmlTextReaderConstLocalName(reader) else { continue }
            // Namespace declarations are attributes to libxml2; callers never want them.
            if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
            let value = xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
            result[String(cString: name)] = value
        }
        xmlTextReaderMoveToElement(reader)
        return result
    }

    private func malformed() -> FormatsError {
        var detail = "XML mal formado"
        var errorLine: Int? = line
        if let error = xmlGetLastError() {
            if let message = error.pointee.message {
                detail = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            if error.pointee.line > 0 { errorLine = Int(error.pointee.line) }
        }
        // libxml2 parses ahead of the nodes it reports, so its own depth guard can fire before ours.
        if detail.contains("Excessive depth") {
            return FormatsError.xmlForbidden(
                file: file, part: part, line: errorLine ?? line, detail: "anidamiento de más de 256 niveles")
        }
        return FormatsError.xmlMalformed(file: file, part: part, line: errorLine, detail: detail)
    }
}
