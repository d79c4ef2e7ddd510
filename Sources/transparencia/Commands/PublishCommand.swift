import ArgumentParser
import Foundation
import Publishing

/// `transparencia publish`: the LAIP portal, a static website of the información pública de oficio.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Genera el portal LAIP: un sitio estático con la información pública de oficio (Art. 10).",
        discussion: HelpText.reflow(
            """
            Escribe en la carpeta de salida un sitio HTML + CSS con gráficos SVG, sin JavaScript ni recursos
            externos, que funciona abierto desde el disco (file://) o subido tal cual a cualquier servidor web:
            un índice, una página por numeral del Art. 10 (5 plan y metas, 7 presupuesto y modificaciones,
            8 ejecución mensual y cuatrimestral, 20 cotización y licitación, 22 compras directas y baja
            cuantía), una página de seguimiento por dirección, una por NOG (lo que imprime `seguir`) y la página
            de cambios. Cada página dice la procedencia de sus datos (archivos con fecha y SHA-256,
            verificaciones con hallazgos, compras sin vincular) y ofrece sus descargas (CSV, JSON y CSV para
            Excel), escritas por `export` en DIR/datos/. Si DIR/datos/ ya tiene una publicación, la página de
            cambios dice qué cambió desde entonces.

            Ejemplos:
              transparencia publish --year 2022 --output sitio
              transparencia publish --year 2022 --month 3 --output sitio-marzo
            """)
    )

    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var scope: ScopeOptions

    @Option(name: .long, help: ArgumentHelp("Carpeta del sitio.", valueName: "carpeta"))
    var output = "sitio"

    func validate() throws {
        if scope.cuatrimestre != nil {
            throw ValidationError(
                "el portal publica un ejercicio o un mes (--month); la vista cuatrimestral ya está en el numeral 8")
        }
    }

    func run() throws {
        StepwiseMemory.prepare()
        let (datasets, datasetScope) = try ReportRunner(ledgerOptions: ledgerOptions, output: OutputOptions.parse([]))
            .context(scope)
        let directory = URL(fileURLWithPath: output)
        let summary = try PortalPublisher(datasets: datasets).run(
            PortalRequest(
                scope: datasetScope, directory: directory, created: ExportCommand.publicationDate,
                toolVersion: Transparencia.version))
        if let changes = summary.changes { Terminal.note("cambios desde la publicación anterior: \(changes)") }
        Terminal.note(
            "escrito el sitio en \(output)/: \(summary.pages.count) páginas y \(summary.dataFiles) archivos de datos")
        Terminal.note("ábralo en un navegador: \(summary.index.path)")
    }
}
