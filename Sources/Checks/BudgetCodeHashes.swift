import Domain

/// One 64-bit hash per code of ``BudgetCodes``, computed once per line, so projecting the line onto every mask
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

    /// The hashes of a row's codes. Absent codes never enter a projection: the mask of a row that leaves them out
    /// skips their bits.
    init(_ codes: BudgetCodes) {
        self.init(
            ejercicio: codes.ejercicio, entidad: codes.entidad, unidadEjecutora: codes.unidadEjecutora,
            programa: codes.programa, subprograma: codes.subprograma, proyecto: codes.proyecto,
            actividad: codes.actividad, obra: codes.obra, renglon: codes.renglon)
    }

    /// The hashes of a line's codes, read from the key as ``BudgetCodes`` reads them (no unidad ejecutora is ""):
    /// copying the codes out first cost more than hashing them.
    init(_ key: BudgetKey) {
        self.init(
            ejercicio: key.ejercicio, entidad: key.structure.entidad,
            unidadEjecutora: key.structure.unidadEjecutora ?? "", programa: key.structure.programa,
            subprograma: key.structure.subprograma, proyecto: key.structure.proyecto,
            actividad: key.structure.actividad, obra: key.structure.obra, renglon: key.renglon.rawValue)
    }

    private init(
        ejercicio: Int?, entidad: String?, unidadEjecutora: String?, programa: String?, subprograma: String?,
        proyecto: String?, actividad: String?, obra: String?, renglon: String
    ) {
        self.ejercicio = ejercicio.map { Self.mix(UInt64(bitPattern: Int64($0))) } ?? 0
        self.entidad = entidad.map(Self.hash) ?? 0
        self.unidadEjecutora = unidadEjecutora.map(Self.hash) ?? 0
        self.programa = programa.map(Self.hash) ?? 0
        self.subprograma = subprograma.map(Self.hash) ?? 0
        self.proyecto = proyecto.map(Self.hash) ?? 0
        self.actividad = actividad.map(Self.hash) ?? 0
        self.obra = obra.map(Self.hash) ?? 0
        self.renglon = Self.hash(renglon)
    }

    /// The hash of the projection onto a mask: its codes in bit order, each mixed in with its bit, then the renglón.
    func projection(_ mask: Int) -> UInt64 {
        var hash = Self.mix(UInt64(truncatingIfNeeded: mask))
        for bit in 0..<BudgetCodes.bits where mask & 1 << bit != 0 {
            hash = Self.mix((hash ^ code(at: bit)) &+ UInt64(bit))
        }
        return Self.mix(hash ^ renglon)
    }

    private func code(at bit: Int) -> UInt64 {
        switch bit {
        case 0: ejercicio
        case 1: entidad
        case 2: unidadEjecutora
        case 3: programa
        case 4: subprograma
        case 5: proyecto
        case 6: actividad
        default: obra
        }
    }

    /// FNV-1a over the code's bytes: a few multiplications for the short ASCII codes budget files carry.
    ///
    /// Packed projections carry each code's byte length and are compared as Swift strings, which are equal when
    /// canonically equivalent: codes agree when they are as long and equal as strings, which for codes with other
    /// than ASCII can be with different bytes (the same accents in another order). Those take Swift's own string
    /// hash, which agrees with that equality. An ASCII code equals no other code as long (what stands for an ASCII
    /// character, like the Kelvin sign for K, is longer), so its bytes are enough.
    private static func hash(_ code: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var bits: UInt8 = 0
        for byte in code.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            bits |= byte
        }
        return bits < 0x80 ? hash : UInt64(bitPattern: Int64(code.hashValue))
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
