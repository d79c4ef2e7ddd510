import CLibXML2
import Foundation

/// A parsed HTML page (libxml2's HTML parser) with XPath helpers, for saved web pages.
///
/// Documents exist only inside ``withDocument(_:file:encoding:limits:_:)``, which frees them on every
/// path. The page is decoded here, in the charset ``HTMLCharset`` decides, and libxml2 always reads UTF-8: a page
/// whose text does not decode is refused instead of being read as another charset. The network is never used,
/// and libxml2's messages are collected instead of printed (real pages are never valid HTML).
public final class HTMLDocument {
    /// Limits on what a page may be.
    public struct Limits: Sendable, Hashable {
        /// Largest page accepted, in bytes.
        public var maxBytes = 32 << 20
        /// Deepest element nesting accepted.
        public var maxDepth = 256
        /// The default limits: 32 MB, 256 levels.
        public init() {}
    }

    /// The page's file name, for messages.
    public let file: String
    /// The encoding the page was read as.
    public let encoding: String
    /// Bytes inside HTML comments that were not text in ``encoding`` and were ignored.
    public let ignoredBytes: Int
    private let document: htmlDocPtr

    private init(document: htmlDocPtr, file: String, encoding: String, ignoredBytes: Int) {
        self.document = document
        self.file = file
        self.encoding = encoding
        self.ignoredBytes = ignoredBytes
    }

    /// Parses `data` and runs `body` with the document, freeing it afterwards.
    /// - Parameters:
    ///   - encoding: force an encoding; by default ``HTMLCharset/detect(_:)`` decides.
    /// - Throws: ``FormatsError/htmlUnreadable(file:line:detail:)`` for empty, oversized or too deeply
    ///   nested pages, ``FormatsError/nulByte(file:line:)`` for binary content,
    ///   ``FormatsError/htmlUndecodable(file:line:offset:encoding:count:)`` for text that does not decode.
    public static func withDocument<T>(
        _ data: Data, file: String, encoding: String? = nil, limits: Limits = Limits(),
        _ body: (HTMLDocument) throws -> T
    ) throws -> T {
        XMLLibrary.initialize()
        guard data.count <= limits.maxBytes else {
            throw FormatsError.htmlUnreadable(
                file: file, line: nil, detail: "pesa \(data.count) bytes; el límite es \(limits.maxBytes)")
        }
        let decision = encoding.map { HTMLCharset.decision(data, encoding: $0) } ?? HTMLCharset.decide(data)
        if !decision.encoding.hasPrefix("UTF-16"), let nul = data.firstIndex(of: 0) {
            let line = data[data.startIndex..<nul].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            throw FormatsError.nulByte(file: file, line: line)
        }
        guard data.contains(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) else {
            throw FormatsError.empty(file: file)
        }
        let text = try HTMLText.utf8(data, decision: decision, file: file)
        guard text.utf8.count < Int(Int32.max) else {
            throw FormatsError.htmlUnreadable(file: file, line: nil, detail: "la página es demasiado grande")
        }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        return try XMLLibrary.collectingMessages { messages in
            let parsed: htmlDocPtr? = text.utf8.withUnsafeBytes { buffer in
                guard let base = buffer.baseAddress else { return nil }
                return htmlReadMemory(
                    base.assumingMemoryBound(to: CChar.self), Int32(buffer.count), file, "UTF-8", options)
            }
            guard let parsed else {
                throw FormatsError.htmlUnreadable(file: file, line: nil, detail: "libxml2 no pudo analizarla")
            }
            defer { xmlFreeDoc(parsed) }
            // The text handed over is valid UTF-8, so this only fires if libxml2 disagrees: never guess then either.
            if let problem = messages.messages.first(where: \.isEncodingError) {
                throw FormatsError.htmlUnreadable(
                    file: file, line: problem.line > 0 ? problem.line : nil,
                    detail: "libxml2 no pudo decodificar el texto (detalle de libxml2: \(problem.text))")
            }
            let page = HTMLDocument(
                document: parsed, file: file, encoding: decision.encoding, ignoredBytes: text.ignoredBytes)
            if let deep = page.firstNode(deeperThan: limits.maxDepth) {
                throw FormatsError.htmlUnreadable(
                    file: file, line: deep.line, detail: "anidamiento de más de \(limits.maxDepth) niveles")
            }
            return try body(page)
        }
    }

    /// The root element (`html`).
    public var root: HTMLNode? {
        xmlDocGetRootElement(document).map { HTMLNode(pointer: $0) }
    }

    /// The elements an XPath expression selects, relative to `context` (or the document).
    /// - Throws: ``FormatsError/htmlUnreadable(file:line:detail:)`` for an invalid expression (a programming error).
    public func select(_ xpath: String, from context: HTMLNode? = nil) throws -> [HTMLNode] {
        guard let xpathContext = xmlXPathNewContext(document) else { return [] }
        defer { xmlXPathFreeContext(xpathContext) }
        if let context { xpathContext.pointee.node = context.pointer }
        guard let result = xmlXPathEvalExpression(xpath, xpathContext) else {
            throw FormatsError.htmlUnreadable(file: file, line: nil, detail: "expresión XPath inválida «\(xpath)»")
        }
        defer { xmlXPathFreeObject(result) }
        guard let set = result.pointee.nodesetval, set.pointee.nodeNr > 0, let table = set.pointee.nodeTab else {
            return []
        }
        return (0..<Int(set.pointee.nodeNr)).compactMap { index in
            guard let node = table[index], node.pointee.type == XML_ELEMENT_NODE else { return nil }
            return HTMLNode(pointer: node)
        }
    }

    /// The first element an XPath expression selects.
    public func first(_ xpath: String, from context: HTMLNode? = nil) throws -> HTMLNode? {
        try select(xpath, from: context).first
    }

    /// The first element nested deeper than `limit`, found without recursion.
    private func firstNode(deeperThan limit: Int) -> HTMLNode? {
        guard let top = xmlDocGetRootElement(document) else { return nil }
        var stack: [(xmlNodePtr, Int)] = [(top, 1)]
        while let (node, depth) = stack.popLast() {
            if depth > limit { return HTMLNode(pointer: node) }
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE { stack.append((current, depth + 1)) }
                child = current.pointee.next
            }
        }
        return nil
    }
}
