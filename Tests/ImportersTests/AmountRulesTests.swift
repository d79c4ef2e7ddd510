import Domain
import Foundation
import TestSupport
import Testing

@testable import Formats
@testable import Importers

/// One rule for amounts in every importer: more than two significant decimals is an error (only the noise of
/// numbers that went through binary floats is rounded, and counted), nothing above one trillion quetzales is
/// read, and negative amounts are refused or warned according to what the field means.
struct AmountRulesTests {
    static let executionHeader =
        "EJERCICIO,ENTIDAD,UNIDAD EJECUTORA,PROGRAMA,SUBPROGRAMA,PROYECTO,ACTIVIDAD,OBRA,RENGLON,FUENTE,"
        + "ASIGNADO,MODIFICADO,VIGENTE,DEVENGADO,PAGADO"

    private func errors(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.filter { $0.severity == .error }.map {
            "\($0.file):\($0.line ?? 0):\($0.field ?? ""): \($0.message)"
        }
    }

    // MARK: - Decimals

    @Test("import ejecucion refuses 1.234, 0.005 and 2.345 in a CSV instead of rounding them; 1.2300 is fine")
    func executionCSVDecimals() throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write(
            "ejecucion.csv",
            text: [
                Self.executionHeader,
                "2022,11130016,208,01,00,000,001,000,011,11,1.234,0.00,1.234,0.00,0.00",
                "2022,11130016,208,01,00,000,001,000,012,11,100.00,0.005,100.005,0.00,0.00",
                "2022,11130016,208,01,00,000,001,000,013,11,2.345,0.00,2.345,0.00,0.00",
                "2022,11130016,208,01,00,000,001,000,014,11,1.2300,0.00,1.23,1.2300,0.00",
            ].joined(separator: "\n") + "\n")
        let result = try ExecutionImporter.read(url)
        let found = errors(result.diagnostics)
        #expect(
            found.contains { $0.hasPrefix("ejecucion.csv:2:ASIGNADO: «1.234» tiene más de dos decimales") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("ejecucion.csv:3:MODIFICADO: «0.005»") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("ejecucion.csv:4:VIGENTE: «2.345»") }, "\(found)")
        #expect(result.rowsRejected == 3)
        #expect(result.snapshot?.lines.map(\.amounts.asignado) == [Money(centavos: 123)])
    }

    @Test("CKAN JSON numbers: float noise is rounded to the centavo and reported, a real third decimal is refused")
    func executionJSONDecimals() throws {
        let directory = try TemporaryDirectory()
        func record(_ renglon: Int, _ asignado: String) -> String {
            #"{"ejercicio": 2022, "codigoEntidad": 11130016, "codigoUnidadEjecutora": 208, "codigoPrograma": 1, "#
                + #""codigoActividad": 1, "codigoRenglon": \#(renglon), "codigoFuente": 11, "asignado": \#(asignado), "#
                + #""modificado": 0, "vigente": \#(asignado), "devengado": 0, "pagado": 0}"#
        }
        let url = try directory.write(
            "ckan.json",
            text: #"{"success": true, "result": {"records": ["# + record(11, "1234.5600000001") + ","
                + record(12, "1.234") + "]}}")
        let result = try ExecutionImporter.read(url)
        #expect(
            errors(result.diagnostics).contains {
                $0.hasPrefix("ckan.json:2:asignado: «1.234» tiene más de dos decimales")
            },
            "\(result.diagnostics)")
        #expect(result.snapshot?.lines.map(\.amounts.asignado) == [Money(centavos: 123_456)])
        #expect(
            result.diagnostics.contains {
                $0.severity == .info && $0.message.contains("se redondearon al centavo 2 monto(s)")
            })
    }

    @Test("flat compras JSON: 1.234 is refused (it was rounded to 1.23 in silence), float noise is rounded and counted")
    func comprasJSONDecimals() throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write(
            "compras.json",
            text: """
                [{"nogConcurso": 1001, "nit": "1", "nombre": "UNO", "monto": 1.234},
                 {"nogConcurso": 1002, "nit": "2", "nombre": "DOS", "monto": 1234.5600000001}]
                """)
        let result = try CollectedComprasImport.read(url)
        #expect(
            errors(result.diagnostics).contains { $0.hasPrefix("compras.json:1:MONTO: «1.234» no es un monto válido") },
            "\(result.diagnostics)")
        #expect(result.procurements.map(\.nog) == ["1002"])
        #expect(result.procurements.first?.awards.first?.amount == Money(centavos: 123_456))
        #expect(result.repairedValues == 1)
    }

    // MARK: - Negative amounts

    @Test("compras refuses negative awards, accounting style included", arguments: ["(1,000.00)", "-5.00", "Q-5.00"])
    func comprasNegative(amount: String) throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write(
            "compras.csv", text: "NOG CONCURSO;NIT;NOMBRE;MONTO\n1001;1;UNO;\(amount)\n1002;2;DOS;5.00\n")
        let result = try CollectedComprasImport.read(url)
        #expect(
            errors(result.diagnostics).contains {
                $0.hasPrefix("compras.csv:2:MONTO: el monto adjudicado") && $0.contains("es negativo")
            },
            "\(result.diagnostics)")
        #expect(result.procurements.map(\.nog) == ["1002"])
    }

    @Test("an OCDS award of -5 rejects its release with the field; a huge one too, instead of being dropped in silence")
    func ocdsNegativeAndHuge() throws {
        let directory = try TemporaryDirectory()
        func award(_ amount: String) -> String {
            #"[{"id":"A","status":"active","value":{"amount":\#(amount),"currency":"GTQ"},"suppliers":[{"id":"GT-NIT-1","name":"X"}]}]"#
        }
        let releases = [
            releaseJSON(nog: "16000011", date: "2022-03-10T10:00:00-06:00", awards: award("-5")),
            releaseJSON(nog: "16000012", date: "2022-03-10T10:00:00-06:00", awards: award("5e16")),
            releaseJSON(nog: "16000013", date: "2022-03-10T10:00:00-06:00", awards: award("89500.5")),
        ]
        let result = try readOCDS(
            try directory.write("p.json", text: #"{"releases":[\#(releases.joined(separator: ","))]}"#))
        #expect(result.procurements.map(\.nog) == ["16000013"])
        let messages = result.rejects.map(\.message).joined(separator: "\n")
        #expect(result.rejects.count == 2, "\(messages)")
        #expect(messages.contains("-Q5.00 es negativo"))
        #expect(messages.contains("supera el máximo aceptado para un monto"))
        #expect(result.rejects.allSatisfy { $0.field?.contains("awards[0].value") == true }, "\(result.rejects)")
    }

    @Test("vínculos: a negative devengado of an input is an error; a negative CUR is a reversal, kept with a warning")
    func linksNegative() throws {
        let directory = try TemporaryDirectory()
        let insumos = try LinkFileImporter.read(
            try directory.write(
                "insumos.csv",
                text: """
                    NOG,PROGRAMA,ACTIVIDAD,RENGLON,NIT,MONTO_DEVENGADO,FECHA_APROBADO
                    16740804,11,1,211,388768746,-1000.00,12/07/2022
                    """ + "\n"))
        #expect(
            errors(insumos.diagnostics) == [
                "insumos.csv:2:MONTO_DEVENGADO: el monto devengado -Q1,000.00 es negativo; este campo no puede serlo"
            ])
        let cur = try LinkFileImporter.read(
            try directory.write(
                "cur.csv",
                text: """
                    NO_CUR,NOG,CLASE_REGISTRO,NIT,MONTO,FEC_APROBADO
                    4513,16740804,REV,388768746,(640055.93),7/13/2022
                    """ + "\n"))
        #expect(errors(cur.diagnostics).isEmpty, "\(cur.diagnostics)")
        #expect(cur.evidence.first?.monto == Money(centavos: -64_005_593))
        #expect(cur.diagnostics.contains { $0.severity == .warning && $0.message.contains("reversión") })
    }
}
