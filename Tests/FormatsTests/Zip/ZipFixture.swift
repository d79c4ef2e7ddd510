import Foundation
import ZIPFoundation

/// Builds small ZIP archives for tests, including the malformed ones real attackers send.
enum ZipFixture {
    /// Writes an archive with the given entries (deflated) to `url`.
    static func write(_ entries: [(path: String, data: Data)], to url: URL) throws {
        let archive = try Archive(url: url, accessMode: .create)
        for (path, data) in entries {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    /// Rewrites the uncompressed size every header declares for the archive's entries, as a ZIP bomb does.
    static func lieAboutSizes(at url: URL, declaring size: UInt32) throws {
        var bytes = [UInt8](try Data(contentsOf: url))
        func patch(_ offset: Int) {
            for shift in 0..<4 { bytes[offset + shift] = UInt8(truncatingIfNeeded: size >> (8 * UInt32(shift))) }
        }
        var index = 0
        while index + 4 <= bytes.count {
            let signature =
                UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]) << 16
                | UInt32(bytes[index + 3]) << 24
            if signature == 0x0403_4B50 { patch(index + 22) }  // local file header
            if signature == 0x0201_4B50 { patch(index + 24) }  // central directory header
            index += 1
        }
        try Data(bytes).write(to: url)
    }
}

extension ZipFixture {
    /// Byte offsets of each local file header (`PK\3\4`) of an archive.
    static func localHeaders(_ bytes: [UInt8]) -> [Int] {
        (0..<max(0, bytes.count - 3)).filter {
            bytes[$0] == 0x50 && bytes[$0 + 1] == 0x4B && bytes[$0 + 2] == 3 && bytes[$0 + 3] == 4
        }
    }

    /// Rewrites the first byte of every entry's deflate stream as a block of the reserved type 3, which zlib
    /// refuses as corrupt data, as a flipped bit on a download can.
    static func damageDeflateStreams(at url: URL) throws {
        var bytes = [UInt8](try Data(contentsOf: url))
        for header in localHeaders(bytes) {
            let nameLength = Int(bytes[header + 26]) | Int(bytes[header + 27]) << 8
            let extraLength = Int(bytes[header + 28]) | Int(bytes[header + 29]) << 8
            bytes[header + 30 + nameLength + extraLength] = 0xFF
        }
        try Data(bytes).write(to: url)
    }

    /// Sets the compression method of every entry (local and central headers) to `method`.
    static func setCompressionMethod(at url: URL, to method: UInt16) throws {
        var bytes = [UInt8](try Data(contentsOf: url))
        for header in localHeaders(bytes) {
            bytes[header + 8] = UInt8(method & 0xFF)
            bytes[header + 9] = UInt8(method >> 8)
        }
        for index in 0..<max(0, bytes.count - 3)
        where bytes[index] == 0x50 && bytes[index + 1] == 0x4B && bytes[index + 2] == 1 && bytes[index + 3] == 2 {
            bytes[index + 10] = UInt8(method & 0xFF)
            bytes[index + 11] = UInt8(method >> 8)
        }
        try Data(bytes).write(to: url)
    }
}
