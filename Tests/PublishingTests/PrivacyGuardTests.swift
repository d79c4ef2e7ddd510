import Domain
import Foundation
import Ledger
import TestSupport
import Testing

@testable import Publishing

/// LAIP Art. 9 and 22: values that look like personal data are never published unless the profile allows
/// their column; supplier NIT and company names are public.
struct PrivacyGuardTests {
    @Test(
        "free text with a DPI, a phone or a personal e-mail is personal data",
        arguments: [
            ("Beneficiaria con DPI 2456 78901 0101", PersonalDataKind.dpi),
            ("CUI 1234567890123", .dpi),
            ("Llamar al +502 5555-1234", .telefono),
            ("Tel. 2345-6789, oficina central", .telefono),
            ("cel: 55551234", .telefono),
            ("WhatsApp 4123 4567", .telefono),
            ("contacto 5123 4567 (Juan)", .telefono),
            ("Tel. 4123-2022", .telefono),
            ("+502 5555-2020", .telefono),
            ("escribir a juan.perez@gmail.com", .correo),
            ("MARIA@HOTMAIL.ES", .correo),
            // Deep in a chain of digit groups, each start read as its first three groups.
            ("2022-11130016-208-5555-1234", .telefono),
            ("1-22-333-4444-1234567890123", .dpi),
            ("11-00-000-004 2456 78901 0101", .dpi),
        ])
    func personal(text: String, kind: PersonalDataKind) {
        #expect(PersonalDataDetector.scan(text) == kind)
    }

    @Test(
        "codes, dates, amounts and institutional addresses are not personal data",
        arguments: [
            "NOG 16299514", "GT-ADJ-16299514-947642900", "ocds-xqjsxa-16089638", "2022-12-31",
            "2022-03-19T13:13:23-06:00",
            "11130016-208 · 11-00-000-004-000", "2022-11130016-208-01-00-000-001-000-011-11---0101",
            "Expediente 2022-0456", "informacionpublica@sosep.gob.gt", "ventas@empresa.com.gt", "SOSEP-DA-010-2022",
            "CO-0D13D3EE908F02969DED73509B7566AB", "Q2,394,900.00", "NIT 421450878", "1234 habitantes en 5678 hogares",
            "LOTE DE 1500 RACIONES", "12108736.85", "DA-4123-2022", "Contrato administrativo No. 5678-2021",
            "Resolución 2345 2019",
        ])
    func notPersonal(text: String) {
        #expect(PersonalDataDetector.scan(text) == nil)
    }

    @Test("a natural person's supplier name is refused unless its column is allowed; a company passes")
    func naturalPerson() {
        let strict = PrivacyGuard(allowedColumns: [])
        strict.check(.person("MARIA JOSE LOPEZ GARCIA"), table: "adjudicaciones", column: "nombre_proveedor", row: 2)
        strict.check(
            .text("TRANSPORTES DEL PACIFICO, SOCIEDAD ANONIMA"), table: "adjudicaciones", column: "nombre_proveedor",
            row: 1)
        strict.check(.text("947642900"), table: "adjudicaciones", column: "nit_proveedor", row: 1)
        #expect(strict.findingCount == 1)
        #expect(
            strict.findings.first
                == PersonalDataFinding(
                    table: "adjudicaciones", column: "nombre_proveedor", row: 2, kind: .persona,
                    excerpt: "MA••• JO•• LO••• GA••••"))
        let allowing = PrivacyGuard(allowedColumns: ["adjudicaciones.nombre_proveedor"])
        allowing.check(.person("MARIA JOSE LOPEZ GARCIA"), table: "adjudicaciones", column: "nombre_proveedor", row: 2)
        #expect(allowing.passed)
    }

    @Test("Guatecompras' person format and a CUI used as NIT make a supplier a natural person")
    func supplierKinds() {
        #expect(Supplier(partyID: "GT-NIT-82590753", name: "LOPEZ,GARCIA,,MARIA,JOSE").isNaturalPerson)
        #expect(Supplier(scheme: .nit, identifier: "2456789010101", name: "MARIA LOPEZ").isNaturalPerson)
        #expect(
            !Supplier(partyID: "GT-NIT-947642900", name: "TRANSPORTES DEL PACIFICO, SOCIEDAD ANONIMA").isNaturalPerson)
        #expect(
            !Supplier(partyID: "GT-GCID-CO-0D13D3EE908F02969DED73509B7566AB", name: "EQUIPOS MEDICOS ANDINOS S.A.S.")
                .isNaturalPerson)
    }

    @Test("an export with a natural person's award and the default profile publishes nothing and names each cell")
    func refusesPersons() throws {
        let directory = try TemporaryDirectory()
        let ledger = try ExportFixture.ledger()
        #expect(throws: PublishingError.self) {
            try ExportFixture.export(ledger, to: directory.url, profile: ExportFixture.profile)
        }
        do {
            try ExportFixture.export(ledger, to: directory.url, profile: ExportFixture.profile)
        } catch let error as PublishingError {
            let message = error.errorDescription ?? ""
            #expect(message.contains("no se publicó nada: 3 valor(es) parecen datos personales"))
            #expect(
                message.contains(
                    "adjudicaciones, fila 2, columna «nombre_proveedor»: parece el nombre o NIT de una persona individual («MA••• JO•• LO••• GA••••»)"
                ))
            #expect(
                message.contains(
                    "columnas_personales_permitidas = [\"adjudicaciones.adjudicacion_id\", \"adjudicaciones.nit_proveedor\", \"adjudicaciones.nombre_proveedor\"]"
                ))
            #expect(!message.contains("82590753"), "the message itself publishes no personal data")
        }
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.url.path).isEmpty,
            "nothing published, no staging left")
    }

    @Test("with the columns allowed, the person is published in adjudicaciones and left out of proveedores")
    func allowedPersons() throws {
        let directory = try TemporaryDirectory()
        let summary = try ExportFixture.export(try ExportFixture.ledger(), to: directory.url)
        #expect(
            try ExportFixture.read(directory.file("adjudicaciones.csv")).contains(
                ",GT-NIT,82590753,MARIA JOSE LOPEZ GARCIA,3840.00,"))
        let suppliers = try ExportFixture.read(directory.file("proveedores.csv"))
        #expect(
            suppliers.contains(
                "GT-NIT-947642900,GT-NIT,947642900,\"TRANSPORTES DEL PACIFICO, SOCIEDAD ANONIMA\",1,1,2394900.00,0,2022-03-31,2022-03-31"
            ))
        #expect(!suppliers.contains("82590753"), "proveedores lists companies only")
        let notes = summary.tables.first { $0.name == "proveedores" }?.notes ?? []
        #expect(
            notes == [
                "proveedores: se omitieron 1 proveedor(es) que son personas individuales (LAIP, Art. 9 y 22); sus "
                    + "adjudicaciones están en adjudicaciones si el perfil permite publicarlas"
            ])
        let descriptor = try ExportFixture.read(directory.file("datapackage.json"))
        #expect(descriptor.contains("Puede contener datos personales: la institución decidió publicarla"))
    }

    @Test("a phone planted in a description stops the export; the previous publication stays as it was")
    func plantedPhone() throws {
        let directory = try TemporaryDirectory()
        try ExportFixture.export(try ExportFixture.ledger(), to: directory.url)
        let before = try ExportFixture.read(directory.file("compras.csv"))
        let planted = try ExportFixture.ledger(title: "ALIMENTOS; CONSULTAS AL TEL. 5555-1234")
        do {
            try ExportFixture.export(planted, to: directory.url)
            Issue.record("the export should have been refused")
        } catch let error as PublishingError {
            #expect(
                error.errorDescription?.contains(
                    "compras, fila 1, columna «descripcion»: parece un número de teléfono («AL•••••••; CO••••••• AL TE•. 55••-•••• ••••••••»)"
                ) == true, "\(error.errorDescription ?? "")")
        }
        #expect(try ExportFixture.read(directory.file("compras.csv")) == before)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.url.path).allSatisfy { !$0.hasPrefix(".") })
        var allowing = ExportFixture.allowingPersons
        allowing.columnasPersonalesPermitidas.append("compras.descripcion")
        allowing.columnasPersonalesPermitidas.append("adjudicaciones.descripcion")
        try ExportFixture.export(planted, to: directory.url, profile: allowing)
        #expect(try ExportFixture.read(directory.file("compras.csv")).contains("CONSULTAS AL TEL. 5555-1234"))
    }

    @Test("reading the announcing word from ASCII bytes gives what the Unicode folding gives")
    func announcingWordShortcut() {
        let prefixes = [
            "", "Tel. ", "tel:", "TELEFONO ", "Teléfono: ", "TELÉFONO  ", "telefonos ", "Cel ", "celular-", "Móvil ",
            "movil", "WhatsApp ", "fax ", "PBX: ", "tels. ", "hotel ", "Xtel ", "tel\r\n", "tel \r\n ", "tel      ",
            "12 tel ", "téL ", "ñtel ", "e\u{301}tel ", "contacto ", "1234 ", "(502) ",
            "a" + String(repeating: "b", count: 30) + "tel ",
            String(repeating: "x", count: 20) + "tel ", String(repeating: "é", count: 12) + "tel ", "tel\u{301} ",
            "• tel ", "tel •", "Tel.:", "whats app ", "pbx", "+502 ",
        ]
        for prefix in prefixes {
            let bytes = Array((prefix + "55551234").utf8)
            let start = bytes.count - 8
            #expect(
                PersonalDataDetector.announcesPhone(bytes, before: start)
                    == PersonalDataDetector.announcesPhoneByFolding(bytes, before: start), "«\(prefix)»")
        }
    }
}
