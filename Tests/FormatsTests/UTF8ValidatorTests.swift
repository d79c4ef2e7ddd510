import Formats
import Foundation
import TestSupport
import Testing

struct UTF8ValidatorTests {
    @Test("accepts UTF-8 split across chunks and finds the first invalid byte")
    func validation() {
        var validator = UTF8Validator()
        let bytes = Array("añ€😀".utf8)
        for byte in bytes { validator.consume([byte]) }
        validator.finish()
        #expect(validator.isValid)

        var latin1 = UTF8Validator()
        latin1.consume([0x41, 0xD1, 0x41])
        #expect(latin1.firstInvalidOffset == 2)

        var truncated = UTF8Validator()
        truncated.consume([0x41, 0xE2, 0x82])
        truncated.finish()
        #expect(!truncated.isValid)

        var surrogate = UTF8Validator()
        surrogate.consume([0xED, 0xA0, 0x80])
        #expect(!surrogate.isValid, "encoded UTF-16 surrogates are not UTF-8")
    }

    @Test("hashes a file in chunks")
    func digest() throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write("abc.txt", text: "abc")
        let digest = try FileDigest.of(url)
        #expect(digest.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(digest.bytes == 3)
    }
}
