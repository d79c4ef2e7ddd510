import Testing

@testable import Ledger

struct LikePrefixTests {
    @Test("a code prefix becomes an index range that selects what LIKE selects; letters keep LIKE alone")
    func ranges() {
        #expect(LikePrefix(prefix: "7-").upperBound == "7.")
        #expect(LikePrefix(prefix: "436-").sql("c").sql == "(c >= ? AND c < ? AND c LIKE ?)")
        #expect(LikePrefix(prefix: "436-").sql("c").arguments == ["436-", "436.", "436-%"])
        #expect(LikePrefix(prefix: "ab-").upperBound == nil, "LIKE ignores case: a range would miss AB-1")
        #expect(LikePrefix(prefix: "4%").upperBound == nil)
        #expect(LikePrefix(prefix: "ab-").sql("c").sql == "c LIKE ?")
    }
}
