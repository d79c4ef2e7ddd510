import Domain

/// The codes a budget line has or an evidence row gives, by the bits of ``BudgetLineIndex``'s masks (0 ejercicio,
/// 1 entidad, 2 unidad ejecutora, 3 programa, 4 subprograma, 5 proyecto, 6 actividad, 7 obra), and the renglón
/// every projection carries. A row's absent codes are nil; a line has them all, its absent unidad ejecutora as
/// "" (as ``LinkEvidence/matches(_:)`` compares it, so a row giving "" fits it).
struct BudgetCodes {
    static let bits = 8

    var ejercicio: Int?
    var entidad: String?
    var unidadEjecutora: String?
    var programa: String?
    var subprograma: String?
    var proyecto: String?
    var actividad: String?
    var obra: String?
    var renglon: String

    init(_ key: BudgetKey) {
        let structure = key.structure
        ejercicio = key.ejercicio
        entidad = structure.entidad
        unidadEjecutora = structure.unidadEjecutora ?? ""
        programa = structure.programa
        subprograma = structure.subprograma
        proyecto = structure.proyecto
        actividad = structure.actividad
        obra = structure.obra
        renglon = key.renglon.rawValue
    }

    /// The codes a row gives, or nil when it gives no renglón (it then fits no line).
    init?(_ evidence: LinkEvidence) {
        guard let renglon = evidence.renglon else { return nil }
        ejercicio = evidence.ejercicio
        entidad = evidence.entidad
        unidadEjecutora = evidence.unidadEjecutora
        programa = evidence.programa
        subprograma = evidence.subprograma
        proyecto = evidence.proyecto
        actividad = evidence.actividad
        obra = evidence.obra
        self.renglon = renglon.rawValue
    }

    /// The bits of the codes given.
    var mask: Int {
        var mask = ejercicio == nil ? 0 : 1
        for bit in 1..<Self.bits where text(at: bit) != nil { mask |= 1 << bit }
        return mask
    }

    /// The code at a bit, the ejercicio in decimal (two are equal exactly when their numbers are).
    func text(at bit: Int) -> String? {
        switch bit {
        case 0: ejercicio.map { String($0) }
        case 1: entidad
        case 2: unidadEjecutora
        case 3: programa
        case 4: subprograma
        case 5: proyecto
        case 6: actividad
        default: obra
        }
    }

    /// The codes the mask selects and the renglón, each preceded by its length, so no two projections pack alike:
    /// the exact projection hash hits are confirmed with. Written into a buffer sized beforehand (appending piece
    /// by piece reallocated).
    func packed(_ mask: Int) -> String {
        var capacity = 0
        forEachPackedByte(mask) { _ in capacity += 1 }
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            var end = 0
            forEachPackedByte(mask) {
                buffer[end] = $0
                end += 1
            }
            return end
        }
    }

    /// Whether ``packed(_:)`` gives `stored`, compared byte by byte without building it; when the bytes differ
    /// (a hash collision, or the same text written with other bytes) the strings are compared as Swift does.
    func packs(_ mask: Int, as stored: String) -> Bool {
        var bytes = stored.utf8.makeIterator()
        var same = true
        forEachPackedByte(mask) { byte in
            if same && bytes.next() != byte { same = false }
        }
        if same && bytes.next() == nil { return true }
        return packed(mask) == stored
    }

    /// The bytes of ``packed(_:)`` one by one, inlined so comparing them is a loop rather than a call per byte.
    @inline(__always)
    private func forEachPackedByte(_ mask: Int, _ body: (UInt8) -> Void) {
        func piece(_ code: String) {
            var divisor = 1
            while divisor <= code.utf8.count / 10 { divisor *= 10 }
            while divisor > 0 {
                body(UInt8(ascii: "0") + UInt8(code.utf8.count / divisor % 10))
                divisor /= 10
            }
            body(UInt8(ascii: ":"))
            for byte in code.utf8 { body(byte) }
        }
        for bit in 0..<Self.bits where mask & 1 << bit != 0 {
            if let code = text(at: bit) { piece(code) }
        }
        piece(renglon)
    }
}
