import CLibXML2

/// One-time libxml2 set-up shared by the XML and HTML wrappers.
enum XMLLibrary {
    private static let initialized: Bool = {
        // xmlInitParser must run once before threads use libxml2.
        xmlInitParser()
        return true
    }()

    /// Makes sure libxml2 is initialized (idempotent).
    static func initialize() { _ = initialized }
}
