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
}
