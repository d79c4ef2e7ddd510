import Domain
import Formats
import Foundation
import Testing

@testable import Importers

struct NameRepairTests {
    @Test(
        "a lost Í or Á is put back when exactly one candidate makes a Spanish word",
        arguments: [
            (
                "COMPLEMENTOS ESPECÃ\u{FFFD}FICOS AL PERSONAL PERMANENTE",
                "COMPLEMENTOS ESPECÍFICOS AL PERSONAL PERMANENTE"
            ),
            ("ENERGÃ\u{FFFD}A ELÃ‰CTRICA", "ENERGÍA ELÉCTRICA"),
            ("POLICÃ\u{FFFD}A MUNICIPAL DE TRÃ\u{FFFD}NSITO", "POLICÍA MUNICIPAL DE TRÁNSITO"),
            ("SERVICIOS BÃ?SICOS", "SERVICIOS BÁSICOS"),
        ])
    func dictionary(damaged: String, repaired: String) {
        #expect(NameRepair.inspect(damaged) == .restored(repaired, .dictionary))
    }

    @Test("the catalog's name for the same code settles the letter, in the file's case")
    func catalog() {
        let outcome = NameRepair.inspect("ENERGÃ\u{FFFD}A ELÃ‰CTRICA", catalog: "Energía eléctrica")
        #expect(outcome == .restored("ENERGÍA ELÉCTRICA", .catalog))
        // A catalog name that reads differently is no evidence.
        #expect(
            NameRepair.inspect("ENERGÃ\u{FFFD}A SOLAR", catalog: "Energía eléctrica")
                == .restored("ENERGÍA SOLAR", .dictionary))
    }

    @Test("without a faithful source the lost letter stays flagged with U+FFFD; other damage cannot be repaired")
    func flagged() {
        #expect(NameRepair.inspect("ALDEA PACHÃ\u{FFFD}J") == .damaged("ALDEA PACH\u{FFFD}J"))
        #expect(NameRepair.inspect("SERVICIOS P\u{FFFD}BLICOS") == .damaged("SERVICIOS P\u{FFFD}BLICOS"))
        #expect(NameRepair.inspect("¿QUÉ?") == .clean)
        #expect(NameRepair.inspect("SECRETAR\u{C3}\u{8D}A") == .repaired("SECRETARÍA"))
    }

    @Test("a lone surrogate that holds a byte (surrogateescape) gives that byte back exactly")
    func surrogateEscape() throws {
        let (bytes, replaced) = CKANByteEscapes.repair(
            Data(#"{"a": "SECRETAR\u00c3\udc8dA", "b": "P\ud800X", "c": "\\udc8d"}"#.utf8))
        #expect(replaced == 2)
        let value = try JSONValue.parse(bytes)
        #expect(value["a"].flatMap(\.text).map { NameRepair.inspect($0) } == .repaired("SECRETARÍA"))
        #expect(value["b"]?.text == "P\u{FFFD}X")
        #expect(value["c"]?.text == #"\udc8d"#, "an escaped backslash is not an escape")
    }
}
