import Domain
import Foundation
import Testing

struct RenglonTests {
    @Test(
        "derives the group as code minus code mod 100 for every group",
        arguments: [
            ("011", "000"), ("029", "000"), ("099", "000"),
            ("111", "100"), ("199", "100"),
            ("211", "200"), ("295", "200"),
            ("322", "300"),
            ("411", "400"), ("435", "400"),
            ("511", "500"),
            ("611", "600"),
            ("711", "700"),
            ("811", "800"),
            ("911", "900"), ("999", "900"),
        ])
    func group(code: String, grupo: String) throws {
        let renglon = try #require(Renglon(rawValue: code))
        #expect(renglon.grupo.rawValue == grupo)
    }

    @Test("derives the subgroup as code minus code mod 10")
    func subgroup() throws {
        #expect(try #require(Renglon(rawValue: "029")).subgrupo == "020")
        #expect(try #require(Renglon(rawValue: "211")).subgrupo == "210")
        #expect(try #require(Renglon(rawValue: "999")).subgrupo == "990")
    }

    @Test("keeps leading zeros and refuses malformed codes")
    func validation() {
        #expect(Renglon(rawValue: "011")?.rawValue == "011")
        #expect(Renglon(rawValue: "11") == nil)
        #expect(Renglon(rawValue: "0111") == nil)
        #expect(Renglon(rawValue: "01a") == nil)
        for threeCharacters in ["\u{661}\u{662}\u{663}", "\u{FF11}\u{FF12}\u{FF13}", "1\u{301}23", "\r\n12", " 12"] {
            #expect(Renglon(rawValue: threeCharacters) == nil, "\(threeCharacters.unicodeScalars.map(\.value))")
        }
        #expect(Renglon(lenient: "62")?.rawValue == "062")
        #expect(Renglon(lenient: "0")?.rawValue == "000")
        #expect(Renglon(lenient: "1234") == nil)
    }

    @Test("lists the ten groups 000 to 900")
    func allGroups() {
        #expect(
            GrupoGasto.all.map(\.rawValue) == ["000", "100", "200", "300", "400", "500", "600", "700", "800", "900"])
        #expect(GrupoGasto(rawValue: "210") == nil)
    }

    @Test("names renglones and groups from the bundled catalog")
    func catalog() throws {
        let catalog = RenglonCatalog.bundled
        #expect(catalog.name(of: try #require(Renglon(rawValue: "011"))) == "Personal permanente")
        #expect(catalog.name(of: try #require(GrupoGasto(rawValue: "200"))) == "Materiales y Suministros")
        #expect(
            catalog.name(of: try #require(GrupoGasto(rawValue: "300"))) == "Propiedad, Planta, Equipo e Intangibles")
        #expect(catalog.contains(try #require(Renglon(rawValue: "029"))))
        #expect(!catalog.contains(try #require(Renglon(rawValue: "010"))), "a subgroup heading is not a renglón")
        #expect(
            catalog.name(of: try #require(Renglon(rawValue: "019"))) == nil, "group 000 is incomplete in the catalog")
        for grupo in GrupoGasto.all {
            #expect(catalog.name(of: grupo) != nil, "group \(grupo) has a name")
        }
    }
}
