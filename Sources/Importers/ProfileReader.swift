import Domain
import Foundation

/// Reads the institution profile (`transparencia.toml`).
public enum ProfileReader {
    /// Parses a profile file.
    public static func read(_ url: URL) throws -> InstitutionProfile {
        InstitutionProfile()
    }
}
