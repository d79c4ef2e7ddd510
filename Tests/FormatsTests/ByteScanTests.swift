import Foundation
import TestSupport
import Testing

@testable import Formats

/// The word-at-a-time searches must find exactly what a byte-by-byte loop finds, at every alignment.
struct ByteScanTests {
    /// Seeded buffers mixing plain text with the bytes the searches stop at (quote, backslash, control, non-ASCII).
    static func buffers() -> [[UInt8]] {
        var random = SplitMix64(seed: 8)
        let alphabet: [UInt8] =
            Array("abc {}[]:,0123".utf8) + [0x22, 0x5C, 0x00, 0x09, 0x0A, 0x1F, 0x20, 0x7F, 0x80, 0xC3, 0xFF]
        return (0..<400).map { round in
            let length = Int.random(in: 0...40, using: &random)
            // Runs without any stop byte, so the eight-byte steps are taken.
            let stopEvery = round % 4 == 0 ? 1000 : Int.random(in: 1...24, using: &random)
            return (0..<length).map { position in
                position % stopEvery == stopEvery - 1
                    ? alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
                    : UInt8(ascii: "a") + UInt8(Int.random(in: 0..<26, using: &random))
            }
        }
    }

    @Test("stringStop finds the first quote, backslash or control byte from every start")
    func stringStop() {
        for bytes in Self.buffers() {
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...bytes.count {
                    let expected =
                        bytes[start...].firstIndex { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 } ?? bytes.count
                    #expect(ByteScan.stringStop(buffer, from: start) == expected, "\(bytes) from \(start)")
                }
            }
        }
    }

    @Test("asciiWordsEnd stops at the first eight bytes that are not all ASCII")
    func asciiWords() {
        for bytes in Self.buffers() {
            bytes.withUnsafeBytes { raw in
                for start in 0...bytes.count {
                    var expected = start
                    while expected + 8 <= bytes.count, bytes[expected..<expected + 8].allSatisfy({ $0 < 0x80 }) {
                        expected += 8
                    }
                    #expect(ByteScan.asciiWordsEnd(raw, from: start) == expected)
                }
            }
        }
    }

    @Test("the UTF-8 check of raw chunks finds what the byte-by-byte check finds")
    func validatorAgrees() {
        var random = SplitMix64(seed: 9)
        let pieces: [[UInt8]] = [
            Array("plain ascii text ".utf8), Array("ñ€😀".utf8), [0xC3], [0xA9], [0xED, 0xA0, 0x80], [0xF4, 0x90],
            [0xFF], [0xE2, 0x82], [0xAC],
        ]
        for _ in 0..<500 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &random) {
                bytes += pieces[Int.random(in: 0..<pieces.count, using: &random)]
            }
            let cut = Int.random(in: 0...bytes.count, using: &random)
            var generic = UTF8Validator()
            generic.consume(bytes[..<cut])
            generic.consume(bytes[cut...])
            generic.finish()
            var raw = UTF8Validator()
            bytes[..<cut].withUnsafeBytes { raw.consume($0) }
            bytes[cut...].withUnsafeBytes { raw.consume($0) }
            raw.finish()
            #expect(raw.firstInvalidOffset == generic.firstInvalidOffset, "\(bytes) cut at \(cut)")
        }
    }
}
