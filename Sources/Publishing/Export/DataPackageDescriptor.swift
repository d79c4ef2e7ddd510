import Domain
import Foundation

/// `datapackage.json`: a Frictionless Data Package (v1, `tabular-data-package`) describing every published
/// file: path, format, encoding, CSV dialect, size and SHA-256, the schema's fields with types and Spanish
/// descriptions, primary and foreign keys, the LAIP numerals each table serves, the licence and the unit
/// responsible (from the profile), and the import runs the data come from (file, SHA-256, URL).
struct DataPackageDescriptor {
    var profile: InstitutionProfile
    var year: Int?
    var month: Int?
    var created: Date
    var format: FormatProfile
    var jsonLines: Bool
    var tables: [PublishedTable]
    var sources: [ImportRun]
    var toolVersion: String

    func json() -> OrderedJSON {
        let who =
            profile.siglas.isEmpty ? (profile.nombre.isEmpty ? "todas las entidades" : profile.nombre) : profile.siglas
        var description =
            "Información pública de oficio (Ley de Acceso a la Información Pública, Decreto 57-2008, "
            + "Art. 10) de \(profile.nombre.isEmpty ? who : profile.nombre)"
        if let year { description += ", ejercicio \(year)" }
        if let month { description += ", mes \(month)" }
        description +=
            ". CSV en UTF-8 (RFC 4180, fin de línea CRLF), \(formatNote) Fechas ISO 8601; montos exactos en "
            + "quetzales con dos decimales; códigos como texto. Generado por transparencia \(toolVersion)."
        var laip: [(String, OrderedJSON)] = [
            ("ley", .string("Decreto 57-2008, Ley de Acceso a la Información Pública")),
            ("articulo", .integer(10)),
            ("numerales", .array(Set(tables.flatMap(\.laipNumerals)).sorted().map { .integer($0) })),
        ]
        if !profile.unidadResponsable.isEmpty {
            laip.append(("unidad_responsable", .string(profile.unidadResponsable)))
        }
        if !profile.contacto.isEmpty { laip.append(("contacto", .string(profile.contacto))) }
        if !profile.columnasPersonalesPermitidas.isEmpty {
            laip.append(
                ("columnas_personales_permitidas", .array(profile.columnasPersonalesPermitidas.map(OrderedJSON.string)))
            )
        }
        return .compact([
            // A table without rows publishes its JSON as a plain file (see `resources`), and then the package
            // is no longer purely tabular.
            ("profile", .string(tables.allSatisfy { $0.rows > 0 } ? "tabular-data-package" : "data-package")),
            ("name", .string(packageName)),
            ("title", .string("Datos abiertos de \(who)" + (year.map { " — ejercicio \($0)" } ?? ""))),
            ("description", .string(description)),
            ("created", .string(Self.timestamp(created))),
            (
                "keywords",
                .array(
                    ["LAIP", "Guatemala", "presupuesto", "compras públicas", "Guatecompras", "SICOIN"].map(
                        OrderedJSON.string))
            ),
            ("licenses", .array([license])),
            ("contributors", .array(contributors)),
            ("sources", .array(sources.map(source))),
            ("laip", .object(laip)),
            ("resources", .array(tables.flatMap(resources))),
        ])
    }

    private var formatNote: String {
        let json = jsonLines ? "JSON Lines (.jsonl)" : "JSON (arreglo de objetos)"
        switch format {
        case .abierto: return "separador «,», punto decimal; \(json) con los mismos campos, montos como números."
        case .excel:
            return
                "perfil excel: con BOM, separador «;», coma decimal y texto que empieza con = + - @ precedido de «'»; "
                + "\(json) con los mismos campos, montos como números."
        }
    }

    /// `transparencia-sosep-2022`: lower case letters, digits and `-`, as Frictionless names require.
    private var packageName: String {
        let base = (profile.siglas.isEmpty ? profile.nombre : profile.siglas)
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        let slug = base.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? String($0) : "-" }.joined()
            .split(separator: "-").joined(separator: "-")
        return (["transparencia"] + (slug.isEmpty ? [] : [slug]) + (year.map { [String($0)] } ?? [])).joined(
            separator: "-")
    }

    private var license: OrderedJSON {
        let id = profile.licencia.isEmpty ? LicenseCatalog.defaultID : profile.licencia
        guard let (url, title) = LicenseCatalog.lookup(id) else { return .object([("name", .string(id))]) }
        return .object([("name", .string(id)), ("path", .string(url)), ("title", .string(title))])
    }

    private var contributors: [OrderedJSON] {
        guard !profile.unidadResponsable.isEmpty || !profile.contacto.isEmpty else { return [] }
        var members: [(String, OrderedJSON)] = [
            (
                "title",
                .string(profile.unidadResponsable.isEmpty ? "Unidad de Información Pública" : profile.unidadResponsable)
            )
        ]
        let contact = profile.contacto.trimmingCharacters(in: .whitespaces)
        if contact.contains("@"), !contact.contains(" ") {
            members.append(("email", .string(contact)))
        } else if contact.hasPrefix("http://") || contact.hasPrefix("https://") {
            members.append(("path", .string(contact)))
        } else if !contact.isEmpty {
            members[0] = ("title", .string("\(profile.unidadResponsable) (\(contact))"))
        }
        members.append(("role", .string("publisher")))
        if !profile.nombre.isEmpty { members.append(("organization", .string(profile.nombre))) }
        return [.object(members)]
    }

    private func source(_ run: ImportRun) -> OrderedJSON {
        .compact([
            ("title", .string(run.fileName)),
            ("path", .optional(run.sourceURL.flatMap { $0.isEmpty ? nil : $0 })),
            ("tipo", .string(run.sourceKind)),
            ("sha256", .string(run.sha256)),
            ("bytes", .integer(run.bytes)),
        ])
    }

    private func resources(_ table: PublishedTable) -> [OrderedJSON] {
        var description = table.summary
        if !table.laipNumerals.isEmpty {
            let numerals = table.laipNumerals.map(String.init)
            description +=
                ". LAIP, Art. 10, numeral" + (numerals.count > 1 ? "es " : " ")
                + (numerals.count > 1
                    ? numerals.dropLast().joined(separator: ", ") + " y " + (numerals.last ?? "") : numerals[0])
        }
        description += "."
        let laip: OrderedJSON = .object([
            ("articulo", .integer(10)), ("numerales", .array(table.laipNumerals.map { .integer($0) })),
        ])
        let csv: OrderedJSON = .compact([
            ("name", .string(table.heading.name)),
            ("path", .string(table.csv.name)),
            ("profile", .string("tabular-data-resource")),
            ("title", .string(table.heading.title)),
            ("description", .string(description)),
            ("format", .string("csv")),
            ("mediatype", .string("text/csv")),
            ("encoding", .string(format.writesByteOrderMark ? "utf-8-sig" : "utf-8")),
            ("bytes", .integer(table.csv.bytes)),
            ("hash", .string("sha256:" + table.csv.sha256)),
            (
                "dialect",
                .object([
                    ("delimiter", .string(format.delimiter == UInt8(ascii: ";") ? ";" : ",")),
                    ("lineTerminator", .string(FormatProfile.lineTerminator)),
                    ("quoteChar", .string("\"")),
                    ("doubleQuote", .bool(true)),
                    ("header", .bool(true)),
                ])
            ),
            ("schema", schema(table, decimalComma: format.decimalSeparator == UInt8(ascii: ","), suffix: "")),
            ("laip", laip),
        ])
        // An empty table's JSON is `[]`, from which Frictionless cannot read a table: it is described as a plain
        // JSON file, and the CSV beside it carries the schema.
        let tabularJSON = table.rows > 0
        let json: OrderedJSON = .compact([
            ("name", .string(table.heading.name + "_json")),
            ("path", .string(table.jsonName)),
            ("profile", .string(tabularJSON ? "tabular-data-resource" : "data-resource")),
            // Frictionless 5 reads `.json`/`.jsonl` as a table unless told the resource is a plain file.
            ("type", tabularJSON ? .null : .string("file")),
            ("title", .string(table.heading.title + " (JSON)")),
            (
                "description",
                .string(
                    tabularJSON
                        ? description
                        : description + " Sin filas en esta publicación: el esquema es el de "
                            + table.csv.name + ".")
            ),
            ("format", .string(jsonLines ? "jsonl" : "json")),
            ("mediatype", .string(jsonLines ? "application/jsonl" : "application/json")),
            ("encoding", .string("utf-8")),
            // No `bytes`/`hash` here: Frictionless reads JSON through a parser that does not count bytes, and would
            // report every JSON resource as not matching them.
            ("schema", tabularJSON ? schema(table, decimalComma: false, suffix: "_json") : .null),
            ("laip", laip),
        ])
        return [csv, json]
    }

    private func schema(_ table: PublishedTable, decimalComma: Bool, suffix: String) -> OrderedJSON {
        let fields: [OrderedJSON] = table.heading.columns.map { column in
            var members: [(String, OrderedJSON)] = [
                ("name", .string(column.name)), ("type", .string(column.kind.rawValue)),
            ]
            var description = column.description
            if table.personalColumns.contains(column.name) {
                description +=
                    (description.isEmpty ? "" : ". ")
                    + "Puede contener datos personales: la institución decidió publicarla (columnas_personales_permitidas)"
            }
            if !description.isEmpty { members.append(("description", .string(description))) }
            if column.kind == .number, decimalComma { members.append(("decimalChar", .string(","))) }
            if table.primaryKey.contains(column.name) {
                members.append(("constraints", .object([("required", .bool(true))])))
            }
            return .object(members)
        }
        return .compact([
            ("fields", .array(fields)),
            ("missingValues", .array([.string("")])),
            ("primaryKey", table.primaryKey.isEmpty ? .null : .array(table.primaryKey.map(OrderedJSON.string))),
            (
                "foreignKeys",
                .array(
                    table.foreignKeys.map { key in
                        .object([
                            ("fields", .array(key.fields.map(OrderedJSON.string))),
                            (
                                "reference",
                                .object([
                                    ("resource", .string(key.table + suffix)),
                                    ("fields", .array(key.referencedFields.map(OrderedJSON.string))),
                                ])
                            ),
                        ])
                    })
            ),
        ])
    }

    /// `2023-01-15T10:12:40Z`: RFC 3339 in UTC, as Frictionless asks for `created`.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
