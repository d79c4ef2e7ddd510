import Domain
import Foundation
import Importers
import Testing

/// A small file read whole for assertions: the importer's summary plus every procurement it delivered.
@dynamicMemberLookup
struct CollectedComprasImport {
    var summary: ComprasFlatImport
    var procurements: [Procurement]

    subscript<Value>(dynamicMember path: KeyPath<ComprasFlatImport, Value>) -> Value { summary[keyPath: path] }

    /// Reads `url` through an in-memory stage, collecting what is delivered.
    static func read(_ url: URL, importer: ComprasFlatImporter = ComprasFlatImporter()) throws -> CollectedComprasImport
    {
        var procurements: [Procurement] = []
        let summary = try importer.read(url, stage: MemoryComprasStage()) { procurements.append($0) }
        #expect(summary.procurementsDelivered == procurements.count)
        return CollectedComprasImport(summary: summary, procurements: procurements)
    }
}
