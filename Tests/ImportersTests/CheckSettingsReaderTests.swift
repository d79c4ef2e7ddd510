import Domain
import Foundation
import Importers
import TestSupport
import Testing

struct CheckSettingsReaderTests {
    @Test("the profile's [verificaciones] table gives severities by check id, in Spanish or English")
    func reads() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write(
            "transparencia.toml",
            text: """
                [institucion]
                siglas = "SOSEP"

                [verificaciones]
                "proveedores.nit" = "advertencia"
                "compras.fecha-ejercicio" = "error"
                "evidencia.nog-desconocido" = "info"
                "vinculos.participaciones" = "warning"
                """)
        let severities = try CheckSettingsReader.read(file)
        #expect(
            severities == [
                "proveedores.nit": .warning, "compras.fecha-ejercicio": .error, "evidencia.nog-desconocido": .info,
                "vinculos.participaciones": .warning,
            ])
        #expect(try CheckSettingsReader.read(BinaryRunner.samples.appendingPathComponent("sosep.toml")).isEmpty)
    }

    @Test("an unknown severity is refused with the check it belongs to")
    func unknownSeverity() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("t.toml", text: "[verificaciones]\n\"proveedores.nit\" = \"grave\"\n")
        #expect {
            try CheckSettingsReader.read(file)
        } throws: { error in
            (error as? ImportError)?.errorDescription?.contains("\"proveedores.nit\"") == true
        }
    }
}
