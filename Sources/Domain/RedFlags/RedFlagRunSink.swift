/// Receives a red-flag run while it is computed, so its flags can be stored while later indicators still run.
///
/// The engine calls ``raised(indicator:flags:)`` once for each indicator that ran successfully, from whichever
/// thread evaluated it and in no particular order, then ``finished(_:origins:)`` once, after the last. A run that
/// fails never calls `finished` (indicators running beside the failing one may still call `raised`): whoever
/// handed the sink over abandons it.
public protocol RedFlagRunSink: Sendable {
    /// One indicator's flags, in the order it raised them. `indicator` is its position in the run's indicators.
    func raised(indicator: Int, flags: [RedFlag])

    /// The whole run. `origins[p]` says where `run.flags[p]` came from: its place among all the flags raised,
    /// taken indicator by indicator in the run's order, each in the order it raised them.
    func finished(_ run: RedFlagRun, origins: [Int])
}
