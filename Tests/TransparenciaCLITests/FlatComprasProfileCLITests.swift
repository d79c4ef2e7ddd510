import Foundation
import TestSupport
import Testing

/// Guatecompras' flat exports name the buying unit but not its code: with an institution's profile (which
/// narrows reports to its Guatecompras units) those rows must still be reported, not hidden as «sin datos».
struct FlatComprasProfileCLITests {
    @Test("with the SOSEP profile, a flat compras export without unit codes is reported, totals included")
    func flatRowsWithProfile() throws {
        let directory = try TemporaryDirectory()
        let runner = BinaryRunner(directory: directory.url)
        let profile = BinaryRunner.samples.appendingPathComponent("sosep.toml").path
        #expect(try runner.run(["init", "--profile-from", profile]).status == 0)
        let compras = BinaryRunner.samples.appendingPathComponent("compras/compras-sosep-2022.csv").path
        #expect(try runner.run(["import", "compras", "--quiet", compras]).status == 0)
        let totals = try runner.run(["report", "compras", "--totals", "modalidad", "--format", "csv"])
        #expect(totals.status == 0, "\(totals.stderr)")
        #expect(totals.stdout.contains("\nLicitación pública,3,2,7846049.72,0\r\n"), "\(totals.stdout)")
        #expect(!totals.stderr.contains("sin datos"), "\(totals.stderr)")
        let list = try runner.run(["report", "compras", "--format", "csv"])
        #expect(list.stdout.split(separator: "\r\n").count == 37, "36 NOG and the header")
    }

    @Test("a national flat export: the profile's buyer names keep SOSEP's rows and leave another entity's out")
    func nationalFlatRowsByName() throws {
        let directory = try TemporaryDirectory()
        var bytes = try Data(
            contentsOf: BinaryRunner.samples.appendingPathComponent("compras/compras-sosep-2022.csv"))
        let headerEnd = try #require(bytes.firstIndex(of: UInt8(ascii: "\n")))
        let other =
            "19900001;JERINGAS DESCARTABLES;MINISTERIO DE SALUD PUBLICA Y ASISTENCIA SOCIAL;UNIDAD DE COMPRAS;"
            + "Cotizacion (Art. 38 LCE);;Adjudicado;02-03-2022;20-03-2022;421450878;PROVEEDOR, S.A.;Q.45,000.00\r\n"
        bytes.insert(contentsOf: Array(other.utf8), at: headerEnd + 1)
        let national = try directory.write("compras-nacional.csv", bytes)
        let runner = BinaryRunner(directory: directory.url)
        let profile = BinaryRunner.samples.appendingPathComponent("sosep.toml").path
        #expect(try runner.run(["init", "--profile-from", profile]).status == 0)
        let imported = try runner.run(["import", "compras", "--quiet", national.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let list = try runner.run(["report", "compras", "--format", "csv"])
        #expect(list.stdout.split(separator: "\r\n").count == 37, "SOSEP's 36 NOG and the header")
        #expect(!list.stdout.contains("19900001"))
        let blank = try directory.write("blanco.toml", text: "")
        let everyone = try runner.run(["report", "compras", "--format", "csv", "--profile", blank.path])
        #expect(everyone.stdout.contains("19900001"), "\(everyone.stderr)")
    }
}
