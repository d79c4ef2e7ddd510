import Domain
import Formats
import Foundation
import Ledger

/// Writes the institution's procurement as an OCDS 1.1 record package (one record per NOG, each with its
/// linked releases and a compiled release; see ``OCDSRecordBuilder``), or as a release package of the compiled
/// releases.
///
/// Records stream from the ledger into a temporary file next to the target, renamed into place only when all
/// of it was written and the privacy guard passed.
public struct OCDSExporter: Sendable {
    public let ledger: Ledger

    public init(ledger: Ledger) {
        self.ledger = ledger
    }

    /// Writes the package and returns how many records it holds.
    /// - Throws: ``PublishingError/personalData(findings:total:)`` (nothing is written), ``PublishingError``
    ///   when the file cannot be written, ``LedgerError``.
    @discardableResult
    public func run(_ request: OCDSExportRequest) throws -> Int {
        let scope = request.scope
        let profile = scope.profile
        let year = scope.year ?? profile.ejercicio
        let privacy = PrivacyGuard(allowedColumns: profile.columnasPersonalesPermitidas)
        let builder = OCDSRecordBuilder(privacy: privacy, created: request.created)
        // A dry run builds the package in the system's temporary folder and leaves nothing behind.
        let directory =
            request.dryRun ? FileManager.default.temporaryDirectory : request.file.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw PublishingError.unwritable(path: directory.path, cause: SystemErrorText.describe(error))
        }
        let temporary = directory.appendingPathComponent(
            ".\(request.file.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let out = try BufferedFileWriter(url: temporary)
        out.buffer.append(contentsOf: Array(header(request, year: year).utf8))
        var records = 0
        let selection = scope.procurementSelection(year: year)
        try ledger.forEachProcurement(selection, withEvidence: true) { procurement, evidence in
            out.buffer.append(contentsOf: Array((records == 0 ? "\n    " : ",\n    ").utf8))
            let record = try builder.record(procurement, evidence: evidence)
            (request.package == .records ? record.record : record.compiledRelease)
                .render(into: &out.buffer, indent: 2, level: 2)
            records += 1
            try out.flushIfFull()
        }
        out.buffer.append(contentsOf: Array((records == 0 ? "]\n}\n" : "\n  ]\n}\n").utf8))
        try out.close()
        if let refusal = privacy.refusal { throw refusal }
        if !request.dryRun {
            guard rename(temporary.path, request.file.path) == 0 else {
                throw PublishingError.unwritable(path: request.file.path, cause: String(cString: strerror(errno)))
            }
        }
        return records
    }

    /// The package's members before its records, up to `"records": [`.
    private func header(_ request: OCDSExportRequest, year: Int?) -> String {
        let profile = request.scope.profile
        let who = (profile.siglas.isEmpty ? "todas" : profile.siglas).lowercased()
            .folding(options: .diacriticInsensitive, locale: nil)
            .map { $0.isASCII && ($0.isLetter || $0.isNumber) ? String($0) : "-" }.joined()
        let uri = request.uri ?? "urn:transparencia:ocds:\(who)" + (year.map { ":\($0)" } ?? "")
        let license = LicenseCatalog.lookup(profile.licencia.isEmpty ? LicenseCatalog.defaultID : profile.licencia)?.url
        var members: [(String, OrderedJSON)] = [
            ("uri", .string(uri)),
            ("version", .string("1.1")),
            ("publishedDate", .string(ProcurementDate.isoString(request.created))),
            ("publisher", .object([("name", .string(profile.nombre.isEmpty ? "transparencia" : profile.nombre))])),
        ]
        if let license { members.append(("license", .string(license))) }
        let text = OrderedJSON.object(members).rendered()
        // The rendered object ends with "\n}": reopen it to stream the records into it.
        return String(text.dropLast(2)) + ",\n  \"\(request.package.rawValue)\": ["
    }
}
