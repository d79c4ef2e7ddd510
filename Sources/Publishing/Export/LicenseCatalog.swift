import Foundation

/// The licences a profile may name by SPDX id (`[laip] licencia`), with their URL and Spanish title.
enum LicenseCatalog {
    /// The default licence of published data: CC BY 4.0, as Guatecompras publishes its OCDS.
    static let defaultID = "CC-BY-4.0"

    /// URL and title of a known licence id (case-insensitive), or nil.
    static func lookup(_ id: String) -> (url: String, title: String)? {
        known[id.uppercased()]
    }

    private static let known: [String: (url: String, title: String)] = [
        "CC-BY-4.0": ("https://creativecommons.org/licenses/by/4.0/", "Creative Commons Atribución 4.0 Internacional"),
        "CC-BY-SA-4.0": (
            "https://creativecommons.org/licenses/by-sa/4.0/", "Creative Commons Atribución-CompartirIgual 4.0"
        ),
        "CC0-1.0": ("https://creativecommons.org/publicdomain/zero/1.0/", "Creative Commons CC0 1.0 (dominio público)"),
        "ODC-BY-1.0": ("https://opendatacommons.org/licenses/by/1-0/", "Open Data Commons Attribution 1.0"),
        "ODBL-1.0": ("https://opendatacommons.org/licenses/odbl/1-0/", "Open Data Commons Open Database License 1.0"),
        "PDDL-1.0": (
            "https://opendatacommons.org/licenses/pddl/1-0/", "Open Data Commons Public Domain Dedication 1.0"
        ),
    ]
}
