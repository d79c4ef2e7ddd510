import Domain
import Foundation

/// The shared split-purchase algorithm (TR01–TR03), on one group of members with the same key:
///
/// for each member i (in date order) the window C_i holds the members dated 0…W days after it (or in the same
/// cuatrimestre / ejercicio); C_i qualifies when it has at least `minimum` members and its sum is **greater** than
/// the largest ceiling of its members' own modalities (Q25,000.00 is still baja cuantía; Q25,000.01 is not).
/// Overlapping qualifying windows merge into one episode.
enum SplitClusterer {
    /// The episodes of a group; `members` must be sorted by day.
    static func episodes(_ members: [SplitMember], window: SplitWindow, minimum: Int) throws -> [SplitEpisode] {
        guard members.count >= max(minimum, 1) else { return [] }
        switch window {
        case .days(let days): return try sliding(members, days: days, minimum: minimum)
        case .cuatrimestre: return try buckets(members, minimum: minimum) { $0.cuatrimestre }
        case .ejercicio: return try buckets(members, minimum: minimum) { _ in 0 }
        }
    }

    private static func sliding(_ members: [SplitMember], days: Int, minimum: Int) throws -> [SplitEpisode] {
        var prefix = [Int64](repeating: 0, count: members.count + 1)
        for (index, member) in members.enumerated() {
            prefix[index + 1] = prefix[index]
            try prefix[index + 1].add(centavos: member.amount.centavos)
        }
        var episodes: [SplitEpisode] = []
        // The open episode: its member range and its strongest window.
        var open: (start: Int, end: Int, best: Range<Int>, sum: Int64, ceiling: Money)?
        var end = 0
        // Indices in [i, end) with decreasing ceilings: the front is the window's largest ceiling.
        var maxima: [Int] = []
        var front = 0
        for i in members.indices {
            while end < members.count, members[end].day - members[i].day <= days {
                while maxima.count > front, members[maxima[maxima.count - 1]].ceiling <= members[end].ceiling {
                    maxima.removeLast()
                }
                maxima.append(end)
                end += 1
            }
            while front < maxima.count, maxima[front] < i { front += 1 }
            let count = end - i
            let sum = prefix[end] - prefix[i]
            let ceiling = members[maxima[front]].ceiling
            guard count >= minimum, sum > ceiling.centavos else { continue }
            if var current = open, i < current.end {
                current.end = max(current.end, end)
                if sum > current.sum { (current.best, current.sum, current.ceiling) = (i..<end, sum, ceiling) }
                open = current
            } else {
                if let current = open { episodes.append(episode(members, current)) }
                open = (i, end, i..<end, sum, ceiling)
            }
        }
        if let current = open { episodes.append(episode(members, current)) }
        return episodes
    }

    private static func episode(
        _ members: [SplitMember], _ range: (start: Int, end: Int, best: Range<Int>, sum: Int64, ceiling: Money)
    ) -> SplitEpisode {
        SplitEpisode(
            members: Array(members[range.start..<range.end]), best: Array(members[range.best]),
            bestSum: Money(centavos: range.sum), ceiling: range.ceiling)
    }

    private static func buckets(_ members: [SplitMember], minimum: Int, key: (SplitMember) -> Int) throws
        -> [SplitEpisode]
    {
        var groups: [Int: [SplitMember]] = [:]
        for member in members { groups[key(member), default: []].append(member) }
        return try groups.keys.sorted().compactMap { bucket in
            guard let group = groups[bucket], group.count >= minimum,
                let ceiling = group.map(\.ceiling).max()
            else { return nil }
            let sum = try Money.sum(group.map(\.amount))
            guard sum > ceiling else { return nil }
            return SplitEpisode(members: group, best: group, bestSum: sum, ceiling: ceiling)
        }
    }
}
