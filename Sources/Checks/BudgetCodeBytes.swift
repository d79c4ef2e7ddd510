/// The codes of a budget line or an evidence row as UTF-8 bytes, by the bits of ``BudgetCodes``, valid only inside
/// the call that hands them over: a national year's lines and rows are hashed and compared straight from SQLite's
/// buffers, no string made. A row's absent codes are nil; a line has them all, its absent unidad ejecutora empty.
///
/// Bytes other than ASCII may be invalid UTF-8, which a `String` read from SQLite repairs: ``BudgetLineIndex``
/// hashes such codes as strings and packs them as their strings spell them (``BudgetCodes/withBytes(_:)``), so
/// answers are those the codes' strings gave.
struct BudgetCodeBytes {
    var ejercicio: Int?
    var entidad: UnsafeBufferPointer<UInt8>?
    var unidadEjecutora: UnsafeBufferPointer<UInt8>?
    var programa: UnsafeBufferPointer<UInt8>?
    var subprograma: UnsafeBufferPointer<UInt8>?
    var proyecto: UnsafeBufferPointer<UInt8>?
    var actividad: UnsafeBufferPointer<UInt8>?
    var obra: UnsafeBufferPointer<UInt8>?
    var renglon: UnsafeBufferPointer<UInt8>

    /// The code at a bit from 1 (entidad) to 7 (obra).
    func code(at bit: Int) -> UnsafeBufferPointer<UInt8>? {
        switch bit {
        case 1: entidad
        case 2: unidadEjecutora
        case 3: programa
        case 4: subprograma
        case 5: proyecto
        case 6: actividad
        default: obra
        }
    }

    /// The bits of the codes given.
    var mask: Int {
        var mask = ejercicio == nil ? 0 : 1
        for bit in 1..<BudgetCodes.bits where code(at: bit) != nil { mask |= 1 << bit }
        return mask
    }

    /// Whether the projection onto the mask packs as `stored` (``forEachPackedByte(_:_:)``'s bytes), compared byte
    /// by byte; when the bytes differ (a hash collision, or the same text written with other bytes) they are
    /// compared as Swift compares strings, which holds canonically equivalent text equal.
    func packs(_ mask: Int, as stored: UnsafeBufferPointer<UInt8>) -> Bool {
        var next = stored.startIndex
        var same = true
        forEachPackedByte(mask) { byte in
            guard same else { return }
            if next < stored.endIndex && stored[next] == byte {
                next += 1
            } else {
                same = false
            }
        }
        if same && next == stored.endIndex { return true }
        var packed: [UInt8] = []
        forEachPackedByte(mask) { packed.append($0) }
        return String(decoding: packed, as: UTF8.self) == String(decoding: stored, as: UTF8.self)
    }

    /// The codes the mask selects and the renglón, each preceded by its length in bytes, so no two projections
    /// pack alike: the exact projection hash hits are confirmed with. Inlined so comparing them is a loop rather
    /// than a call per byte.
    @inline(__always)
    func forEachPackedByte(_ mask: Int, _ body: (UInt8) -> Void) {
        func piece(_ code: UnsafeBufferPointer<UInt8>) {
            var divisor = 1
            while divisor <= code.count / 10 { divisor *= 10 }
            while divisor > 0 {
                body(UInt8(ascii: "0") + UInt8(code.count / divisor % 10))
                divisor /= 10
            }
            body(UInt8(ascii: ":"))
            for byte in code { body(byte) }
        }
        if mask & 1 != 0, let ejercicio {
            var year = String(ejercicio)
            year.withUTF8 { piece($0) }
        }
        for bit in 1..<BudgetCodes.bits where mask & 1 << bit != 0 {
            if let code = code(at: bit) { piece(code) }
        }
        piece(renglon)
    }
}
