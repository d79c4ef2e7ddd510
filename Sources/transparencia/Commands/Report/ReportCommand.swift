import ArgumentParser

/// `transparencia report <table>`: tables read from the ledger, printed as a table, CSV or JSON.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reportes del libro de datos (tabla, CSV o JSON).",
        discussion: HelpText.reflow(
            """
            Ejemplos:
              transparencia report productos --year 2022
              transparencia report productos --year 2022 --output productos.csv
            """),
        subcommands: [
            ReportProductosCommand.self,
            ReportGruposCommand.self,
            ReportRenglonesCommand.self,
            ReportActividadesCommand.self,
            ReportComprasCommand.self,
            ReportAdjudicacionesCommand.self,
            ReportProveedoresCommand.self,
            ReportEjecucionCommand.self,
            ReportVinculosCommand.self,
            ReportImportacionesCommand.self,
            ReportDiagnosticosCommand.self,
        ]
    )
}
