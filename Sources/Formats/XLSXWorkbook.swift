import Foundation

/// The structure of an XLSX package: its sheets and the parts they live in, found by following the
/// relationships (`_rels/.rels` → workbook → `xl/_rels/workbook.xml.rels`), never by guessing names
/// such as `sheet1.xml`, which many tools do not use.
struct XLSXWorkbook {
    /// A worksheet's visible name and the ZIP entry holding it.
    struct Sheet: Hashable {
        var name: String
        var part: String
    }

    var sheets: [Sheet]
    var sharedStringsPart: String?
    var stylesPart: String?
    /// Workbooks made on old Macs count serial dates from 1904.
    var uses1904Dates: Bool

    static let maxPartBytes: Int64 = 64 << 20

    init(archive: SafeZipArchive) throws {
        let file = archive.fileName
        let workbookPart = try Self.officeDocumentPart(archive)
        guard archive.contains(workbookPart) else {
            throw FormatsError.xlsxInvalid(file: file, part: workbookPart, detail: "falta el libro (workbook.xml)")
        }
        let relationships = try Self.relationships(of: workbookPart, in: archive)
        var sheets: [Sheet] = []
        var uses1904 = false
        try XMLPullReader.withReader(
            try archive.data(for: workbookPart, maxBytes: Self.maxPartBytes), file: file, part: workbookPart
        ) { reader in
            while let event = try reader.next() {
                guard case .start(let name, let attributes, _) = event else { continue }
                if name == "workbookPr", let value = attributes["date1904"] {
                    uses1904 = value == "1" || value == "true"
                }
                guard name == "sheet", let sheetName = attributes["name"] else { continue }
                // Chart sheets and broken links have no worksheet relationship: they are skipped.
                guard let id = attributes["id"], let target = relationships[id], target.type.hasSuffix("/worksheet")
                else { continue }
                sheets.append(Sheet(name: sheetName, part: target.part))
            }
        }
        guard !sheets.isEmpty else {
            throw FormatsError.xlsxInvalid(file: file, part: workbookPart, detail: "el libro no tiene hojas de cálculo")
        }
        self.sheets = sheets
        self.uses1904Dates = uses1904
        self.sharedStringsPart = relationships.values.first { $0.type.hasSuffix("/sharedStrings") }?.part
        self.stylesPart = relationships.values.first { $0.type.hasSuffix("/styles") }?.part
    }

    /// The workbook part named by the package relationships (`xl/workbook.xml` when they are missing).
    private static func officeDocumentPart(_ archive: SafeZipArchive) throws -> String {
        guard archive.contains("_rels/.rels") else { return "xl/workbook.xml" }
        let relationships = try relationships(in: "_rels/.rels", base: "", archive: archive)
        return relationships.values.first { $0.type.hasSuffix("/officeDocument") }?.part ?? "xl/workbook.xml"
    }

    /// The relationships of `part`, keyed by id, with targets resolved to ZIP entry paths.
    private static func relationships(of part: String, in archive: SafeZipArchive) throws -> [String: Relationship] {
        let directory = part.split(separator: "/").dropLast().joined(separator: "/")
        let name = part.split(separator: "/").last.map(String.init) ?? part
        let relsPart = (directory.isEmpty ? "" : directory + "/") + "_rels/" + name + ".rels"
        guard archive.contains(relsPart) else {
            throw FormatsError.xlsxInvalid(
                file: archive.fileName, part: relsPart, detail: "faltan las relaciones del libro")
        }
        return try relationships(in: relsPart, base: directory, archive: archive)
    }

    struct Relationship {
        var type: String
        var part: String
    }

    private static func relationships(in relsPart: String, base: String, archive: SafeZipArchive) throws
        -> [String: Relationship]
    {
        var result: [String: Relationship] = [:]
        try XMLPullReader.withReader(
            try archive.data(for: relsPart, maxBytes: maxPartBytes), file: archive.fileName, part: relsPart
        ) { reader in
            while let event = try reader.next() {
                guard case .start("Relationship", let attributes, _) = event, let id = attributes["Id"],
                    let target = attributes["Target"], attributes["TargetMode"] != "External"
                else { continue }
                result[id] = Relationship(type: attributes["Type"] ?? "", part: resolve(target, base: base))
            }
        }
        return result
    }

    /// Resolves a relationship target against the folder of the part that owns it.
    static func resolve(_ target: String, base: String) -> String {
        let joined = target.hasPrefix("/") ? String(target.dropFirst()) : (base.isEmpty ? target : base + "/" + target)
        var components: [Substring] = []
        for component in joined.split(separator: "/") {
            if component == "." { continue }
            if component == ".." {
                _ = components.popLast()
                continue
            }
            components.append(component)
        }
        return components.joined(separator: "/")
    }
}
