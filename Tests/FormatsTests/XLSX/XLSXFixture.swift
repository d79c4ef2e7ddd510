import Foundation
import TestSupport

/// Hand-written XLSX packages shaped like the ones different tools produce.
enum XLSXFixture {
    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>
        """
    static let rootRels = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
        </Relationships>
        """
    /// Two sheets whose parts are not called sheet1.xml, one with an absolute target.
    static let workbook = """
        <?xml version="1.0" encoding="UTF-8"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
        <sheets><sheet name="Resumen" sheetId="1" r:id="rId7"/><sheet name="Adjudicaciones" sheetId="2" r:id="rId8"/></sheets></workbook>
        """
    static let workbookRels = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="hojas/resumen.xml"/>
        <Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/hojas/datos.xml"/>
        <Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="textos.xml"/>
        <Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="estilos.xml"/>
        </Relationships>
        """
    static let sharedStrings = """
        <?xml version="1.0" encoding="UTF-8"?>
        <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
        <si><t>NOG CONCURSO</t></si><si><r><t>DESCRIP</t></r><r><rPr><b/></rPr><t>CIÓN</t></r><rPh><t>x</t></rPh></si>
        <si><t xml:space="preserve"> HOGARES NIÃ‘OS </t></si><si/></sst>
        """
    static let styles = """
        <?xml version="1.0" encoding="UTF-8"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
        <numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/></numFmts>
        <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs>
        </styleSheet>
        """
    static let summary = """
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
        <row r="1"><c r="A1" t="inlineStr"><is><t>solo resumen</t></is></c></row></sheetData></worksheet>
        """
    static let data = """
        <?xml version="1.0" encoding="UTF-8"?>
        <x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
        <x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="C2" t="s"><x:v>1</x:v></x:c></x:row>
        <x:row r="3"><x:c r="A3" t="str"><x:v>17284561</x:v></x:c><x:c r="B3" s="1"><x:v>44634</x:v></x:c>
        <x:c r="C3" t="s"><x:v>2</x:v></x:c><x:c r="D3" s="3"><x:v>186450.5</x:v></x:c><x:c r="E3" s="2"><x:v>44673.65</x:v></x:c></x:row>
        <x:row r="4"/><x:row r="5"><x:c r="A5" t="s"><x:v>3</x:v></x:c></x:row>
        <x:row r="6"><x:c r="AA6" t="b"><x:v>1</x:v></x:c></x:row>
        </x:sheetData></x:worksheet>
        """

    /// Writes the standard fixture, optionally replacing or adding parts.
    static func write(
        in directory: TemporaryDirectory, name: String = "libro.xlsx",
        replacing overrides: [String: String] = [:]
    ) throws -> URL {
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes), ("_rels/.rels", rootRels), ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", workbookRels), ("xl/textos.xml", sharedStrings),
            ("xl/estilos.xml", styles), ("xl/hojas/resumen.xml", summary), ("xl/hojas/datos.xml", data),
        ]
        for (path, text) in overrides {
            if let index = parts.firstIndex(where: { $0.0 == path }) {
                parts[index].1 = text
            } else {
                parts.append((path, text))
            }
        }
        let url = directory.file(name)
        try ZipFixture.write(parts.map { ($0.0, Data($0.1.utf8)) }, to: url)
        return url
    }
}
