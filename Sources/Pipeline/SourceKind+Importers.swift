import Domain
import Foundation
import Importers
import Ledger

/// Something done with the importer and the store of a source kind, whatever their types.
protocol ImportVisitor {
    associatedtype Output
    func visit<I: Importer, S: RecordStore>(_ importer: I, store: S) throws -> Output where S.Record == I.Record
}

extension SourceKind {
    /// Hands this kind's importer (configured with the user's options) and ledger store to `visitor`. The one
    /// place that knows which importer reads which kind: a new source is a new case here.
    ///
    /// The ledger is read only where an importer needs what is already stored: the execution importer repairs a
    /// damaged name from an undamaged copy in the ledger, read once before the import's transaction opens.
    func accept<V: ImportVisitor>(_ visitor: V, options: ImportOptions, ledger: Ledger) throws -> V.Output {
        switch self {
        case .metas:
            try visitor.visit(
                MetasImporter(options: MetasImportOptions(ejercicio: options.year, mes: options.month)),
                store: MetasStore())
        case .resumen:
            try visitor.visit(DeclaredSharesImporter(), store: DeclaredSharesStore())
        case .ocds:
            try visitor.visit(OCDSImporter(), store: ProcurementStore(policy: .replace))
        case .compras:
            try visitor.visit(
                ComprasFlatImporter(options: .init(sheet: options.sheet, dateOrder: options.dateOrder)),
                store: ProcurementStore(policy: .overlay))
        case .nogHTML:
            try visitor.visit(NOGPageImporter(), store: ProcurementStore(policy: .overlay))
        case .ejecucion:
            try visitor.visit(
                ExecutionFileImporter(
                    options: ExecutionImportOptions(
                        ejercicio: options.year,
                        mes: options.month ?? options.cutoffDate.flatMap(Self.month(ofISODate:)),
                        fechaCorte: options.cutoffDate, allowPartialPage: options.allowPartialPage,
                        delimiter: options.separator, knownNames: try ledger.executionNames())),
                store: ExecutionStore())
        case .vinculos:
            try visitor.visit(LinkFileImporter(ejercicio: options.year), store: LinkEvidenceStore())
        }
    }

    /// The month of `2022-08-31`.
    private static func month(ofISODate text: String) -> Int? {
        let parts = text.split(separator: "-")
        return parts.count == 3 ? Int(parts[1]) : nil
    }
}
