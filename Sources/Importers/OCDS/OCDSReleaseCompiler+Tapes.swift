import Formats
import Foundation

extension OCDSReleaseCompiler {
    /// The compiled release of one process read straight from its releases' tapes (in file order), with the
    /// releases' ids in file order: what ``compile(_:)`` and ``OCDSTreeFields`` give for the same releases parsed
    /// into trees, or ``JSONTapeError`` (declined) whenever that is not sure, and then the caller compiles the trees.
    ///
    /// - Parameters:
    ///   - releases: each release's object; every tape must parse as a tree (``JSONTapeObject/parsesAsTree(maxDepth:)``).
    static func compile(tapes releases: [JSONTapeObject]) throws -> (release: OCDSRelease, releaseIDs: [String]) {
        guard !releases.isEmpty else { throw JSONTapeError(reason: "sin entregas") }
        var keyed: [(key: Double, offset: Int, release: JSONTapeObject)] = []
        keyed.reserveCapacity(releases.count)
        var releaseIDs: [String] = []
        for (offset, release) in releases.enumerated() {
            let date = try release.lastMember("date").flatMap(OCDSMergedMember.text)
            keyed.append((sortKey(date: date), offset, release))
            if let id = try release.lastMember("id").flatMap(OCDSMergedMember.text) { releaseIDs.append(id) }
        }
        // The same order as the trees': by date, file order among equal dates.
        let ordered = keyed.sorted { $0.key == $1.key ? $0.offset < $1.offset : $0.key < $1.key }.map(\.release)
        func compiledText(_ key: String) throws -> String {
            guard case .whole(let value) = try OCDSMergedMember.resolve(key, in: ordered, merges: true) else {
                return ""
            }
            return try OCDSMergedMember.text(value) ?? ""
        }
        let id = "\(try compiledText("ocid"))-\(try compiledText("date"))"
        let fields = OCDSMergedFields<OCDSRelease.CodingKeys>(
            sources: ordered, merges: true, replaced: ["id": .string(id), "tag": .array([.string("compiled")])])
        return (try OCDSRelease(fields: fields), releaseIDs)
    }
}
