import Domain
import Foundation
import Importers
import Ledger
import RedFlags
import TestSupport
import Testing

/// RedFlags against the independent Cardinal oracle on the same generated data: the oracle reads the compiled
/// releases as JSON; RedFlags reads them through the OCDS importer and the ledger. On the indicators both
/// implement, configured alike, they flag the same processes and suppliers.
struct CardinalComparisonTests {
    private static let count = 1_500
    private static let seed: UInt64 = 87

    /// The generated releases written as a record package, imported through the real OCDS importer into a ledger,
    /// read back as flag inputs: once for the suite.
    private static let inputs: FlagInputs = {
        let releases = CardinalData.releases(seed: seed, count: count)
        let directory = try! TemporaryDirectory()
        let file = directory.file("cardinal.json")
        try! CardinalData.write(releases, to: file)
        let ledger = try! Ledger.inMemory()
        _ = try! ledger.importing(
            ImportSource(sourceKind: "ocds", fileName: "cardinal.json", sha256: "c", bytes: 1), toolVersion: "t"
        ) { session in
            let sink = session.procurements()
            _ = try OCDSImporter().read(file) { event in
                if case .procurement(let procurement, _) = event { try sink.upsert(procurement) }
            }
            return .commit(ImportCounts(rowsRead: 0, rowsAccepted: 0, rowsRejected: 0))
        }
        return try! ledger.flagInputs(ejercicio: 2022)
    }()

    /// The oracle's view of the same releases (after Cardinal's `prepare`) and RedFlags' run.
    private func both(settings: String, ids: [String]) throws -> ([[String: Any]], RedFlagRun) {
        #expect(Self.inputs.purchases.count == Self.count)
        let releases = CardinalData.releases(seed: Self.seed, count: Self.count)
        // Cardinal has no fiscal year: place every process by its publication date, so a process published in
        // 2022 and awarded in January 2023 is read, as Cardinal reads it.
        let text = "[general]\nfecha_base = \"publicacion\"\n" + settings
        let run = try RedFlagEngine(settings: RedFlagSettings.parse(text, file: "x")).run(Self.inputs, ids: ids)
        return (releases.map(CardinalOracle.prepare), run)
    }

    /// Both sets equal, or a message with what each has alone.
    private func compare(_ ours: Set<String>, _ oracle: Set<String>) {
        #expect(
            ours == oracle,
            "solo RedFlags: \(ours.subtracting(oracle).sorted()) · solo Cardinal: \(oracle.subtracting(ours).sorted())")
    }

    private func ocids(_ flags: [RedFlag]) -> Set<String> { Set(flags.map { "ocds-xqjsxa-" + $0.subject.id }) }

    private var labels: [String: String] { CardinalData.labels }

    @Test("TR10 flags the processes Cardinal R003 flags, with per-modality minimums")
    func shortPeriod() throws {
        let (releases, run) = try both(settings: "", ids: ["TR10"])
        var settings = CardinalOracle.Settings()
        settings.r003Details = [
            labels["licitacion_publica"] ?? "": 40, labels["cotizacion"] ?? "": 8,
            labels["compra_directa_oferta_electronica"] ?? "": 1,
        ]
        settings.excludedDetails = [labels["baja_cuantia"] ?? ""]
        let oracle = CardinalOracle.r003(releases, settings)
        #expect(oracle.count > 50)
        compare(ocids(run.flags), oracle)
    }

    @Test("TR08 flags the processes Cardinal R018 flags when non-competitive modalities are excluded")
    func singleBid() throws {
        let (releases, run) = try both(settings: "[TR08]\nsolo_adjudicados = false", ids: ["TR08"])
        var settings = CardinalOracle.Settings()
        settings.r018Methods = ["open"]
        settings.excludedDetails = [labels["baja_cuantia"] ?? "", labels["compra_directa_oferta_electronica"] ?? ""]
        let oracle = CardinalOracle.r018(releases, settings)
        #expect(oracle.count > 50)
        compare(ocids(run.flags), oracle)
    }

    @Test("TR13 flags what Cardinal R024 and R058 flag, run on each modality's processes")
    func runnerUp() throws {
        let (releases, run) = try both(settings: "[TR13]\nmin_grupo = 1", ids: ["TR13"])
        var close: Set<String> = []
        var discount: Set<String> = []
        for code in ["compra_directa_oferta_electronica", "cotizacion", "licitacion_publica"] {
            var settings = CardinalOracle.Settings()
            let label = labels[code] ?? ""
            settings.priceComparison = [label]
            let subset = releases.filter {
                ($0["tender"] as? [String: Any])?["procurementMethodDetails"] as? String == label
            }
            let ratios = CardinalOracle.secondLowestBidRatios(subset, settings)
            close.formUnion(CardinalOracle.r024(ratios))
            discount.formUnion(CardinalOracle.r058(ratios))
        }
        #expect(close.count + discount.count > 10)
        #expect(ocids(run.flags.filter { $0.detail.contains("cercana") }) == close)
        #expect(ocids(run.flags.filter { $0.detail.contains("con descuento") }) == discount)
    }

    @Test("TR14 flags the processes and bidders Cardinal R028 flags, with 0.0 bids redacted")
    func identicalBids() throws {
        let (releases, run) = try both(settings: "", ids: ["TR14"])
        var settings = CardinalOracle.Settings()
        settings.priceComparison = Set(
            ["compra_directa_oferta_electronica", "cotizacion", "licitacion_publica"].compactMap { labels[$0] })
        let oracle = CardinalOracle.r028(releases, settings)
        #expect(oracle.ocids.count > 20)
        compare(ocids(run.flags), oracle.ocids)
        let bidders = Set(run.flags.flatMap { $0.evidence.compactMap(\.supplierID) }.map { "GT-NIT-" + $0 })
        #expect(bidders == oracle.tenderers)
    }

    @Test("TR16 flags the suppliers Cardinal R048 flags (two-digit categories, at least 20 processes)")
    func heterogeneous() throws {
        let (releases, run) = try both(settings: "", ids: ["TR16"])
        let oracle = CardinalOracle.r048(releases, CardinalOracle.Settings())
        // The data are not degenerate: with Q1 = Q3 the two differ on purpose (see HeterogeneousSupplier).
        #expect(oracle.q3 > oracle.q1)
        #expect(!oracle.tenderers.isEmpty)
        #expect(Set(run.flags.map { "GT-NIT-" + $0.subject.id }) == oracle.tenderers)
    }

    @Test("the oracle's quantile is statrs' type 8 (values checked by hand)")
    func quantile() {
        // n = 4, τ = 0.25: h = (4 + 1/3)·0.25 + 1/3 = 1.41667 → 1 + 0.41667·(2 − 1).
        #expect(abs(CardinalOracle.quantile([4, 1, 3, 2], 0.25) - 1.416_666_7) < 1e-6)
        #expect(abs(CardinalOracle.quantile([4, 1, 3, 2], 0.75) - 3.583_333_3) < 1e-6)
        #expect(CardinalOracle.quantile([5], 0.75) == 5)
    }
}
