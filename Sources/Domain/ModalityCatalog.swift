import Foundation

/// The modality catalog bundled with the tool (`Catalogs/csv/modalidades.csv`), with matching of free text.
///
/// Labels differ between sources in spacing, accents, case and wording (`(Art.43 inciso e)` in the data vs
/// `(Art. 43 inciso e)` in the API catalog; `Compra Directa` alone in flat exports), so matching goes by the
/// normalized key (``normalize(_:)``), then the API catalog name, then known short forms.
public struct ModalityCatalog: Sendable {
    /// Every modality, in catalog order.
    public let modalities: [Modality]
    private let byCode: [String: Modality]
    private let byKey: [String: Modality]

    /// The catalog compiled into the tool, read once.
    public static let bundled = ModalityCatalog(rows: CatalogCSV.rows(CatalogText.modalidades))

    /// Short or older labels seen in flat exports and HTML pages, by normalized key → catalog code.
    static let aliases: [String: String] = [
        "bajacuantia": "baja_cuantia",
        "compradebajacuantia": "baja_cuantia",
        "compradebajacuantiaart43lceincisoa": "baja_cuantia",
        "compradirecta": "compra_directa_oferta_electronica",
        "compradirectaconofertaelectronica": "compra_directa_oferta_electronica",
        "compradirectaart43lceincisob": "compra_directa_oferta_electronica",
        "cotizacion": "cotizacion",
        "licitacion": "licitacion_publica",
        "licitacionpublica": "licitacion_publica",
        "casosdeexcepcion": "casos_excepcion",
        "contratoabierto": "contrato_abierto",
        "adquisicionconproveedorunico": "proveedor_unico",
        "proveedorunico": "proveedor_unico",
        "subastaelectronicainversa": "subasta_electronica_inversa",
    ]

    /// Builds a catalog from CSV rows keyed by header (`codigo`, `nombre`, `monto_minimo_gtq`, …).
    public init(rows: [[String: String]]) {
        self.init(modalities: rows.compactMap(Self.modality(from:)))
    }

    /// Builds a catalog from modalities.
    public init(modalities: [Modality]) {
        self.modalities = modalities
        var byCode: [String: Modality] = [:]
        var byKey: [String: Modality] = [:]
        for modality in modalities {
            byCode[modality.code] = modality
            byKey[modality.normalizedKey] = byKey[modality.normalizedKey] ?? modality
        }
        for modality in modalities {
            if let catalogName = modality.ocdsCatalogName, !catalogName.isEmpty {
                let key = Self.normalize(catalogName)
                byKey[key] = byKey[key] ?? modality
            }
        }
        for (key, code) in Self.aliases {
            if let modality = byCode[code] { byKey[key] = byKey[key] ?? modality }
        }
        self.byCode = byCode
        self.byKey = byKey
    }

    /// The modality with a catalog code.
    public func modality(code: String) -> Modality? { byCode[code] }

    /// The modality a free-text label names, or nil when it matches none (report it; never guess).
    public func modality(matching text: String) -> Modality? {
        let key = Self.normalize(text)
        guard !key.isEmpty else { return nil }
        if let modality = byKey[key] { return modality }
        // Flat exports sometimes append a sub-modality or drop the article; try without "art…" tails.
        let stem = Self.stripArticle(key)
        if stem != key, let modality = byKey[stem] { return modality }
        return nil
    }

    /// The matching key of a label: Unicode NFD → drop combining marks → lowercase → keep only `[0-9a-z]`
    /// (the `clave_normalizada` column of the catalog).
    public static func normalize(_ text: String) -> String {
        // Nearly every label is ASCII and Latin-1 letters (one per record of a national import): read from the
        // bytes, with each Latin-1 letter's base letter as NFD gives it; anything else takes the NFD path.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var lead: UInt8 = 0
        for byte in text.utf8 {
            if lead != 0 {
                if lead == 0xC3, let base = latin1Bases[Int(byte & 0x3F)] { bytes.append(base) }
                lead = 0
                continue
            }
            switch byte {
            case 0x30...0x39, 0x61...0x7A: bytes.append(byte)
            case 0x41...0x5A: bytes.append(byte + 0x20)
            case 0xC2, 0xC3: lead = byte
            case 0x80...: return decomposedKey(text)
            default: continue
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The base letters NFD gives U+00C0…U+00FF (lowercased), nil for those without one (Æ, Ð, ×, Ø, Þ, ß, …);
    /// U+0080…U+00BF decompose to nothing kept.
    private static let latin1Bases: [UInt8?] = Array(
        "aaaaaa.ceeeeiiii.nooooo..uuuuy..aaaaaa.ceeeeiiii.nooooo..uuuuy.y".utf8
    ).map { $0 == UInt8(ascii: ".") ? nil : $0 }

    /// ``normalize(_:)`` through Unicode NFD, for text beyond Latin-1.
    static func decomposedKey(_ text: String) -> String {
        var key = ""
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39, 0x61...0x7A: key.unicodeScalars.append(scalar)
            case 0x41...0x5A: key.unicodeScalars.append(Unicode.Scalar(scalar.value + 0x20) ?? scalar)
            default: continue
            }
        }
        return key
    }

    private static func stripArticle(_ key: String) -> String {
        guard let range = key.range(of: "art") else { return key }
        return String(key[..<range.lowerBound])
    }

    private static func modality(from row: [String: String]) -> Modality? {
        guard let code = row["codigo"], !code.isEmpty, let name = row["nombre"], !name.isEmpty else { return nil }
        func money(_ column: String) -> Money? {
            guard let text = row[column], !text.isEmpty else { return nil }
            return try? Money(parsing: text)
        }
        func text(_ column: String) -> String? {
            guard let value = row[column], !value.isEmpty else { return nil }
            return value
        }
        return Modality(
            code: code, name: name, article: row["articulo"] ?? "", minimum: money("monto_minimo_gtq"),
            maximum: money("monto_maximo_gtq"), validFrom: text("vigente_desde").flatMap { Int($0) },
            publishedInOCDS: row["publica_en_ocds"] != "no", publicationType: row["tipo_publicacion"] ?? "NOG",
            ocdsCatalogID: text("id_ocds"), ocdsCatalogName: text("nombre_catalogo_ocds"),
            normalizedKey: text("clave_normalizada"))
    }
}
