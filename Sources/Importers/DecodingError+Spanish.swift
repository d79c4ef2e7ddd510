import Foundation

extension DecodingError {
    /// The JSON path of the failing value below the element (`compiledRelease.awards[0].value.amount`).
    var jsonPath: String {
        let path: [any CodingKey]
        switch self {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context),
            .dataCorrupted(let context):
            path = context.codingPath
        @unknown default:
            path = []
        }
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    /// A Spanish explanation of the failure for a user.
    var spanishMessage: String {
        switch self {
        case .typeMismatch(let type, _):
            "tipo de valor incorrecto: se esperaba \(Self.spanishName(of: type))"
        case .valueNotFound(let type, _):
            "falta un valor (\(Self.spanishName(of: type)))"
        case .keyNotFound(let key, _):
            "falta el campo «\(key.stringValue)»"
        case .dataCorrupted(let context):
            context.codingPath.isEmpty
                ? "el elemento no es JSON válido" : "valor no válido: \(context.debugDescription)"
        @unknown default:
            "no se pudo leer el elemento"
        }
    }

    private static func spanishName(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "texto"
        case is Decimal.Type, is Double.Type, is Int.Type: "un número"
        case is Bool.Type: "verdadero/falso"
        case is [Any].Type: "un arreglo"
        default:
            "\(type)".hasPrefix("Array") ? "un arreglo" : "un objeto"
        }
    }
}
