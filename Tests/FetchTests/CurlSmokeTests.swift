import Fetch
import Foundation
import Testing

struct CurlSmokeTests {
    @Test("links the system libcurl and reads its version")
    func version() {
        let version = CurlLibrary.version
        #expect(version != "?")
        #expect(version.split(separator: ".").count >= 2)
    }
}
