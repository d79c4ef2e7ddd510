import Foundation
import Mustache

/// Renders portal pages from the compiled-in Mustache templates (``PortalTemplateText``): one template per
/// page type, partials for sections, tables, charts and provenance. Every `{{value}}` is HTML-escaped by
/// Mustache; no template uses the unescaped forms, so text from the data (descriptions with `<br />` or
/// `<script>`) is always shown as text.
struct PortalRenderer: Sendable {
    private let library: MustacheLibrary

    init() throws {
        var library = MustacheLibrary()
        for (name, text) in PortalTemplateText.all.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(text + "\n", named: name)
            } catch {
                throw PublishingError.template(name: name, detail: String(describing: error))
            }
        }
        self.library = library
    }

    /// A page rendered with its page type's template (`indice`, `numeral`, `direccion`, `nog`, `cambios`).
    func render(_ page: PortalPage, template: String) throws -> String {
        guard let html = library.render(page, withTemplate: template) else {
            throw PublishingError.template(name: template, detail: "la plantilla no existe")
        }
        return html
    }

    /// The style sheet (a template without variables).
    func styleSheet() throws -> String {
        guard let css = library.render([String: String](), withTemplate: "estilo.css") else {
            throw PublishingError.template(name: "estilo.css", detail: "la plantilla no existe")
        }
        return css
    }
}
