import Foundation

extension DecodingError {
    /// The JSON path of the failing value, such as `productos[2].meta_fisica`.
    var jsonPath: String {
        let path: [any CodingKey]
        switch self {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            path = context.codingPath
        case .keyNotFound(let key, let context):
            path = context.codingPath + [key]
        @unknown default:
            path = []
        }
        return path.reduce("") { result, key in
            if let index = key.intValue { return result + "[\(index)]" }
            return result.isEmpty ? key.stringValue : result + "." + key.stringValue
        }
    }

    /// A Spanish sentence for the error.
    var spanishDescription: String {
        switch self {
        case .typeMismatch(let type, _): "el valor no es del tipo esperado (\(type))"
        case .valueNotFound: "falta un valor"
        case .keyNotFound(let key, _): "falta el campo «\(key.stringValue)»"
        case .dataCorrupted(let context): "JSON inválido: \(context.debugDescription)"
        @unknown default: "JSON inválido"
        }
    }
}
