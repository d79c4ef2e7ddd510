import ArgumentParser
import Domain

/// `transparencia import ocds FILE…`: Guatecompras OCDS data in any package shape, streamed.
struct ImportOcdsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ocds",
        abstract:
            "Importa compras en OCDS: paquetes de registros o de entregas, JSON Lines, OCDS aplanado (XLSX o CSV) o ZIP que los contengan.",
        discussion: HelpText.reflow(
            """
            Lee el archivo por partes (un registro a la vez), así que el paquete mensual
            de Guatecompras (200–300 MB, ≈17,000 registros) se importa con memoria
            acotada. De cada registro usa compiledRelease; si no lo trae, compila sus
            entregas (el valor más reciente de cada campo). Identifica la entidad
            (GT-CISP), la unidad compradora (GT-GCUC) y los proveedores (GT-NIT,
            GT-GCID); la modalidad se toma de procurementMethodDetails y se busca en el
            catálogo; las fechas 0001-01-01 quedan vacías y las ofertas de 0.0 quedan
            «sin monto». Un NOG ya registrado se actualiza y el cambio queda en el
            historial.

            También lee OCDS aplanado con flatten-tool, como lo ofrecen el registro de
            datos de la OCP y Guatecompras: un XLSX con la hoja releases (o main,
            records) y sus hojas hijas (awards, awa_suppliers, ten_items, …), o un ZIP
            con los mismos CSV (UTF-8 o Latin-1). Une las hojas por el id de la entrega
            y guarda lo mismo que el JSON del que salieron.

            Cada archivo es todo o nada (código 2 si tiene errores), salvo con
            --allow-rejects, que importa lo válido y guarda los rechazos con su motivo.

            Ejemplos:
              transparencia import ocds Samples/compras/ocds-sosep-2022.json
              transparencia import ocds --dry-run 2022-05.zip
              transparencia import ocds --allow-rejects --quiet entregas.jsonl
              transparencia import ocds 2022-12_Guatecompras.xlsx
            """)
    )

    @Argument(help: ArgumentHelp("Archivos OCDS (.json, .jsonl, .zip, o .xlsx/.csv aplanados).", valueName: "archivo"))
    var files: [String]

    @OptionGroup var flags: ImportFlags
    @OptionGroup var ledgerOptions: LedgerOptions

    func run() throws {
        try ImportCommandRunner(ledgerOptions: ledgerOptions, flags: flags).run(files, kind: .ocds)
    }
}
