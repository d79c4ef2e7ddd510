import Foundation
import Testing

@testable import Domain

struct CountryNamesTests {
    @Test(
        "country names are recognized whatever their case, accents and punctuation",
        arguments: [
            ("COLOMBIA", "CO"), ("Colombia", "CO"), ("PERU", "PE"), ("Perú", "PE"), ("EE. UU.", "US"),
            ("ESTADOS UNIDOS DE AMERICA", "US"), ("MÉXICO", "MX"), ("  El Salvador ", "SV"), ("HOLANDA", "NL"),
            ("COSTA DE MARFIL", "CI"), ("GUATEMALA", "GT"),
        ])
    func recognized(text: String, code: String) {
        #expect(CountryNames.bundled.code(for: text) == code)
    }

    @Test(
        "supplier names, NITs and empty cells are not countries",
        arguments: [
            "FARMACIAS Y DROGUERIA LA SALUD, SOCIEDAD ANONIMA", "421450878", "41714685K", "", "CF", "COLOMBIANA S.A.",
        ])
    func notCountries(text: String) {
        #expect(!CountryNames.bundled.contains(text))
    }

    @Test("a country word is never a supplier identifier; a GCID or a NIT is")
    func identifiers() {
        #expect(!Supplier(scheme: nil, identifier: "COLOMBIA", name: "X").hasIdentifier)
        #expect(!Supplier(scheme: nil, identifier: "", name: "X").hasIdentifier)
        #expect(Supplier(partyID: "GT-GCID-CO-0D13", name: "X").hasIdentifier)
        #expect(Supplier(partyID: "GT-NIT-41714685K", name: "X").hasIdentifier)
        #expect(
            Supplier(scheme: nil, identifier: "COLOMBIA", name: "X").sameIdentifier(
                as: Supplier(partyID: "GT-GCID-CO-1", name: "X")) == nil)
        #expect(
            Supplier(partyID: "GT-NIT-4171-4685K", name: "X").sameIdentifier(
                as: Supplier(partyID: "GT-NIT-41714685k", name: "Y")) == true)
        #expect(
            Supplier(partyID: "GT-NIT-1", name: "X").sameIdentifier(as: Supplier(partyID: "GT-NIT-2", name: "X"))
                == false)
    }

    @Test(
        "names compare across punctuation, accents, legal forms and person-name order",
        arguments: [
            ("EQUIPOS MEDICOS ANDINOS S.A.S.", "Equipos Médicos Andinos, SAS"),
            ("EQUIPOS MEDICOS ANDINOS S. A. S.", "EQUIPOS MEDICOS ANDINOS SOCIEDAD POR ACCIONES SIMPLIFICADA"),
            ("FARMACIAS Y DROGUERIA LA SALUD, SOCIEDAD ANONIMA", "Farmacias y Droguería La Salud, S.A."),
            ("LOPEZ,GARCIA,,MARIA,JOSE", "MARIA JOSE LOPEZ GARCIA"),
        ])
    func comparableNames(left: String, right: String) {
        #expect(
            Supplier(scheme: nil, identifier: "", name: left).comparableName
                == Supplier(scheme: nil, identifier: "", name: right).comparableName)
    }

    @Test("different companies keep different comparable names")
    func differentNames() {
        #expect(
            Supplier(scheme: nil, identifier: "", name: "GRUPO Y ASOCIADOS").comparableName
                != Supplier(scheme: nil, identifier: "", name: "GRUPO ASOCIADOS").comparableName)
        #expect(
            Supplier(scheme: nil, identifier: "", name: "ACME S.A.").comparableName
                != Supplier(scheme: nil, identifier: "", name: "ACME S.A.S.").comparableName)
    }
}
