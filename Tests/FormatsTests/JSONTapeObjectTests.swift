import Foundation
import Testing

@testable import Formats

struct JSONTapeObjectTests {
    @Test(
        "lastMember gives the last of duplicate keys, as the tree keeps them; member the first",
        arguments: [
            (#"{"a":1,"b":2,"a":3}"#, "a", "3", "1"),
            (#"{"\u0061":1,"a":2,"\u0061":3}"#, "a", "3", "1"),
            (#"{"ab":1,"a":2,"b":3}"#, "a", "2", "2"),
            (#"{"":1,"x":2,"":3}"#, "", "3", "1"),
            (#"{"x":{"a":9},"y":[1,{"a":8}]}"#, "a", nil, nil),
            ("{}", "a", nil, nil),
        ] as [(String, String, String?, String?)])
    func duplicateKeys(_ text: String, key: String, last: String?, first: String?) throws {
        let object = try JSONTapeObject(Data(text.utf8))
        let lastValue = try object.lastMember(key).map { "\(try $0.decimal())" }
        let firstValue = try object.member(key).map { "\(try $0.decimal())" }
        #expect(lastValue == last)
        #expect(firstValue == first)
    }
}
