import Foundation

/// The release shape both JSON decoder suites (tree and tape) decode, compared with `JSONDecoder`. The party is a
/// parameter because the tape declines some of the tree suite's fields (integers, ``JSONValue``).
enum JSONDecoderFixtures {
    struct Money: Decodable, Equatable {
        var amount: Decimal?
        var currency: String?
    }

    struct Release<Party: Decodable & Equatable>: Decodable, Equatable {
        var ocid: String
        var parties: [Party]?
        var tag: [String]?
    }
}
