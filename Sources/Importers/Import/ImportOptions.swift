import Domain
import Formats
import Foundation

/// What the user can tell importers that files may not say. One vocabulary for every kind; each importer reads
/// the options that concern it.
public struct ImportOptions: Sendable, Hashable {
    /// The fiscal year, for files without one (execution, links).
    public var year: Int?
    /// The month an execution file runs to (1…12).
    public var month: Int?
    /// The exact cut-off date of an execution file (ISO `2022-08-31`).
    public var cutoffDate: String?
    /// Accept a CKAN page with fewer records than its total.
    public var allowPartialPage: Bool
    /// The XLSX sheet to read (the first when nil).
    public var sheet: String?
    /// The order of numeric dates, when the user knows it better than the sniffer.
    public var dateOrder: DateOrder?
    /// The field separator of a delimited file, when the user forces it.
    public var separator: UInt8?

    public init(
        year: Int? = nil, month: Int? = nil, cutoffDate: String? = nil, allowPartialPage: Bool = false,
        sheet: String? = nil, dateOrder: DateOrder? = nil, separator: UInt8? = nil
    ) {
        self.year = year
        self.month = month
        self.cutoffDate = cutoffDate
        self.allowPartialPage = allowPartialPage
        self.sheet = sheet
        self.dateOrder = dateOrder
        self.separator = separator
    }
}
