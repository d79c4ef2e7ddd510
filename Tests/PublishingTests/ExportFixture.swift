import Domain
import Formats
import Foundation
import Ledger
import Publishing
import TestSupport

/// A small ledger for export tests: three processes of unit 436-2 (a company's award with a contract, a natural
/// person's award, one without awards), two budget lines (one with the parts of its modifications, one without)
/// and the input-level execution that ties a NOG to its renglón.
enum ExportFixture {
    static let profile: InstitutionProfile = {
        var profile = InstitutionProfile()
        profile.nombre = "Secretaría de Prueba"
        profile.siglas = "SP"
        profile.sicoinEntidad = "11130016"
        profile.guatecomprasEntidad = "436"
        profile.guatecomprasUnidades = ["2"]
        profile.unidadResponsable = "Unidad de Información Pública"
        profile.contacto = "uip@prueba.gob.gt"
        profile.ejercicio = 2022
        return profile
    }()

    /// The profile, allowing the natural person's columns.
    static var allowingPersons: InstitutionProfile {
        var profile = profile
        profile.columnasPersonalesPermitidas = [
            "adjudicaciones.adjudicacion_id", "adjudicaciones.nit_proveedor", "adjudicaciones.nombre_proveedor",
            "ocds.proveedor",
        ]
        return profile
    }

    static func day(_ text: String) -> Date {
        guard case .date(let date) = ProcurementDate.parse(text) else {
            fatalError("fecha de prueba inválida: \(text)")
        }
        return date
    }

    static func procurements(title: String = "ADQUISICIÓN DE ALIMENTOS", status: String = "Adjudicado") -> [Procurement]
    {
        let company = Supplier(partyID: "GT-NIT-947642900", name: "TRANSPORTES DEL PACIFICO, SOCIEDAD ANONIMA")
        let person = Supplier(partyID: "GT-NIT-82590753", name: "LOPEZ,GARCIA,,MARIA,JOSE")
        func process(
            _ nog: String, _ published: String, modality: String, awards: [Award] = [], contracts: [Contract] = []
        )
            -> Procurement
        {
            Procurement(
                nog: nog, ocid: Procurement.ocid(forNOG: nog), title: title + " " + nog, buyerEntityCode: "11130016",
                buyerEntityName: "SECRETARÍA DE PRUEBA", buyingUnitCode: "436-2",
                buyingUnitName: "DEPARTAMENTO DE COMPRAS",
                modalityCode: modality, modalityText: ModalityCatalog.bundled.modality(code: modality)?.name,
                status: awards.isEmpty ? "Vigente" : status, ocdsStatus: awards.isEmpty ? "active" : "complete",
                category: "goods", publishedAt: day(published), awardedAt: awards.compactMap(\.date).min(),
                lastUpdatedAt: day(published), awards: awards, contracts: contracts,
                releaseIDs: ["GT-NOG-\(nog)-T637833348310004118"])
        }
        return [
            process(
                "16299514", "2022-03-19T13:13:23-06:00", modality: "licitacion_publica",
                awards: [
                    Award(
                        id: "GT-ADJ-16299514-947642900", supplier: company, amount: Money(centavos: 239_490_000),
                        status: "active", statusDetails: "Habilitado", date: day("2022-03-31T12:57:00-06:00"))
                ],
                contracts: [
                    Contract(
                        id: "NOG-16299514-CON-0F4B", awardID: "GT-ADJ-16299514-947642900",
                        contractNumber: "SP-DA-010-2022",
                        status: "active", dateSigned: day("2022-04-10"), amount: Money(centavos: 239_490_000),
                        periodStart: day("2022-04-10"), periodEnd: day("2022-12-31"))
                ]),
            process(
                "16591327", "2022-05-17T09:00:00-06:00", modality: "baja_cuantia",
                awards: [
                    Award(
                        id: "GT-ADJ-16591327-82590753", supplier: person, amount: Money(centavos: 384_000),
                        status: "active",
                        date: day("2022-05-28T10:00:00-06:00"))
                ]),
            process("17000001", "2022-08-01T08:00:00-06:00", modality: "cotizacion"),
        ]
    }

    static func code(_ renglon: String) -> Renglon {
        guard let code = Renglon(rawValue: renglon) else { fatalError("renglón de prueba inválido: \(renglon)") }
        return code
    }

    static func budgetLines() -> [BudgetLine] {
        func key(_ renglon: String) -> BudgetKey {
            BudgetKey(
                ejercicio: 2022, entidad: "11130016", unidadEjecutora: "208", programa: "11", subprograma: "00",
                proyecto: "000", actividad: "004", obra: "000", renglon: code(renglon),
                fuente: "11", ubicacionGeografica: "0101")
        }
        let withParts = ExecutionAmounts(
            asignado: Money(quetzales: 2_000_000), modificado: Money(quetzales: 394_900),
            vigente: Money(quetzales: 2_394_900),
            comprometido: Money(quetzales: 2_394_900), devengado: Money(quetzales: 2_394_900),
            pagado: Money(quetzales: 2_000_000), devengadoMensual: [4: Money(quetzales: 2_394_900)],
            modificaciones: BudgetModifications(
                adiciones: Money(quetzales: 400_000), disminuciones: Money(quetzales: 5_100),
                traspasosPositivos: .zero, traspasosNegativos: .zero))
        let netOnly = ExecutionAmounts(
            asignado: Money(quetzales: 100_000), modificado: Money(quetzales: -10_000),
            vigente: Money(quetzales: 90_000),
            devengado: Money(quetzales: 3_840), pagado: Money(quetzales: 3_840),
            devengadoMensual: [5: Money(quetzales: 3_840)])
        return [
            BudgetLine(key: key("211"), amounts: withParts, names: ["actividad": "Mis Años Dorados"], sourceLine: 5),
            BudgetLine(key: key("122"), amounts: netOnly, sourceLine: 6),
        ]
    }

    /// A ledger holding the fixture; `title` and `status` change the processes for changelog tests.
    static func ledger(title: String = "ADQUISICIÓN DE ALIMENTOS", status: String = "Adjudicado") throws -> Ledger {
        let ledger = try Ledger.inMemory()
        try fill(ledger, title: title, status: status)
        return ledger
    }

    static func fill(_ ledger: Ledger, title: String = "ADQUISICIÓN DE ALIMENTOS", status: String = "Adjudicado") throws
    {
        let procurements = procurements(title: title, status: status)
        _ = try ledger.importing(
            ImportSource(
                sourceKind: "ocds", fileName: "ocds.json", sha256: FileDigest.sha256(of: title + status), bytes: 10),
            toolVersion: "prueba"
        ) { session in
            for procurement in procurements { try session.procurements().upsert(procurement) }
            return .commit(ImportCounts(rowsRead: 3, rowsAccepted: 3, rowsRejected: 0))
        }
        _ = try ledger.importExecution(
            ExecutionSnapshot(cutoff: ExecutionCutoff(ejercicio: 2022, mes: 12), lines: budgetLines()),
            source: ImportSource(
                sourceKind: "ejecucion", fileName: "ejecucion.csv", sha256: String(repeating: "b", count: 64),
                bytes: 20,
                sourceURL: "https://datos.minfin.gob.gt/ejecucion.csv"),
            toolVersion: "prueba", rowsRead: 2)
        _ = try ledger.importLinkEvidence(
            [
                LinkEvidence(
                    kind: .insumo, ejercicio: 2022, nog: "16299514", entidad: "11130016", unidadEjecutora: "208",
                    programa: "11", subprograma: "00", proyecto: "000", actividad: "004", obra: "000",
                    renglon: Renglon(rawValue: "211"), nit: "947642900", monto: Money(centavos: 239_490_000),
                    sourceLine: 2)
            ],
            source: ImportSource(
                sourceKind: "vinculos", fileName: "vinculos.csv", sha256: String(repeating: "c", count: 64), bytes: 30),
            toolVersion: "prueba", rowsRead: 1)
    }

    static func scope(_ profile: InstitutionProfile = allowingPersons, month: Int? = nil) -> DatasetScope {
        DatasetScope(year: 2022, month: month, profile: profile)
    }

    /// A fixed publication date, so descriptors compare byte for byte.
    static let created = Date(timeIntervalSince1970: 1_700_000_000)

    /// Exports the fixture into a folder.
    @discardableResult
    static func export(
        _ ledger: Ledger, to directory: URL, profile: InstitutionProfile = allowingPersons,
        format: FormatProfile = .abierto, jsonLines: Bool = false, since: URL? = nil,
        datasets: [Dataset] = Dataset.published,
        dryRun: Bool = false
    ) throws -> ExportSummary {
        try DatasetExporter(datasets: Datasets(ledger: ledger)).run(
            ExportRequest(
                datasets: datasets, scope: scope(profile), directory: directory, format: format, jsonLines: jsonLines,
                since: since, created: created, toolVersion: "prueba", dryRun: dryRun))
    }

    static func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }
}
