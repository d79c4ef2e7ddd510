import Domain
import Foundation
import Importers
import TestSupport
import Testing

struct ProfileReaderTests {
    @Test("reads SOSEP's profile with codes as text")
    func sosep() throws {
        let profile = try ProfileReader.read(try FixtureFile.url("sosep.toml"))
        #expect(profile.siglas == "SOSEP")
        #expect(profile.sicoinEntidad == "11130016")
        #expect(profile.guatecomprasEntidad == "436")
        #expect(profile.guatecomprasUnidades == ["2"])
        #expect(profile.guatecomprasNombres == ["SECRETARÍA DE OBRAS SOCIALES DE LA ESPOSA DEL PRESIDENTE"])
        #expect(profile.ejercicio == 2022)
        #expect(!profile.isBlank)
    }

    @Test("the blank template parses to a blank profile that covers every entity")
    func blank() throws {
        let directory = try TemporaryDirectory()
        let profile = try ProfileReader.read(try directory.write("p.toml", text: ProfileTemplate.blank))
        #expect(profile.isBlank)
        #expect(profile.displayName == "todas las entidades")
    }

    @Test("a code written as a number is refused, so leading zeros are never lost")
    func numericCode() throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write("p.toml", text: "[sicoin]\nentidad = 11130016\n")
        #expect(throws: ImportError.self) { try ProfileReader.read(url) }
        let broken = try directory.write("b.toml", text: "[sicoin\nentidad = \"1\"\n")
        #expect(throws: ImportError.self) { try ProfileReader.read(broken) }
    }

    @Test("buyer names for flat exports are read as a list; unit ids written as numbers are refused")
    func buyerNames() throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write(
            "p.toml",
            text: "[guatecompras]\nnombres = [\"SECRETARÍA DE OBRAS SOCIALES\", \"DEPARTAMENTO DE COMPRAS\"]\n")
        let profile = try ProfileReader.read(url)
        #expect(profile.guatecomprasNombres == ["SECRETARÍA DE OBRAS SOCIALES", "DEPARTAMENTO DE COMPRAS"])
        #expect(!profile.isBlank, "names alone place the institution's purchases")
        let numeric = try directory.write("n.toml", text: "[guatecompras]\nunidades_compradoras = [2]\n")
        let error = try #require(throws: ImportError.self) { try ProfileReader.read(numeric) }
        #expect(error.localizedDescription.contains("unidades_compradoras debe ser una lista de textos"))
        let single = try directory.write("s.toml", text: "[guatecompras]\nnombres = \"SOSEP\"\n")
        #expect(throws: ImportError.self) { try ProfileReader.read(single) }
    }
}
