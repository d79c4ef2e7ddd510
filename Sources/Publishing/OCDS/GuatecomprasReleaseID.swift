import Domain
import Foundation

/// Guatecompras' release ids (`GT-NOG-<NOG>-T<ticks>`): the ticks are a .NET `DateTime.Ticks` value (100 ns
/// units since 0001-01-01) of the release's local publication time, so they date the release and sort it.
enum GuatecomprasReleaseID {
    /// .NET ticks at 1970-01-01.
    private static let unixEpochTicks: Int64 = 621_355_968_000_000_000

    /// When the release was published, from its id; nil when the id has no ticks.
    static func date(of releaseID: String) -> Date? {
        guard let marker = releaseID.range(of: "-T", options: .backwards),
            let ticks = Int64(releaseID[marker.upperBound...]), ticks > unixEpochTicks
        else { return nil }
        let localSeconds = (ticks - unixEpochTicks) / 10_000_000
        return Date(timeIntervalSince1970: TimeInterval(localSeconds - Int64(ProcurementDate.guatemalaOffsetSeconds)))
    }

    /// The URL Guatecompras serves a release at.
    static func url(of releaseID: String) -> String {
        "https://ocds.guatecompras.gt/release/" + releaseID
    }

    /// The URL that serves a NOG's latest release, for a process known without release ids.
    static func latestURL(nog: String) -> String {
        "https://ocds.guatecompras.gt/release/searchNog/" + nog
    }
}
