import Foundation

/// Arguments written so they can be pasted into a POSIX shell: `--modality 'compra directa'`.
enum ShellWords {
    static func join(_ arguments: [String]) -> String {
        arguments.map(quote).joined(separator: " ")
    }

    static func quote(_ argument: String) -> String {
        let safe = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_./=:,@%+"))
        if !argument.isEmpty && argument.unicodeScalars.allSatisfy({ safe.contains($0) && $0.isASCII }) {
            return argument
        }
        return "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
