import Domain
import Formats
import Foundation
import Importers
import TestSupport
import Testing

struct NOGPageImporterTests {
    private func fixture(_ name: String) throws -> URL {
        try #require(Bundle.module.url(forResource: name, withExtension: "html", subdirectory: "Fixtures/nog-pages"))
    }

    /// A generation-A page (2014–2017 markup) with the awards grid, written as Latin-1 by an old browser.
    static let generationA = """
        <html><head><title>Guatecompras - Consulta</title></head><body>
        <div id="MasterGC_ContentBlockHolder_upNog"><table><tr><td><table class="TablaForm2"><tr><td class="TablaForm3">
        <table class="TablaForm3">
        <tr><td>NOG:</td><td><span id="MasterGC_ContentBlockHolder_txtNOG">4409892</span></td></tr>
        <tr><td>Descripci&oacute;n:</td><td><span id="MasterGC_ContentBlockHolder_txtTitulo">COMPRA DE ÚTILES<br />ESCOLARES</span></td></tr>
        <tr><td>Modalidad:</td><td><span id="MasterGC_ContentBlockHolder_txtModalidad">Cotización (Art. 38 LCE)</span></td></tr>
        <tr><td>Entidad:</td><td><span id="MasterGC_ContentBlockHolder_txtEntidad"><a href="/compradores/consultaDetEnt.aspx?iEnt=436&iUnt=0&iTipo=4">SECRETARÍA DE OBRAS SOCIALES DE LA ESPOSA DEL PRESIDENTE</a></span></td></tr>
        <tr><td>Unidad compradora:</td><td><span id="MasterGC_ContentBlockHolder_txtUE"><a href="/compradores/consultaDetUni.aspx?iEnt=436&iUnt2=2&iUnt=0&iTipo=4">DEPARTAMENTO DE COMPRAS</a></span></td></tr>
        <tr><td>Fecha de publicación:</td><td><span id="MasterGC_ContentBlockHolder_txtFechaPub">19.feb..2016 Hora:12:05:00 p. m.</span></td></tr>
        <tr><td>Estatus:</td><td><span id="MasterGC_ContentBlockHolder_txtEstatus">Terminado adjudicado</span></td></tr>
        <tr id="MasterGC_ContentBlockHolder_TrFechaFinalizacion"><td>Fecha de finalización:</td><td><span id="MasterGC_ContentBlockHolder_txtFechaFinalización">10.marzo.2016 Hora:12:30:00 a.m.</span></td></tr>
        </table></td></tr></table></td></tr></table></div>
        <table id="MasterGC_ContentBlockHolder_GV_Oferentes"><tr class="TablaFila1Norm">
        <td>99999999</td><td><span>POSTOR SIN ADJUDICAR</span></td><td>x</td><td>1,000.00</td></tr></table>
        <table id="MasterGC_ContentBlockHolder_dgProveedores">
        <tr class="encabezado1"><td>NIT</td><td>Nombre</td><td>Contrato</td><td>Monto (Q.)</td></tr>
        <tr class="TablaFilaMix1">
        <td>10296209K</td><td><span><a href="/proveedores/consultaDetProvee.aspx?rqp=9&lprv=1"> LIBRERÍA EL ÉXITO</a></span></td><td>C-1</td><td>Q.11,960.10</td></tr>
        <tr class="TablafilaMix2"><td>10296209K</td><td><span> LIBRERÍA EL ÉXITO</span></td><td>C-2</td><td>40.00</td></tr>
        </table></body></html>
        """

    @Test("the reconstructed generation-C page yields its header, two awards and no bidders as suppliers")
    func generationC() throws {
        let result = try NOGPageImporter().read(try fixture("nog-page-reconstructed"))
        let procurement = result.procurement
        #expect(result.generation == .c2019)
        #expect(result.encoding == "UTF-8")
        #expect(procurement.nog == "17284561")
        #expect(procurement.title.hasPrefix("ADQUISICIÓN DE ALIMENTOS (GRANOS BÁSICOS"))
        #expect(procurement.modalityText == "Cotización (Art. 38 LCE)")
        #expect(procurement.modalityCode == "cotizacion")
        #expect(procurement.buyerEntityName == "SECRETARÍA DE OBRAS SOCIALES DE LA ESPOSA DEL PRESIDENTE")
        #expect(procurement.buyingUnitName == "DEPARTAMENTO DE COMPRAS")
        #expect(procurement.buyingUnitCode == "436-2")
        #expect(procurement.status == "Terminado adjudicado")
        #expect(procurement.publishedAt.map(ProcurementDate.isoString) == "2022-03-14T10:37:52-06:00")
        #expect(procurement.awardedAt.map(ProcurementDate.isoString) == "2022-04-22T15:41:09-06:00")
        #expect(procurement.tenderEndAt.map(ProcurementDate.isoString) == "2022-03-28T09:00:00-06:00")
        #expect(result.awardsKnown)
        #expect(procurement.awards.map(\.supplier.identifier) == ["45182736", "60274190"])
        #expect(
            procurement.awards.map(\.supplier.name) == [
                "DISTRIBUIDORA DE ALIMENTOS SANTA ELENA, SOCIEDAD ANONIMA", "LOPEZ,MORALES,,CARLOS,ENRIQUE",
            ])
        #expect(procurement.awards.map(\.amount) == [Money(centavos: 18_645_000), Money(centavos: 9_732_050)])
        #expect(try procurement.awardedTotal == Money(centavos: 28_377_050))
        #expect(procurement.bids.count == 3)
        #expect(!procurement.awards.contains { $0.supplier.identifier == "91843065" })
    }

    @Test("a generation-A page in windows-1252 reads accents, summed supplier lines, and 12-hour clock edges")
    func generationA() throws {
        let bytes = Array(Self.generationA.unicodeScalars).map { UInt8(truncatingIfNeeded: $0.value) }
        let result = try NOGPageImporter().read(Data(bytes), file: "nog-4409892.html")
        #expect(result.generation == .a2014)
        #expect(result.encoding == "windows-1252")
        let procurement = result.procurement
        #expect(procurement.nog == "4409892")
        #expect(procurement.title == "COMPRA DE ÚTILES ESCOLARES")
        #expect(procurement.buyingUnitCode == "436-2")
        #expect(procurement.publishedAt.map(ProcurementDate.isoString) == "2016-02-19T12:05:00-06:00")
        #expect(procurement.awardedAt.map(ProcurementDate.isoString) == "2016-03-10T00:30:00-06:00")
        #expect(procurement.awards.count == 1)
        #expect(procurement.awards.first?.supplier.nit == "10296209K")
        #expect(procurement.awards.first?.supplier.name == "LIBRERÍA EL ÉXITO")
        #expect(procurement.awards.first?.amount == Money(centavos: 1_200_010))
        #expect(procurement.bids.map(\.tenderer.name) == ["POSTOR SIN ADJUDICAR"])
    }

    @Test("a page a browser saved as UTF-16 (with BOM) reads the same as the UTF-8 original")
    func utf16() throws {
        let original = try Data(contentsOf: try fixture("nog-page-reconstructed"))
        let text = String(decoding: original, as: UTF8.self)
        let utf16 = try #require(text.data(using: .utf16LittleEndian))
        let result = try NOGPageImporter().read(Data([0xFF, 0xFE]) + utf16, file: "unicode.html")
        let reference = try NOGPageImporter().read(original, file: "utf8.html")
        #expect(result.encoding == "UTF-16LE")
        #expect(result.procurement == reference.procurement)
    }

    @Test("a page saved without the award tab leaves suppliers unknown, with a warning")
    func withoutAwards() throws {
        let page =
            Self.generationA.components(separatedBy: "<table id=\"MasterGC_ContentBlockHolder_dgProveedores\">")[0]
            + "</body></html>"
        let result = try NOGPageImporter().read(Data(page.utf8), file: "sin-adjudicacion.html")
        #expect(!result.awardsKnown)
        #expect(result.procurement.awards.isEmpty)
        #expect(result.diagnostics.contains { $0.severity == .warning && $0.message.contains("desconocidos") })
    }

    @Test("generation-B label cells and the gvAdjudicacion grid are read")
    func generationB() throws {
        let page = """
            <html><body><div id="MasterGC_ContentBlockHolder_divDetalleConcurso"><table>
            <tr><td>NOG:</td><td>8419205</td><td>Descripción:</td><td>SERVICIO DE LIMPIEZA</td></tr>
            <tr><td>Estatus:</td><td>Terminado adjudicado</td><td>Fecha de publicación:</td><td>10.noviembre.2017 Hora:08:24:02 p.m.</td></tr>
            <tr><td>Modalidad:</td><td>Compra Directa</td><td>Unidad compradora:</td><td>[--No Especificado--]</td></tr>
            </table></div>
            <table id="MasterGC_ContentBlockHolder_wcuConsultaConcursoAdjudicaciones_gvAdjudicacion">
            <tr><th>NIT</th><th>Nombre</th><th>Contrato</th><th>Monto</th></tr>
            <tr class="FilaTablaDetalle"><td><a href="#">22345388</a></td><td>J.I. COHEN, SOCIEDAD ANONIMA</td><td>1</td><td>3,500.00</td></tr>
            </table></body></html>
            """
        let result = try NOGPageImporter().read(Data(page.utf8), file: "b.html")
        #expect(result.generation == .b2018)
        #expect(result.procurement.nog == "8419205")
        #expect(result.procurement.buyingUnitName == nil)
        #expect(result.procurement.modalityCode == "compra_directa_oferta_electronica")
        #expect(result.procurement.publishedAt.map(ProcurementDate.isoString) == "2017-11-10T20:24:02-06:00")
        #expect(result.procurement.awards.map(\.amount) == [Money(centavos: 350_000)])
    }

    @Test(
        "pages that are not NOG detail pages are refused with the reason",
        arguments: [
            ("<html><head><title>Guatecompras</title></head><body><p>-NOG- 6982840 Vigente</p></body></html>", "NOG:"),
            ("<html><head><title>Just a moment...</title></head><body></body></html>", "anti-robots"),
            ("1|#||4|1234|updatePanel|MasterGC_ContentBlockHolder_ctl01|<div>x</div>|", "MS-AJAX"),
            (
                "<html><body><div class='EtiquetaForm3'>NOG:</div><div class='EtiquetaInfo'>abc</div></body></html>",
                "no contiene un número"
            ),
        ])
    func notNOGPages(page: String, reason: String) throws {
        let error = try #require(throws: ImportError.self) {
            try NOGPageImporter().read(Data(page.utf8), file: "otra.html")
        }
        #expect(error.errorDescription?.contains("otra.html") == true)
        #expect(error.errorDescription?.contains(reason) == true)
    }

    @Test("binary, empty and pathologically nested files give a Formats error naming the file")
    func hostileFiles() throws {
        let nul = Data("<html>NOG:\0</html>".utf8)
        let deep = Data((String(repeating: "<div>", count: 5000) + "NOG:").utf8)
        for data in [nul, Data(), deep] {
            let error = try #require(throws: FormatsError.self) { try NOGPageImporter().read(data, file: "mala.html") }
            #expect(error.errorDescription?.contains("mala.html") == true)
        }
    }

    @Test(
        "Spanish month names, abbreviations and designators parse",
        arguments: [
            ("14.marzo.2022 Hora:10:37:52 a.m.", "2022-03-14T10:37:52-06:00"),
            ("22.abril.2022 Hora:03:41:09 p. m.", "2022-04-22T15:41:09-06:00"),
            ("05.nov..2020", "2020-11-05T00:00:00-06:00"),
            ("01.sept.2021 Hora:12:00:00 p.m.", "2021-09-01T12:00:00-06:00"),
            ("14.feb..2020 07:17:24", "2020-02-14T07:17:24-06:00"),
        ])
    func spanishDates(text: String, iso: String) throws {
        let page = """
            <html><body><div class="EtiquetaForm3">NOG:</div><div class="EtiquetaInfo">1</div>
            <div class="EtiquetaForm3">Fecha de publicación:</div><div class="EtiquetaInfo">\(text)</div></body></html>
            """
        let result = try NOGPageImporter().read(Data(page.utf8), file: "f.html")
        #expect(result.procurement.publishedAt.map(ProcurementDate.isoString) == iso)
    }
}

/// Damaged bytes and impossible amounts on NOG pages: the page is refused rather than stored with wrong values.
struct NOGPageDamageTests {
    private func reconstructed() throws -> Data {
        try Data(
            contentsOf: try #require(
                Bundle.module.url(
                    forResource: "nog-page-reconstructed", withExtension: "html", subdirectory: "Fixtures/nog-pages")))
    }

    @Test("a stray 0x8D in the first comment of a UTF-8 page changes nothing: buyer, modality code and awards are read")
    func strayByteInComment() throws {
        let original = try reconstructed()
        var damaged = original
        damaged.insert(0x8D, at: damaged.startIndex + 5)
        let result = try NOGPageImporter().read(damaged, file: "dañada.html")
        let reference = try NOGPageImporter().read(original, file: "buena.html")
        #expect(result.encoding == "UTF-8")
        #expect(result.procurement == reference.procurement)
        #expect(result.procurement.buyerEntityName == "SECRETARÍA DE OBRAS SOCIALES DE LA ESPOSA DEL PRESIDENTE")
        #expect(result.procurement.modalityCode == "cotizacion")
        #expect(result.diagnostics.contains { $0.severity == .info && $0.message.contains("comentarios HTML") })
    }

    @Test("a byte that does not decode inside a value refuses the page")
    func strayByteInValue() throws {
        let text = String(decoding: try reconstructed(), as: UTF8.self)
        let parts = text.components(separatedBy: "SECRETARÍA DE OBRAS")
        let damaged =
            Data(parts[0].utf8) + Data([0x8D])
            + Data(("SECRETARÍA DE OBRAS" + parts.dropFirst().joined(separator: "SECRETARÍA DE OBRAS")).utf8)
        let error = try #require(throws: FormatsError.self) { try NOGPageImporter().read(damaged, file: "dañada.html") }
        guard case .htmlUndecodable(_, _, _, let encoding, let count) = error else {
            Issue.record("caso inesperado \(error)")
            return
        }
        #expect(encoding == "UTF-8" && count == 1)
    }

    @Test("a negative award amount is an error with its line, not an award")
    func negativeAward() throws {
        let page = NOGPageImporterTests.generationA.replacingOccurrences(of: "Q.11,960.10", with: "(11,960.10)")
        let bytes = Array(page.unicodeScalars).map { UInt8(truncatingIfNeeded: $0.value) }
        let error = try #require(throws: ImportError.self) { try NOGPageImporter().read(Data(bytes), file: "nog.html") }
        guard case .invalidFile(_, let diagnostics) = error else {
            Issue.record("caso inesperado \(error)")
            return
        }
        #expect(
            diagnostics.contains { $0.field == "Monto" && $0.message.contains("-Q11,960.10 es negativo") },
            "\(diagnostics)")
    }
}
