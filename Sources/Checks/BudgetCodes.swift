import Domain

/// The codes a budget line has or an evidence row gives, as strings, by the bits of ``BudgetLineIndex``'s masks
/// (0 ejercicio, 1 entidad, 2 unidad ejecutora, 3 programa, 4 subprograma, 5 proyecto, 6 actividad, 7 obra), and
/// the renglón every projection carries. A row's absent codes are nil; a line has them all, its absent unidad
/// ejecutora as "" (as ``LinkEvidence/matches(_:)`` compares it, so a row giving "" fits it).
///
/// The index reads codes as bytes (``BudgetCodeBytes``); these strings are for keys and evidence already built, and
/// for codes with other than ASCII, which are decoded as Swift decodes them before their bytes are read.
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

    /// The strings the bytes spell, invalid UTF-8 repaired as reading a `String` from SQLite repairs it.
    init(decoding codes: BudgetCodeBytes) {
        func text(_ bytes: UnsafeBufferPointer<UInt8>?) -> String? {
            bytes.map { String(decoding: $0, as: UTF8.self) }
        }
        ejercicio = codes.ejercicio
        entidad = text(codes.entidad)
        unidadEjecutora = text(codes.unidadEjecutora)
        programa = text(codes.programa)
        subprograma = text(codes.subprograma)
        proyecto = text(codes.proyecto)
        actividad = text(codes.actividad)
        obra = text(codes.obra)
        renglon = String(decoding: codes.renglon, as: UTF8.self)
    }

    /// The codes' bytes, copied into one buffer that lives for the call.
    func withBytes<Result>(_ body: (BudgetCodeBytes) throws -> Result) rethrows -> Result {
        var storage: [UInt8] = []
        var ranges: [Range<Int>?] = []
        for code in [entidad, unidadEjecutora, programa, subprograma, proyecto, actividad, obra, renglon] {
            let start = storage.count
            if let code { storage.append(contentsOf: code.utf8) }
            ranges.append(code.map { _ in start..<storage.count })
        }
        return try storage.withUnsafeBufferPointer { buffer in
            func code(_ position: Int) -> UnsafeBufferPointer<UInt8>? {
                ranges[position].map { UnsafeBufferPointer(rebasing: buffer[$0]) }
            }
            return try body(
                BudgetCodeBytes(
                    ejercicio: ejercicio, entidad: code(0), unidadEjecutora: code(1), programa: code(2),
                    subprograma: code(3), proyecto: code(4), actividad: code(5), obra: code(6),
                    renglon: code(7) ?? UnsafeBufferPointer(start: nil, count: 0)))
        }
    }
}
