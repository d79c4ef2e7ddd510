import Domain
import Foundation
import Ledger
import TestSupport
import Testing

@testable import Publishing

/// The LAIP portal (`publish`): pages from templates, values escaped, charts drawn from their tables.
struct PortalTests {
    private func publish(_ ledger: Ledger, to directory: URL) throws -> PortalSummary {
        try PortalPublisher(datasets: Datasets(ledger: ledger)).run(
            PortalRequest(
                scope: ExportFixture.scope(), directory: directory, created: ExportFixture.created,
                toolVersion: "prueba"))
    }

    /// A page with the import times (the moment the fixture ran) replaced, so it compares with a golden file.
    private func page(_ directory: TemporaryDirectory, _ path: String) throws -> String {
        let text = try ExportFixture.read(directory.file(path))
        return text.replacingOccurrences(
            of: #"\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC"#, with: "AAAA-MM-DD hh:mm UTC", options: .regularExpression)
    }

    @Test("the fixture's index, numeral 20 and NOG page, byte for byte (golden)")
    func golden() throws {
        let directory = try TemporaryDirectory()
        let summary = try publish(try ExportFixture.ledger(), to: directory.url)
        #expect(summary.pages.contains("index.html") && summary.pages.contains("nog/16299514.html"))
        for (path, golden) in [
            ("index.html", "portal-index.html"), ("numeral-20.html", "portal-numeral-20.html"),
            ("numeral-7.html", "portal-numeral-7.html"), ("nog/16299514.html", "portal-nog-16299514.html"),
        ] {
            let text = try page(directory, path)
            #expect(text == (try Golden.text(golden, actual: text)), "\(path)")
        }
    }

    @Test("every page type is written, links stay inside the site, and the downloads exist")
    func pagesAndDownloads() throws {
        let directory = try TemporaryDirectory()
        let summary = try publish(try ExportFixture.ledger(), to: directory.url)
        let expected = [
            "index.html", "numeral-5.html", "numeral-7.html", "numeral-8.html", "numeral-20.html",
            "numeral-22.html", "cambios.html", "nog/16299514.html", "nog/16591327.html", "nog/17000001.html",
        ]
        for path in expected { #expect(summary.pages.contains(path), "\(path)") }
        for path in summary.pages {
            let html = try ExportFixture.read(directory.file(path))
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"es\">"), "\(path)")
            #expect(html.contains("<main id=\"contenido\">") && html.contains("<nav ") && html.contains("<footer"))
            #expect(
                html.contains("Procedencia de los datos") && html.contains(String(repeating: "b", count: 64)),
                "\(path): provenance with the SHA-256 of the execution file")
            #expect(
                !html.contains("http://") && !html.contains("<script"), "\(path): no external resources, no scripts")
            // Every relative link and download points at a file the publication wrote.
            let base = directory.file(path).deletingLastPathComponent()
            for match in html.matches(of: /href="([^"#]+)"/) where !match.1.hasPrefix("https://") {
                let target = base.appendingPathComponent(String(match.1)).standardizedFileURL
                #expect(FileManager.default.fileExists(atPath: target.path), "\(path) → \(match.1)")
            }
        }
    }

    @Test("descriptions with <br />, <b> and <script> render as text, never as markup")
    func escaping() throws {
        let directory = try TemporaryDirectory()
        let hostile = #"ALIMENTOS<br />PARA <b>NIÑOS</b> <script>alert("x")</script> & 'más'"#
        _ = try publish(try ExportFixture.ledger(title: hostile), to: directory.url)
        for path in ["numeral-20.html", "numeral-22.html", "nog/16299514.html"] {
            let html = try ExportFixture.read(directory.file(path))
            #expect(!html.contains("<script") && !html.contains("<b>NIÑOS") && !html.contains("<br />PARA"), "\(path)")
            #expect(
                html.contains(
                    "ALIMENTOS&lt;br /&gt;PARA &lt;b&gt;NIÑOS&lt;/b&gt; &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;más&#39;"
                ),
                "\(path)")
        }
    }

    @Test("the index shows the vigente total and the group chart draws the table below it")
    func numbersAndCharts() throws {
        let directory = try TemporaryDirectory()
        _ = try publish(try ExportFixture.ledger(), to: directory.url)
        let html = try ExportFixture.read(directory.file("index.html"))
        // 2,394,900 + 90,000 vigente in the fixture's two lines.
        #expect(html.contains("<dt>Presupuesto vigente</dt><dd>Q2,484,900.00</dd>"))
        #expect(html.contains("<svg viewBox=") && html.contains("role=\"img\"") && html.contains("<desc id="))
        #expect(html.contains("Datos del gráfico"))
    }

    @Test("bars are proportional to their amounts and the largest fills the plot")
    func barGeometry() throws {
        let chart = BarChart.make(
            id: "g", title: "t", description: "d", series: ["A"],
            inputs: [
                BarChart.Input(label: "uno", values: [Money(quetzales: 100)]),
                BarChart.Input(label: "dos", values: [Money(quetzales: 25)]),
                BarChart.Input(label: "negativo", values: [Money(quetzales: -5)]),
            ],
            data: HTMLTable(leyenda: "", encabezados: [], filas: [], totales: [], vacio: ""))
        let widths = chart.categorias.map { Double($0.barras[0].ancho) ?? -1 }
        #expect(widths[0] > 0 && abs(widths[1] - widths[0] / 4) < 0.1)
        #expect(widths[2] == 0, "a negative amount draws no bar")
        #expect(chart.categorias[2].barras[0].valor == "-Q5.00", "the value is still written")
    }

    @Test("a second publication in the same folder lists what changed on the cambios page")
    func changes() throws {
        let directory = try TemporaryDirectory()
        let first = try publish(try ExportFixture.ledger(), to: directory.url)
        #expect(first.changes == nil)
        #expect(try ExportFixture.read(directory.file("cambios.html")).contains("primera publicación"))
        let second = try publish(try ExportFixture.ledger(status: "Finalizado adjudicado"), to: directory.url)
        #expect((second.changes ?? 0) > 0)
        let html = try ExportFixture.read(directory.file("cambios.html"))
        #expect(html.contains("Finalizado adjudicado") && html.contains("modificada"))
    }

    @Test("the compiled-in templates are the files under Portal/Templates (run Scripts/generate-portal-templates)")
    func templatesAreCurrent() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Publishing/Portal/Templates")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasSuffix(".mustache")
        }
        #expect(Set(files.map { String($0.dropLast(".mustache".count)) }) == Set(PortalTemplateText.all.keys))
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let name = String(file.dropLast(".mustache".count))
            let compiled = try #require(PortalTemplateText.all[name])
            #expect(compiled == text.trimmingCharacters(in: .newlines), "\(file)")
        }
    }

    @Test("no template uses Mustache's unescaped forms")
    func templatesEscape() {
        for (name, text) in PortalTemplateText.all {
            #expect(!text.contains("{{{") && !text.contains("{{&"), "\(name)")
        }
    }
}
