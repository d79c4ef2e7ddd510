import CLibXML2
import Foundation

/// One-time libxml2 set-up shared by the XML and HTML wrappers, and the capture of libxml2's messages.
enum XMLLibrary {
    private static let initialized: Bool = {
        // xmlInitParser must run once before threads use libxml2.
        xmlInitParser()
        return true
    }()

    /// Makes sure libxml2 is initialized (idempotent).
    static func initialize() { _ = initialized }

    /// One message libxml2 raised (English), with where it comes from.
    struct Message: Sendable, Hashable {
        /// libxml2's module (`XML_FROM_I18N` for character conversion, `XML_FROM_HTML`, …).
        var domain: Int32
        /// libxml2's error code.
        var code: Int32
        /// The line of the document, when known.
        var line: Int
        /// libxml2's English text, trimmed.
        var text: String

        /// True for messages about bytes that are not text in the document's encoding.
        var isEncodingError: Bool {
            domain == Int32(XML_FROM_I18N.rawValue) || code == Int32(XML_ERR_INVALID_ENCODING.rawValue)
                || code == Int32(XML_I18N_CONV_FAILED.rawValue)
        }
    }

    /// Collects messages for ``collectingMessages(_:)``.
    final class MessageCollector {
        private(set) var messages: [Message] = []
        /// How many messages were raised in all (only the first 100 are kept).
        private(set) var count = 0

        fileprivate func add(_ error: xmlError) {
            count += 1
            guard messages.count < 100 else { return }
            let text = error.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
            messages.append(Message(domain: error.domain, code: error.code, line: Int(error.line), text: text))
        }
    }

    /// Runs `body` with libxml2's messages collected instead of printed on stderr (where they would appear in
    /// English between our Spanish output), on this thread only: libxml2 keeps its error handler per thread.
    /// The handler in place before is restored afterwards, so calls may nest.
    static func collectingMessages<T>(_ body: (MessageCollector) throws -> T) rethrows -> T {
        initialize()
        let collector = MessageCollector()
        let previousHandler = __xmlStructuredError().pointee
        let previousContext = __xmlStructuredErrorContext().pointee
        let handler: xmlStructuredErrorFunc = { context, error in
            guard let context, let error else { return }
            Unmanaged<MessageCollector>.fromOpaque(context).takeUnretainedValue().add(error.pointee)
        }
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(collector).toOpaque(), handler)
        defer { xmlSetStructuredErrorFunc(previousContext, previousHandler) }
        return try withExtendedLifetime(collector) { try body(collector) }
    }
}
