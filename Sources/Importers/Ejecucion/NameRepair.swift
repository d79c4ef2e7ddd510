import Formats
import Foundation

/// Repairs or flags the text damage seen in execution files' names.
///
/// Doubly-encoded UTF-8 (`SECRETAR\u{C3}\u{8D}A` for SECRETARÍA) is undone with ``Formats/TextRepair``. Text
/// that held lone UTF-16 surrogates arrives with U+FFFD and cannot be repaired: it is flagged.
enum NameRepair {
    /// The outcome of looking at one text.
    enum Outcome: Equatable {
        case clean
        case repaired(String)
        /// The text carries replacement characters: information was lost before it reached us.
        case damaged
    }

    static func inspect(_ text: String) -> Outcome {
        if text.unicodeScalars.contains("\u{FFFD}") { return .damaged }
        let outcome = TextRepair.repair(text)
        return outcome.changed ? .repaired(outcome.text) : .clean
    }
}
