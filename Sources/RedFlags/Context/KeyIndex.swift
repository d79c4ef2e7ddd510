/// Small integers for the text keys indicators group by (units, entities, suppliers): grouping 300,000 purchases
/// by `Int` is much cheaper than by concatenated strings.
final class KeyIndex {
    private var indices: [String: Int] = [:]

    /// The key's integer, assigned on first sight.
    func index(_ key: String) -> Int {
        if let known = indices[key] { return known }
        let next = indices.count
        indices[key] = next
        return next
    }
}
