import Checks
import Foundation
import Importers

extension LedgerOptions {
    /// The check severities the profile's `[verificaciones]` table sets (none without a profile file); ids that no
    /// check has are named on stderr, so a typo does not pass silently.
    func checkSettings() throws -> CheckSettings {
        guard FileManager.default.fileExists(atPath: profile) else { return CheckSettings() }
        let settings = CheckSettings(severities: try CheckSettingsReader.read(URL(fileURLWithPath: profile)))
        for id in settings.unknownIDs() {
            Terminal.note("aviso: \(profile): [verificaciones] nombra «\(id)», que no es una verificación")
        }
        return settings
    }
}
