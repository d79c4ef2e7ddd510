import Foundation

/// Puts swift-argument-parser's English into Spanish (usage errors and help), so every line a user reads is
/// Spanish.
///
/// The parser's wording is stable across its 1.x releases; a phrase not listed here is shown as it comes.
enum UsageMessage {
    private static let phrases: [(String, String)] = [
        ("Error: Missing expected argument", "Error: falta el argumento"),
        ("Error: Unexpected argument", "Error: argumento inesperado"),
        (" unexpected arguments:", " argumentos inesperados:"),
        ("Error: Unknown option", "Error: opción desconocida"),
        ("Error: Missing value for", "Error: falta el valor de"),
        ("is invalid for", "no es válido para"),
        ("Error: The value", "Error: el valor"),
        ("Please provide one of", "Use uno de"),
        ("Error: Duplicate exclusive value", "Error: valor exclusivo repetido"),
        ("Help:  ", "Ayuda:  "),
        ("Usage: ", "Uso: "),
        ("See '", "Vea «"),
        ("' for more information.", "» para más información."),
        ("' for detailed help.", "» para la ayuda detallada."),
        ("OVERVIEW:", "DESCRIPCIÓN:"),
        ("USAGE:", "USO:"),
        ("ARGUMENTS:", "ARGUMENTOS:"),
        ("OPTIONS:", "OPCIONES:"),
        ("SUBCOMMANDS:", "SUBCOMANDOS:"),
        ("Show help information.", "Muestra esta ayuda."),
        ("Show the version.", "Muestra la versión."),
        ("(default: ", "(por omisión: "),
        (" (default)", " (por omisión)"),
        ("; default: ", "; por omisión: "),
        ("(values: ", "(valores: "),
        ("<subcommand>", "<subcomando>"),
    ]

    /// The message with the known phrases translated.
    static func spanish(_ message: String) -> String {
        phrases.reduce(message) { text, pair in text.replacingOccurrences(of: pair.0, with: pair.1) }
    }
}
