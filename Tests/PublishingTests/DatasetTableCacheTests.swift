import Testing

@testable import Publishing

/// The portal builds each whole table once per publication and reuses it for both exports and the pages.
struct DatasetTableCacheTests {
    private static func table(_ name: String) -> DataTable {
        DataTable(name: name, title: name, columns: [DataColumn("a", .string, "a")], rows: [[.text(name)]])
    }

    @Test("a table is built once per dataset and scope; another scope or dataset builds its own")
    func buildsOncePerKey() throws {
        let cache = DatasetTableCache()
        var builds = 0
        let build = { (name: String) -> DataTable in
            builds += 1
            return Self.table(name)
        }
        let scope = DatasetScope(year: 2022)
        #expect(try cache.table(.vinculos, scope: scope) { build("uno") } == Self.table("uno"))
        #expect(try cache.table(.vinculos, scope: scope) { build("dos") } == Self.table("uno"))
        #expect(builds == 1)
        #expect(
            try cache.table(.vinculos, scope: DatasetScope(year: 2022, month: 3)) { build("tres") }
                == Self.table("tres"))
        #expect(try cache.table(.productos, scope: scope) { build("cuatro") } == Self.table("cuatro"))
        #expect(builds == 3)
    }

    @Test("streamed listings are never warmed into the cache")
    func streamedAreNotKept() {
        #expect(Datasets.streamed.contains(.compras) && Datasets.streamed.contains(.ejecucion))
        #expect(Datasets.streamed.contains(.vinculos) && Datasets.streamed.contains(.verificaciones))
        #expect(!Datasets.streamed.contains(.productos) && !Datasets.streamed.contains(.conciliacionPorProducto))
    }
}
