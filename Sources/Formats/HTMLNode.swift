import CLibXML2
import Foundation

/// An element of an ``HTMLDocument``; valid only inside the document's `withDocument` scope.
public struct HTMLNode {
    let pointer: xmlNodePtr

    /// The lowercase tag name (`td`, `div`).
    public var name: String { pointer.pointee.name.map { String(cString: $0) } ?? "" }

    /// The source line where the element starts.
    public var line: Int { Int(xmlGetLineNo(pointer)) }

    /// An attribute's value, or nil when absent.
    public func attribute(_ name: String) -> String? {
        // Read the attribute's text children in place: xmlGetProp would need `xmlFree`, a global
        // function-pointer variable Swift 6 refuses to touch from nonisolated code.
        guard let attribute = xmlHasProp(pointer, name) else { return nil }
        var value = ""
        var child = attribute.pointee.children
        while let node = child {
            if let content = node.pointee.content { value += String(cString: content) }
            child = node.pointee.next
        }
        return value
    }

    /// True when the `class` attribute lists `name` among its classes.
    public func hasClass(_ name: String) -> Bool {
        attribute("class")?.split(whereSeparator: \.isWhitespace).contains { $0 == name } ?? false
    }

    /// Child elements, skipping text and comments (ASP.NET output has whitespace nodes between cells).
    public var elementChildren: [HTMLNode] {
        var result: [HTMLNode] = []
        var child = pointer.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE { result.append(HTMLNode(pointer: node)) }
            child = node.pointee.next
        }
        return result
    }

    /// The next sibling that is an element.
    public var nextElementSibling: HTMLNode? {
        var sibling = pointer.pointee.next
        while let node = sibling {
            if node.pointee.type == XML_ELEMENT_NODE { return HTMLNode(pointer: node) }
            sibling = node.pointee.next
        }
        return nil
    }

    /// The parent element.
    public var parent: HTMLNode? {
        guard let node = pointer.pointee.parent, node.pointee.type == XML_ELEMENT_NODE else { return nil }
        return HTMLNode(pointer: node)
    }

    /// The visible text: `<br>` and cell or block boundaries become spaces, scripts and styles are
    /// skipped, NBSP counts as a space (XPath's `normalize-space` keeps it), and whitespace runs collapse.
    public var text: String {
        var output = ""
        // Iterative walk: pathological nesting must not exhaust the stack.
        var stack: [(node: xmlNodePtr, entering: Bool)] = [(pointer, true)]
        while let (node, entering) = stack.popLast() {
            let type = node.pointee.type
            if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE {
                if let content = node.pointee.content { output += String(cString: content) }
                continue
            }
            guard type == XML_ELEMENT_NODE else { continue }
            let tag = node.pointee.name.map { String(cString: $0) } ?? ""
            if tag == "script" || tag == "style" { continue }
            if Self.separatingTags.contains(tag) { output += " " }
            guard entering else { continue }
            stack.append((node, false))
            var children: [xmlNodePtr] = []
            var child = node.pointee.children
            while let current = child {
                children.append(current)
                child = current.pointee.next
            }
            for current in children.reversed() { stack.append((current, true)) }
        }
        return Self.collapse(output)
    }

    /// Tags whose boundaries separate words in the rendered page.
    static let separatingTags: Set<String> = ["br", "td", "th", "tr", "div", "p", "li", "table", "span"]

    /// Collapses whitespace (including NBSP and CR) into single spaces and trims.
    public static func collapse(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{00A0}" {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.unicodeScalars.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
