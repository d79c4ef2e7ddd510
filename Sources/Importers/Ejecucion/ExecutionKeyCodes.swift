/// The codes of a row's budget key by field, in an array indexed by ``ExecutionField/keyPosition``: what a
/// dictionary keyed by field did, without hashing the field's name for every cell.
struct ExecutionKeyCodes {
    private var codes = Array(repeating: "", count: ExecutionField.keyWidths.count)

    /// The code of a key field ("" when the file does not carry it, and for a field that is not a key code).
    subscript(field: ExecutionField) -> String {
        get { field.keyPosition.map { codes[$0] } ?? "" }
        set {
            if let position = field.keyPosition { codes[position] = newValue }
        }
    }
}
