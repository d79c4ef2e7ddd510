import Foundation

/// Refuses to publish what looks like personal data (LAIP Art. 9 and 22) unless the institution allowed the
/// column in its profile (`[laip] columnas_personales_permitidas = ["tabla.columna"]`).
///
/// Every text value of every published row passes through ``check(_:table:column:row:)``: values the tables
/// mark as a natural person's (``Cell/person(_:)``) and free text that holds a DPI/CUI, a phone number or a
/// personal e-mail are findings. The export collects them all and then refuses to publish anything, naming
/// each file, row and column, so the officer can correct the source or decide to publish the column.
/// Supplier NIT and company names are public and pass.
public final class PrivacyGuard {
    /// `tabla.columna` keys the profile allows.
    public let allowedColumns: Set<String>
    /// What was found in columns not allowed, in the order found (at most ``maxKept``).
    public private(set) var findings: [PersonalDataFinding] = []
    /// How many findings there were in all (more than ``findings`` holds when there were very many).
    public private(set) var findingCount = 0
    /// Findings kept for the message; the rest are only counted.
    public let maxKept = 50

    public init(allowedColumns: [String]) {
        self.allowedColumns = Set(allowedColumns)
    }

    /// Checks one cell of a published row.
    public func check(_ cell: Cell, table: String, column: String, row: Int?) {
        let kind: PersonalDataKind
        switch cell {
        case .person(let text):
            guard !text.isEmpty else { return }
            kind = PersonalDataDetector.scan(text) ?? .persona
        case .text(let text):
            guard let found = PersonalDataDetector.scan(text) else { return }
            kind = found
        default:
            return
        }
        guard !allows(table: table, column: column) else { return }
        findingCount += 1
        if findings.count < maxKept {
            findings.append(
                PersonalDataFinding(
                    table: table, column: column, row: row, kind: kind, excerpt: Self.masked(cell.text ?? "")))
        }
    }

    /// Adds what another guard found, as if the rows it checked had come through this one next: an export's tables
    /// written at once each have a guard of their own (a guard is not shared between threads), merged in the order
    /// of the tables, so the refusal names the same findings a guard shared by all of them in turn would.
    /// - Parameters:
    ///   - found: the other guard's ``findings``.
    ///   - count: its ``findingCount``.
    func absorb(_ found: [PersonalDataFinding], count: Int) {
        findingCount += count
        findings.append(contentsOf: found.prefix(max(0, maxKept - findings.count)))
    }

    /// True when the profile allows publishing this column's personal data (nothing in it is a finding).
    public func allows(table: String, column: String) -> Bool {
        allowedColumns.contains("\(table).\(column)")
    }

    /// True when nothing refused was found.
    public var passed: Bool { findingCount == 0 }

    /// The error that stops the export, or nil when nothing was found.
    public var refusal: PublishingError? {
        passed ? nil : .personalData(findings: findings, total: findingCount)
    }

    /// `MARIA JOSE LOPEZ` → `MA••• JO•• LO•••`, `Tel. 5555-1234` → `Te•. 55••-••••`: the first two letters of
    /// each word and the first two digits of the whole value, enough to find it in the source, not enough to
    /// publish it in a terminal log.
    static func masked(_ text: String) -> String {
        var out = ""
        var lettersKept = 0
        var digitsKept = 0
        for character in text.prefix(60) {
            if character.isNumber {
                out.append(digitsKept < 2 ? character : "•")
                digitsKept += 1
            } else if character.isLetter {
                out.append(lettersKept < 2 ? character : "•")
                lettersKept += 1
            } else {
                out.append(character)
                lettersKept = 0
            }
        }
        return text.count > 60 ? out + "…" : out
    }
}
