import Foundation

extension Money {
    /// This amount split in proportion to integer weights by ``LargestRemainder``: the parts add up to it exactly,
    /// to the centavo. Nil when a weight is negative or every weight is 0.
    public func split(byWeights weights: [Int64]) -> [Money]? {
        LargestRemainder.split(centavos, weights: weights)?.map(Money.init(centavos:))
    }
}
