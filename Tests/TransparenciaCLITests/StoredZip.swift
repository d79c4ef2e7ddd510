import Foundation

/// Writes minimal ZIP archives with stored (uncompressed) entries, so end-to-end tests can build the archives
/// users send, hostile names included, without a ZIP library.
enum StoredZip {
    static func archive(_ entries: [(name: String, data: Data)]) -> Data {
        var body = Data()
        var central = Data()
        for (name, data) in entries {
            let offset = UInt32(body.count)
            let nameBytes = Data(name.utf8)
            let crc = crc32(data)
            var local = Data()
            local.append(le32(0x0403_4B50))
            local.append(le16(20))
            local.append(le16(0))
            local.append(le16(0))  // version, flags, stored
            local.append(le16(0))
            local.append(le16(0x21))  // time, date
            local.append(le32(crc))
            local.append(le32(UInt32(data.count)))
            local.append(le32(UInt32(data.count)))
            local.append(le16(UInt16(nameBytes.count)))
            local.append(le16(0))
            body.append(local)
            body.append(nameBytes)
            body.append(data)
            central.append(le32(0x0201_4B50))
            central.append(le16(20))
            central.append(le16(20))
            central.append(le16(0))
            central.append(le16(0))
            central.append(le16(0))
            central.append(le16(0x21))
            central.append(le32(crc))
            central.append(le32(UInt32(data.count)))
            central.append(le32(UInt32(data.count)))
            central.append(le16(UInt16(nameBytes.count)))
            central.append(le16(0))
            central.append(le16(0))
            central.append(le16(0))
            central.append(le16(0))
            central.append(le32(0o100644 << 16))
            central.append(le32(offset))
            central.append(nameBytes)
        }
        var end = Data()
        end.append(le32(0x0605_4B50))
        end.append(le16(0))
        end.append(le16(0))
        end.append(le16(UInt16(entries.count)))
        end.append(le16(UInt16(entries.count)))
        end.append(le32(UInt32(central.count)))
        end.append(le32(UInt32(body.count)))
        end.append(le16(0))
        return body + central + end
    }

    private static func le16(_ value: UInt16) -> Data { Data([UInt8(value & 0xFF), UInt8(value >> 8)]) }
    private static func le32(_ value: UInt32) -> Data { Data((0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) }) }

    private static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
