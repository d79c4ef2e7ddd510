import Domain
import Foundation
import Ledger
import Linking
import Pipeline
import TestSupport
import Testing

/// Linking passes on the SOSEP samples, through the pipeline as the CLI runs them.
@Suite(.serialized)
struct LinkingRunTests {
    static let scope = ProcurementScope(year: 2022, guatecomprasEntity: "436", guatecomprasUnits: ["2"])
    static let rules = PipelineFixtures.sample("vinculos/reglas-sosep-2022.toml")
    static let manual = PipelineFixtures.sample("vinculos/manuales-sosep-2022.csv")

    /// A ledger with the samples a linking pass reads: metas, the flat export and OCDS, execution and evidence.
    static func samplesLedger(_ file: URL, complement: Bool = true) throws -> Ledger {
        let ledger = try Ledger.open(path: file.path, create: true)
        var files: [(SourceKind, String)] = [
            (.metas, "metas/metas-sosep-2022.csv"), (.compras, "compras/compras-sosep-2022.csv"),
            (.ocds, "compras/ocds-sosep-2022.json"), (.ejecucion, "ejecucion/ejecucion-sosep-2022.csv"),
            (.vinculos, "vinculos/vinculos-sosep-2022.csv"),
        ]
        if complement { files.append((.vinculos, "vinculos/insumos-sosep-2022-complemento.csv")) }
        for (kind, path) in files {
            let report = try PipelineFixtures.importOne(ledger, PipelineFixtures.sample(path), as: kind)
            guard case .imported = report.status else { throw CocoaError(.fileReadCorruptFile) }
        }
        return ledger
    }

    static func link(
        _ ledger: Ledger, rules: URL? = Self.rules, manual: URL? = Self.manual, dryRun: Bool = false,
        full: Bool = false, scope: ProcurementScope = Self.scope
    ) throws -> LinkingReport {
        try LinkingRun(ledger: ledger, toolVersion: "prueba").run(
            LinkingRequest(scope: scope, rulesFile: rules, manualFile: manual, dryRun: dryRun, full: full))
    }

    /// NOGs the samples link by rule and manually; the other 21 by evidence.
    static let byRule: Set<String> = [
        "16106805", "16164182", "16328818", "16410755", "16518019", "16536848", "16591327", "16903606", "17033027",
        "17049289", "17054614", "17176106", "17264472", "17408600",
    ]
    static let manualNOG = "16974281"

    @Test("every sample purchase is linked: 21 by evidence, 14 by rules, 1 manually, one split in two")
    func samples() throws {
        let directory = try TemporaryDirectory()
        let ledger = try Self.samplesLedger(directory.file("libro.sqlite"))
        let report = try Self.link(ledger)
        #expect(report.outcome == .linked(.full))
        #expect(report.examined == 36)
        #expect(report.unlinked.isEmpty)
        #expect(report.examinedByMethod[.evidence]?.purchases == 21)
        #expect(report.examinedByMethod[.rule]?.purchases == 14)
        #expect(report.examinedByMethod[.manual]?.purchases == 1)
        #expect(report.rules.first { $0.id == "obras-centros" }?.matched == 0, "the sample rule that never matches")
        #expect(
            report.conflicts == [
                RuleConflict(nog: "17049289", winner: "mantenimiento-vehiculos", other: "vehiculos-servicio-social")
            ])

        let links = try ledger.links(ejercicio: 2022)
        let methods = Dictionary(grouping: links, by: \.nog).mapValues { Set($0.map(\.method)) }
        #expect(methods.count == 36)
        for (nog, found) in methods {
            let expected: LinkMethod = nog == Self.manualNOG ? .manual : Self.byRule.contains(nog) ? .rule : .evidence
            #expect(found == [expected], "NOG \(nog)")
        }
        let split = links.filter { $0.nog == "17121890" }
        #expect(split.map(\.productCode) == ["P01", "P05"])
        #expect(split.map(\.amount) == [Money(centavos: 8_314_973), Money(centavos: 3_563_560)])
        #expect(
            try Money.sum(split.map(\.amount)) == Money(centavos: 11_878_533),
            "the split adds up to the award, to the centavo")
        #expect(split.map(\.share).reduce(LinkShare(billionths: 0), +) == .whole)
        let manual = try #require(links.first { $0.nog == Self.manualNOG })
        #expect(manual.productCode == "P01" && manual.renglon?.rawValue == "155" && manual.supplierID == "595055664")
        #expect(
            manual.provenance.label == "manuales-sosep-2022.csv:5",
            "line 5: three comment lines and the header come first")
        #expect(links.allSatisfy { $0.renglon != nil }, "every sample link says its renglón")
        let uniforms = try #require(links.first { $0.nog == "16164182" })
        #expect(uniforms.subproductCode == "P02-01" && uniforms.provenance.ruleID == "uniformes-madres-cuidadoras")
        let procurements = try ledger.linkableProcurements(Self.scope)
        let awarded = try Money.sum(procurements.compactMap { try $0.awardedTotal })
        #expect(try Money.sum(links.map(\.amount)) == awarded, "links cover every awarded quetzal")
    }

    @Test("a dry run decides everything, reports it, and leaves the ledger's bytes unchanged")
    func dryRun() throws {
        let directory = try TemporaryDirectory()
        let file = directory.file("libro.sqlite")
        _ = try Self.samplesLedger(file)
        let before = try Data(contentsOf: file)
        let ledger = try Ledger.open(path: file.path)
        let report = try Self.link(ledger, dryRun: true)
        #expect(report.outcome == .simulated(.full))
        #expect(report.written == 36)
        #expect(try Data(contentsOf: file) == before)
        #expect(try ledger.links(ejercicio: 2022).isEmpty)
        #expect(try ledger.linkRuns().isEmpty)
    }

    @Test("linking again with nothing new writes nothing; new evidence re-decides only the NOGs it names")
    func incremental() throws {
        let directory = try TemporaryDirectory()
        let file = directory.file("libro.sqlite")
        let ledger = try Self.samplesLedger(file, complement: false)
        let first = try Self.link(ledger)
        #expect(first.unlinked.count == 12, "the complement's NOGs have no evidence yet and no rule")
        #expect(first.unlinked.allSatisfy { $0.reason == .noEvidence })

        let before = try Data(contentsOf: file)
        let again = try Self.link(ledger, rules: nil, manual: nil)
        #expect(again.outcome == .unchanged)
        #expect(try Data(contentsOf: file) == before, "nothing changed: nothing written")

        _ = try PipelineFixtures.importOne(
            ledger, PipelineFixtures.sample("vinculos/insumos-sosep-2022-complemento.csv"), as: .vinculos)
        let third = try Self.link(ledger, rules: nil, manual: nil)
        #expect(third.outcome == .linked(.incremental))
        #expect(third.examined == 12)
        #expect(third.written == 12)
        #expect(third.examinedByMethod[.evidence]?.purchases == 12)
        #expect(third.summary.linked == 36 && third.summary.unlinked == 0)
        let runs = try ledger.linkRuns(ejercicio: 2022)
        #expect(runs.map(\.mode) == [.full, .incremental])
        #expect(runs.map(\.written) == [36, 12])
        #expect(try ledger.manualLinks(ejercicio: 2022).count == 1, "manual links survive passes without --manual")
        #expect(try ledger.links(nog: Self.manualNOG).first?.method == .manual)

        let full = try Self.link(ledger, rules: nil, manual: nil, full: true)
        #expect(full.outcome == .linked(.full))
        #expect(full.written == 0 && full.unchangedCount == 36, "the same inputs give the same links")
    }

    @Test("a changed rules file re-decides everything and keeps the manual link on top")
    func rulesChange() throws {
        let directory = try TemporaryDirectory()
        let ledger = try Self.samplesLedger(directory.file("libro.sqlite"))
        _ = try Self.link(ledger)
        let other = try directory.write(
            "otras.toml",
            text: """
                [[regla]]
                id = "todo-vehiculo"
                palabras = ["vehiculos"]
                producto = "P03"
                renglon = "325"
                """)
        let report = try Self.link(ledger, rules: other, manual: nil)
        #expect(report.outcome == .linked(.full))
        #expect(report.rulesStored)
        #expect(try ledger.links(nog: Self.manualNOG).map(\.method) == [.manual])
        #expect(try ledger.links(nog: "17049289").map(\.productCode) == ["P03"])
        #expect(report.summary.unlinked == 12, "the twelve other rule-linked purchases now have no rule")
    }

    @Test("rules naming a product the metas lack are refused with file, line and field; nothing changes")
    func unknownProduct() throws {
        let directory = try TemporaryDirectory()
        let file = directory.file("libro.sqlite")
        let ledger = try Self.samplesLedger(file)
        let before = try Data(contentsOf: file)
        let rules = try directory.write(
            "malas.toml",
            text: """
                # una regla

                [[regla]]
                id = "x"
                palabras = ["hogares"]
                producto = "P09"
                """)
        #expect {
            try Self.link(ledger, rules: rules, manual: nil)
        } throws: { error in
            guard case .invalidInput(let name, let diagnostics) = error as? LinkingError else { return false }
            return name == "malas.toml" && diagnostics.first?.line == 3 && diagnostics.first?.field == "producto"
                && diagnostics.first?.message.contains("P09") == true
        }
        #expect(try Data(contentsOf: file) == before)
    }

    @Test("purchases that leave the scope lose their links and state")
    func scopeChange() throws {
        let directory = try TemporaryDirectory()
        let ledger = try Self.samplesLedger(directory.file("libro.sqlite"))
        _ = try Self.link(ledger)
        let elsewhere = ProcurementScope(year: 2022, guatecomprasEntity: "436", guatecomprasUnits: ["9"])
        let report = try Self.link(ledger, rules: nil, manual: nil, scope: elsewhere)
        #expect(report.examined == 0)
        #expect(report.removed == 36)
        #expect(try ledger.links(ejercicio: 2022).isEmpty)
    }
}
