import CCurl
import Fetch
import Testing

struct CurlLibraryTests {
    @Test("curl_version_info reports the linked libcurl through CurlLibrary")
    func versionInfo() throws {
        let version = CurlLibrary.version
        let parts = version.split(separator: ".")
        #expect(parts.count >= 2)
        #expect(parts.allSatisfy { Int($0) != nil })
        let info = try #require(transparencia_curl_version_info())
        #expect(String(cString: try #require(info.pointee.version)) == version)
    }

    @Test("libcurl initializes once and speaks HTTPS")
    func initializationAndHTTPS() {
        #expect(CurlLibrary.isInitialized)
        #expect(CurlLibrary.isInitialized)
        #expect(CurlLibrary.supportsHTTPS)
    }
}
