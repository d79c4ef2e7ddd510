import Importers
import Ledger

extension ImportRunner {
    /// Imports metas files (products and subproducts); false when any file was refused.
    static func metas(_ files: [String], options: ImportOptions, ledger: Ledger) throws -> Bool {
        try ImportRunner(kind: "metas", options: options, ledger: ledger).run(files: files, parse: MetasImporter.parse) {
            ledger, parsed, source in
            try ledger.importMetas(
                parsed.value, source: source, toolVersion: Transparencia.version, rowsRead: parsed.rowsRead,
                diagnostics: parsed.diagnostics)
        }
    }

    /// Imports published summary tables; false when any file was refused.
    static func resumen(_ files: [String], options: ImportOptions, ledger: Ledger) throws -> Bool {
        try ImportRunner(kind: "resumen", options: options, ledger: ledger).run(
            files: files, parse: DeclaredSharesImporter.parse
        ) { ledger, parsed, source in
            try ledger.importDeclaredShares(
                parsed.value, source: source, toolVersion: Transparencia.version, diagnostics: parsed.diagnostics)
        }
    }
}
