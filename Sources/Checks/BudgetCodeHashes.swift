import Domain

/// One 64-bit hash per code of ``BudgetCodeBytes``, computed once per line, so projecting the line onto every mask
/// mixes a few numbers instead of packing strings. Equal projections always hash alike; unequal ones almost never
/// do, and ``BudgetLineIndex`` compares the packed projections whenever they do.
struct BudgetCodeHashes {
    private let ejercicio: UInt64
    private let entidad: UInt64
    private let unidadEjecutora: UInt64
    private let programa: UInt64
    private let subprograma: UInt64
    private let proyecto: UInt64
    private let actividad: UInt64
    private let obra: UInt64
    private let renglon: UInt64
    /// True when every code is ASCII, so its bytes are those of its string (see ``BudgetCodeBytes``).
    let isASCII: Bool

    /// The hashes of a line's or row's codes. A row's absent codes never enter a projection: the mask of a row that
    /// leaves them out skips their bits.
    init(_ codes: BudgetCodeBytes) {
        var bits: UInt8 = 0
        func hash(_ code: UnsafeBufferPointer<UInt8>?) -> UInt64 {
            code.map { Self.hash($0, bits: &bits) } ?? 0
        }
        ejercicio = codes.ejercicio.map { Self.mix(UInt64(bitPattern: Int64($0))) } ?? 0
        entidad = hash(codes.entidad)
        unidadEjecutora = hash(codes.unidadEjecutora)
        programa = hash(codes.programa)
        subprograma = hash(codes.subprograma)
        proyecto = hash(codes.proyecto)
        actividad = hash(codes.actividad)
        obra = hash(codes.obra)
        renglon = hash(codes.renglon)
        isASCII = bits < 0x80
    }

    /// The hash of the projection onto a mask: its codes in bit order, each mixed in with its bit, then the renglón.
    /// Spelled out bit by bit: a loop choosing each code by its bit was a tenth of the check.
    func projection(_ mask: Int) -> UInt64 {
        var hash = Self.mix(UInt64(truncatingIfNeeded: mask))
        if mask & 1 != 0 { hash = Self.mix(hash ^ ejercicio) }
        if mask & 1 << 1 != 0 { hash = Self.mix((hash ^ entidad) &+ 1) }
        if mask & 1 << 2 != 0 { hash = Self.mix((hash ^ unidadEjecutora) &+ 2) }
        if mask & 1 << 3 != 0 { hash = Self.mix((hash ^ programa) &+ 3) }
        if mask & 1 << 4 != 0 { hash = Self.mix((hash ^ subprograma) &+ 4) }
        if mask & 1 << 5 != 0 { hash = Self.mix((hash ^ proyecto) &+ 5) }
        if mask & 1 << 6 != 0 { hash = Self.mix((hash ^ actividad) &+ 6) }
        if mask & 1 << 7 != 0 { hash = Self.mix((hash ^ obra) &+ 7) }
        return Self.mix(hash ^ renglon)
    }

    /// FNV-1a over the code's bytes: a few multiplications for the short ASCII codes budget files carry.
    ///
    /// Packed projections carry each code's byte length and are compared as Swift strings, which are equal when
    /// canonically equivalent: codes agree when they are as long and equal as strings, which for codes with other
    /// than ASCII can be with different bytes (the same accents in another order). Those take Swift's own string
    /// hash, which agrees with that equality. An ASCII code equals no other code as long (what stands for an ASCII
    /// character, like the Kelvin sign for K, is longer), so its bytes are enough.
    ///
    /// A code with other than ASCII hashes alike whether its bytes are SQLite's or repaired (decoding repairs
    /// them the same way twice). `bits` gathers the bytes' high bits, for ``isASCII``.
    private static func hash(_ code: UnsafeBufferPointer<UInt8>, bits: inout UInt8) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var codeBits: UInt8 = 0
        for byte in code {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            codeBits |= byte
        }
        bits |= codeBits
        return codeBits < 0x80 ? hash : UInt64(bitPattern: Int64(String(decoding: code, as: UTF8.self).hashValue))
    }

    /// MurmurHash3's 64-bit finalizer: every input bit reaches every output bit, so a projection's hash depends on
    /// the order of its codes and FNV's poorly mixed bits are spread.
    private static func mix(_ value: UInt64) -> UInt64 {
        var value = value
        value ^= value >> 33
        value &*= 0xff51_afd7_ed55_8ccd
        value ^= value >> 33
        value &*= 0xc4ce_b9fe_1a85_ec53
        value ^= value >> 33
        return value
    }
}
