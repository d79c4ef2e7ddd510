import Domain
import Foundation
import GRDB

/// A purchase linked to a product (table `procurement_link`).
struct ProcurementLinkRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    var id: Int64?
    var ejercicio: Int
    var nog: String
    var productCode: String
    var subproductCode: String?
    var renglon: String?
    var supplierID: String?
    var method: String
    var shareBillionths: Int64
    var amount: Int64
    /// Comma-separated `link_evidence` ids.
    var evidenceIDs: String
    var ruleID: String?
    var manualFile: String?
    var manualLine: Int?
    var provenance: String
    /// Comma-separated import run ids.
    var dependsOn: String
    var note: String?
    var linkRunID: Int64

    static let databaseTableName = "procurement_link"

    enum CodingKeys: String, CodingKey {
        case id, ejercicio, nog, renglon, method, amount, provenance, note
        case productCode = "product_code"
        case subproductCode = "subproduct_code"
        case supplierID = "supplier_id"
        case shareBillionths = "share_billionths"
        case evidenceIDs = "evidence_ids"
        case ruleID = "rule_id"
        case manualFile = "manual_file"
        case manualLine = "manual_line"
        case dependsOn = "depends_on"
        case linkRunID = "link_run_id"
    }

    // MARK: - Database

    enum Columns {
        static let ejercicio = Column(CodingKeys.ejercicio)
        static let nog = Column(CodingKeys.nog)
        static let productCode = Column(CodingKeys.productCode)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    init(_ link: ProcurementLink, linkRunID: Int64) {
        self.ejercicio = link.ejercicio
        self.nog = link.nog
        self.productCode = link.productCode
        self.subproductCode = link.subproductCode
        self.renglon = link.renglon?.rawValue
        self.supplierID = link.supplierID
        self.method = link.method.rawValue
        self.shareBillionths = link.share.billionths
        self.amount = link.amount.centavos
        self.evidenceIDs = link.provenance.evidenceIDs.map(String.init).joined(separator: ",")
        self.ruleID = link.provenance.ruleID
        self.manualFile = link.provenance.manualFile
        self.manualLine = link.provenance.manualLine
        self.provenance = link.provenance.label
        self.dependsOn = link.dependsOn.map(String.init).joined(separator: ",")
        self.note = link.note
        self.linkRunID = linkRunID
    }

    /// Links read straight from rows by column position: a national year holds ~250,000 links, and decoding
    /// each through `Codable` costs several times the query.
    static func fetchLinks(_ db: Database, where condition: String, arguments: StatementArguments) throws
        -> [ProcurementLink]
    {
        var out: [ProcurementLink] = []
        try forEachLink(db, where: condition, arguments: arguments) { link, _ in out.append(link) }
        return out
    }

    /// Every column of the links that match `condition`, then their purchase's title, in the order links are
    /// listed (year, NOG, then as created): ``LinkRowView/Column`` names the columns.
    static func listingSQL(where condition: String) -> String {
        """
        SELECT ejercicio, nog, product_code, subproduct_code, renglon, supplier_id, method, share_billionths, amount,
               evidence_ids, rule_id, manual_file, manual_line, provenance, depends_on, note,
               (SELECT p.title FROM procurement p WHERE p.nog = procurement_link.nog)
        FROM procurement_link WHERE \(condition) ORDER BY ejercicio, nog, id
        """
    }

    /// ``fetchLinks(_:where:arguments:)`` one link at a time, with the title of its purchase (nil when the ledger
    /// does not hold the NOG).
    static func forEachLink(
        _ db: Database, where condition: String, arguments: StatementArguments,
        _ body: (ProcurementLink, _ title: String?) throws -> Void
    ) throws {
        let rows = try Row.fetchCursor(db, sql: listingSQL(where: condition), arguments: arguments)
        while let row = try rows.next() {
            let renglon: String? = row[4]
            let method: String = row[6]
            let evidence: String = row[9]
            let depends: String = row[14]
            try body(
                ProcurementLink(
                    ejercicio: row[0], nog: row[1], productCode: row[2], subproductCode: row[3],
                    renglon: renglon.flatMap(Renglon.init(rawValue:)), supplierID: row[5],
                    method: LinkMethod(rawValue: method) ?? .manual, share: LinkShare(billionths: row[7]),
                    amount: Money(centavos: row[8]),
                    provenance: LinkProvenance(
                        evidenceIDs: evidence.split(separator: ",").compactMap { Int64($0) }, ruleID: row[10],
                        manualFile: row[11], manualLine: row[12], label: row[13]),
                    dependsOn: depends.split(separator: ",").compactMap { Int64($0) }, note: row[15]),
                row[16])
        }
    }

    /// Links with only the columns reconciliation reads (see
    /// ``Ledger/reconciliationLinks(ejercicio:buyer:)``), in the order of ``fetchLinks(_:where:arguments:)``.
    static func fetchLeanLinks(_ db: Database, where condition: String, arguments: StatementArguments) throws
        -> [ProcurementLink]
    {
        var out: [ProcurementLink] = []
        try forEachLeanLink(db, where: condition, arguments: arguments) { out.append($0) }
        return out
    }

    /// ``fetchLeanLinks(_:where:arguments:)`` one link at a time.
    static func forEachLeanLink(
        _ db: Database, where condition: String, arguments: StatementArguments, _ body: (ProcurementLink) throws -> Void
    ) throws {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT ejercicio, nog, product_code, renglon, method, share_billionths, amount
                FROM procurement_link WHERE \(condition) ORDER BY ejercicio, nog, id
                """, arguments: arguments)
        while let row = try rows.next() {
            let renglon: String? = row[3]
            let method: String = row[4]
            try body(
                ProcurementLink(
                    ejercicio: row[0], nog: row[1], productCode: row[2],
                    renglon: renglon.flatMap(Renglon.init(rawValue:)),
                    method: LinkMethod(rawValue: method) ?? .manual, share: LinkShare(billionths: row[5]),
                    amount: Money(centavos: row[6]), provenance: LinkProvenance(label: "")))
        }
    }

    var link: ProcurementLink {
        ProcurementLink(
            ejercicio: ejercicio, nog: nog, productCode: productCode, subproductCode: subproductCode,
            renglon: renglon.flatMap(Renglon.init(rawValue:)), supplierID: supplierID,
            method: LinkMethod(rawValue: method) ?? .manual, share: LinkShare(billionths: shareBillionths),
            amount: Money(centavos: amount),
            provenance: LinkProvenance(
                evidenceIDs: evidenceIDs.split(separator: ",").compactMap { Int64($0) }, ruleID: ruleID,
                manualFile: manualFile, manualLine: manualLine, label: provenance),
            dependsOn: dependsOn.split(separator: ",").compactMap { Int64($0) }, note: note)
    }
}
