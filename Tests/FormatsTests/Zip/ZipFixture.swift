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
            let signature = UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]) << 16
                | UInt32(bytes[index + 3]) << 24
            if signature == 0x0403_4B50 { patch(index + 22) }  // local file header
            if signature == 0x0201_4B50 { patch(index + 24) }  // central directory header
            index += 1
        }
        try Data(bytes).write(to: url)
    }
}
